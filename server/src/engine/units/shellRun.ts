import { logicalLines, type Segment, type Token, type Word } from './shellLex';
import { append, joinPath } from './fileIndex';
import { Expander, HEREDOC, MAX_VALUES, type ReadOptions, type Stream } from './shellExpand';
import { literal, parseTree, TEXT_LIMIT, type Frame, type Node } from './shellTree';
import { ARGOCD_VALUE_FLAGS, KUBECTL_VALUE_FLAGS, parseFlags, TCTL_VALUE_FLAGS } from './shellFlags';
import { msg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';

// Reads a shell script (or a README code block, or a Makefile recipe) the way a careful reviewer
// would: follows literal variable assignments, arrays and `for` loops over literal lists or folder
// listings, the script-folder idioms (`$(dirname "$0")`), `cd`, `kubectl config use-context`, pipes
// through envsubst/cat/kustomize and files rendered with `envsubst < a > b`; and reports every
// `kubectl apply`/`tctl apply`/`argocd app create` with the files, clusters and namespace it names.
// Nothing is executed. What cannot be resolved is reported as a note, never guessed.

export interface ApplyCommand {
  tool: 'kubectl' | 'tctl';
  /** Files applied, resolved to project URIs (folders expanded like kubectl does). */
  files: string[];
  /** Folders applied with `-k` (kustomize). */
  kustomize: string[];
  /** Kube contexts named by `--context` or `use-context`; undefined = the current context, not named. */
  contexts?: string[];
  namespace?: string;
  line: number;
  text: string;
}

export interface ArgoCommand {
  app: string;
  /** The repository folder the app syncs (resolved), when it could be found in this project. */
  path?: string;
  destName?: string;
  destServer?: string;
  destNamespace?: string;
  line: number;
  text: string;
}

export interface ReaderNote {
  line: number;
  text: string;
  reason: Message;
}

export interface ScriptReading {
  applies: ApplyCommand[];
  argo: ArgoCommand[];
  notes: ReaderNote[];
  /** Every literal kube context the source names (`--context X`, `use-context X`, `argocd cluster add X`). */
  contexts: { name: string; line: number }[];
}

/** At most this many statements are interpreted per source (loops included). */
const MAX_STEPS = 20000;

export type { ReadOptions } from './shellExpand';

/** Reads a script's lines. Bounded in time and output; never throws. */
export function readScript(lines: readonly string[], opts: ReadOptions): ScriptReading {
  const out: ScriptReading = { applies: [], argo: [], notes: [], contexts: [] };
  try {
    const tree = parseTree(logicalLines(lines, opts.firstLine ?? 0));
    const frame: Frame = { vars: opts.vars ?? new Map(), cwd: [] };
    const reader = new Reader(opts, out);
    reader.run(tree, frame);
    reader.runUncalled(frame);
  } catch (err) {
    out.notes.push({
      line: opts.firstLine ?? 0,
      text: '',
      reason: msg('not read: {error}', { error: String((err as Error)?.message ?? err).slice(0, 120) }),
    });
  }
  return out;
}
class Reader extends Expander {
  private steps = 0;
  /** Notes already taken (line and reason), so a loop notes each once. */
  private readonly noted = new Set<string>();
  constructor(
    opts: ReadOptions,
    private readonly out: ScriptReading,
  ) {
    super(opts);
  }

  /** Functions defined so far, and those called at least once. */
  private readonly functions = new Map<string, Extract<Node, { k: 'func' }>>();
  private readonly called = new Set<string>();
  private depth = 0;
  /** Reading a printed command (never nested: a printed command that prints is not followed). */
  private printed = 0;

  run(nodes: Node[], frame: Frame): void {
    for (const n of nodes) {
      if (++this.steps > MAX_STEPS) return;
      if (n.k === 'block') this.run(n.body, frame);
      else if (n.k === 'loop') this.loop(n, frame);
      else if (n.k === 'func') this.functions.set(n.name, n);
      else this.statement(n, frame);
    }
  }

  /** Functions the text defines but never calls still say what they apply (their arguments unknown). */
  runUncalled(frame: Frame): void {
    for (const [name, f] of this.functions) {
      if (this.called.has(name)) continue;
      this.called.add(name);
      this.run(f.body, { ...frame, vars: new Map(frame.vars) });
    }
  }

  /** A call of a function defined in this text: its body with $1… bound to the call's arguments. */
  private call(f: Extract<Node, { k: 'func' }>, args: string[] | undefined, frame: Frame): void {
    if (this.depth >= 8) return;
    this.called.add(f.name);
    const vars = new Map(frame.vars);
    for (let i = 1; i <= 9; i++) vars.set(String(i), args && i <= args.length ? [args[i - 1]!] : null);
    vars.set('@', args ?? null);
    this.depth++;
    try {
      this.run(f.body, { ...frame, vars });
    } finally {
      this.depth--;
    }
    // Globals the function set stay set, as in the shell (its positional parameters do not).
    for (const [k, v] of vars) if (!/^[0-9@]$/.test(k)) frame.vars.set(k, v);
  }

  private loop(n: Extract<Node, { k: 'loop' }>, frame: Frame): void {
    const values = n.words.length ? this.expandAll(n.words, frame) : undefined;
    if (!n.name || !values) {
      // Loop over something unknown: the body still runs, with the variable unknown.
      const vars = new Map(frame.vars);
      if (n.name) vars.set(n.name, null);
      this.run(n.body, { ...frame, vars });
      return;
    }
    for (const v of values.slice(0, MAX_VALUES)) {
      const vars = new Map(frame.vars);
      vars.set(n.name, [v]);
      const inner: Frame = { ...frame, vars };
      this.run(n.body, inner);
      // Assignments made in the loop (other than the loop variable) stay visible after it, as in bash.
      for (const [k, x] of vars) if (k !== n.name) frame.vars.set(k, x);
    }
  }

  private statement(n: Extract<Node, { k: 'cmd' }>, frame: Frame): void {
    // Pipeline stages split at `|`.
    const stages: Token[][] = [[]];
    for (const t of n.stmt) {
      if (t.k === 'op' && t.v === '|') stages.push([]);
      else stages[stages.length - 1]!.push(t);
    }
    let input: Stream | undefined;
    for (let i = 0; i < stages.length; i++) {
      input = this.stage(stages[i]!, input, frame, n, i === stages.length - 1);
    }
  }

  /** One simple command of a pipeline: returns what it writes to stdout, when that is known. */
  private stage(
    tokens: Token[],
    input: Stream | undefined,
    frame: Frame,
    n: Extract<Node, { k: 'cmd' }>,
    last: boolean,
  ): Stream | undefined {
    const words: Word[] = [];
    let stdin: Word | undefined;
    let stdout: Word | undefined;
    let heredoc = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.k === 'op') {
        const next = tokens[i + 1];
        if (t.v === '<' && next?.k === 'op' && next.v === '<') {
          // A heredoc (`<<EOF`, `<<-EOF`) or a here-string: inline text, not a file.
          heredoc = true;
          i += 2;
        } else if ((t.v === '<' || t.v === '>' || t.v === '>>') && next?.k === 'word') {
          if (t.v === '<') stdin = next.w;
          else stdout = next.w;
          i++;
        }
        continue;
      }
      words.push(t.w);
    }
    // Leading assignments (`X=1 Y=2 cmd` or a bare `X=1`, `local X=…`, `export X=…`).
    let i = 0;
    const decl = literal(words[0]);
    if (decl && ['export', 'local', 'readonly', 'declare', 'typeset'].includes(decl)) {
      i = 1;
      while (i < words.length && literal(words[i])?.startsWith('-')) i++;
    }
    const assigned: [string, Word[]][] = [];
    while (i < words.length) {
      const w = words[i]!;
      const first = w.segs[0];
      const m = first?.t === 'lit' && !first.quoted ? /^([A-Za-z_]\w*)\+?=/.exec(first.v) : null;
      if (!m) break;
      const rest: Word = {
        raw: w.raw.slice(m[0].length),
        segs: [{ ...first, v: (first as { v: string }).v.slice(m[0].length) } as Segment, ...w.segs.slice(1)],
      };
      // `name=( a b c )` arrives as the word `name=` followed by the array's words between ( and ).
      const arrayStart = tokens.findIndex((t) => t.k === 'word' && t.w === w);
      if (
        tokens[arrayStart + 1]?.k === 'op' &&
        (tokens[arrayStart + 1] as { v: string }).v === '(' &&
        rest.segs.length === 1 &&
        literal(rest) === ''
      ) {
        const items: Word[] = [];
        let j = arrayStart + 2;
        for (; j < tokens.length && !(tokens[j]!.k === 'op' && (tokens[j] as { v: string }).v === ')'); j++) {
          const tj = tokens[j]!;
          if (tj.k === 'word') items.push(tj.w);
        }
        assigned.push([m[1]!, items]);
        i += 1 + items.length;
        continue;
      }
      assigned.push([m[1]!, [rest]]);
      i++;
    }
    const argvWords = words.slice(i);
    if (!argvWords.length) {
      // `X=$Y` keeps blanks (no word splitting in assignments); `X=( a b )` is a list.
      for (const [name, ws] of assigned) {
        const one = ws.length === 1 ? ws[0]! : undefined;
        frame.vars.set(
          name,
          one && one.segs.length === 0
            ? ['']
            : one
              ? (this.expand(one, frame) ?? null)
              : (this.expandAll(ws, frame) ?? null),
        );
      }
      return undefined;
    }
    const argv = this.expandAll(argvWords, frame);
    const cmd = literal(argvWords[0]) ?? argv?.[0];
    if (!cmd) return undefined;
    const name = cmd.slice(cmd.lastIndexOf('/') + 1);
    const fn = this.functions.get(cmd);
    if (fn) {
      this.call(fn, this.expandAll(argvWords.slice(1), frame, true), frame);
      return undefined;
    }
    const inStream = stdin ? this.streamOfPath(stdin, frame) : input;
    let output: Stream | undefined;
    if (name === 'cd') {
      const target = argvWords[1] ? this.resolveDir(argvWords[1], frame) : undefined;
      frame.cwd = target ? [target] : [];
      return undefined;
    }
    if (name === 'kubectl' || name === 'oc' || name === 'kubectx' || name === 'tctl' || name === 'argocd') {
      output = this.tool(name, argvWords, frame, n, inStream, heredoc);
    } else if (heredoc && (name === 'cat' || name === 'envsubst')) {
      output = { files: [], kustomize: [], opaque: HEREDOC };
    } else if (name === 'envsubst' || name === 'tee') {
      output = inStream;
    } else if (name === 'cat') {
      const files = argvWords.slice(1).filter((w) => !literal(w)?.startsWith('-'));
      output = files.length ? this.merge(files.map((w) => this.streamOfPath(w, frame))) : inStream;
    } else if (PRINTERS.test(name) && argvWords.length === 2 && this.printed < 1) {
      // A command printed for the user to run (`print_command "kubectl apply -f …"`): read it as a
      // suggestion; its files go where it says, and versions of the same objects stay alternatives.
      const shown = this.expand(argvWords[1]!, frame, true)?.[0];
      if (shown && /\b(kubectl|tctl)\b[^|;&]*\bapply\b/.test(shown)) {
        this.printed++;
        try {
          for (const part of parseTree(logicalLines([shown], n.line)))
            if (part.k === 'cmd') this.statement({ ...part, line: n.line, text: shown.slice(0, TEXT_LIMIT) }, frame);
        } finally {
          this.printed--;
        }
      }
    } else if (name === 'sed' || name === 'yq' || name === 'awk') {
      // The file argument, if one resolves to a YAML file of the project; else the input passes through.
      const file = argvWords
        .slice(1)
        .map((w) => this.streamOfPath(w, frame, true))
        .find((s) => s?.files.length);
      output = file ?? inStream;
    } else if (name === 'kustomize' && literal(argvWords[1]) === 'build') {
      const dir = argvWords[2] ? this.resolveDir(argvWords[2], frame) : frame.cwd[0];
      output = dir
        ? { files: [], kustomize: [dir] }
        : { files: [], kustomize: [], opaque: msg('kustomize build of an unresolved folder') };
    } else if (name === 'helm' && literal(argvWords[1]) === 'template') {
      output = { files: [], kustomize: [], opaque: msg('rendered by helm template') };
    }
    if (stdout && output && !output.opaque && (output.files.length || output.kustomize.length)) {
      const key = this.key(stdout, frame);
      if (key) this.renders.set(key, output);
    }
    return last ? undefined : output;
  }

  private tool(
    name: string,
    words: Word[],
    frame: Frame,
    n: Extract<Node, { k: 'cmd' }>,
    input: Stream | undefined,
    heredoc: boolean,
  ): Stream | undefined {
    const args = words.slice(1);
    const lit = args.map((w) => literal(w));
    if (name === 'kubectx') {
      if (args.length === 1 && lit[0] !== undefined && !lit[0].includes('=') && !lit[0].startsWith('-')) {
        frame.context = this.values(args[0]!, frame);
        this.noteContexts(frame.context, n.line);
      }
      return undefined;
    }
    if (name === 'argocd') return this.argocd(args, frame, n);
    const parsed = parseFlags(args, name === 'tctl' ? TCTL_VALUE_FLAGS : KUBECTL_VALUE_FLAGS);
    const verb = parsed.positional[0] ? literal(parsed.positional[0]) : undefined;
    if (
      name !== 'tctl' &&
      verb === 'config' &&
      parsed.positional[1] &&
      literal(parsed.positional[1]) === 'use-context' &&
      parsed.positional[2]
    ) {
      frame.context = this.values(parsed.positional[2], frame);
      this.noteContexts(frame.context, n.line);
      return undefined;
    }
    if (name !== 'tctl' && verb === 'kustomize') {
      const dir = parsed.positional[1] ? this.resolveDir(parsed.positional[1], frame) : undefined;
      return dir ? { files: [], kustomize: [dir] } : undefined;
    }
    const ctxWords = parsed.flags.get('--context');
    const contexts = ctxWords ? ctxWords.flatMap((w) => this.values(w, frame) ?? [`\${${varName(w)}}`]) : frame.context;
    if (ctxWords) this.noteContexts(contexts, n.line);
    if (verb !== 'apply' && verb !== 'create' && verb !== 'replace') return undefined;
    if (name === 'tctl' && verb !== 'apply') return undefined;
    const nsWord = (parsed.flags.get('-n') ?? parsed.flags.get('--namespace'))?.[0];
    const namespace = nsWord ? (literal(nsWord) ?? this.values(nsWord, frame)?.[0]) : undefined;
    const recursive = parsed.flags.has('-R') || parsed.flags.has('--recursive');
    const files: string[] = [];
    const kustomize: string[] = [];
    const fileWords = [
      ...(parsed.flags.get('-f') ?? []),
      ...(parsed.flags.get('--filename') ?? []),
      ...(parsed.flags.get('--file') ?? []),
    ];
    for (const w of fileWords) {
      if (literal(w) === '-') {
        if (input && !input.opaque) {
          append(files, input.files);
          append(kustomize, input.kustomize);
        } else
          this.note(
            n,
            input?.opaque ?? (heredoc ? HEREDOC : msg('reads standard input from a source that is not a project file')),
          );
        continue;
      }
      const s = this.streamOfPath(w, frame, false, recursive);
      if (!s) this.note(n, msg('could not resolve {word}', { word: w.raw }));
      else if (s.opaque) this.note(n, s.opaque);
      else {
        append(files, s.files);
        append(kustomize, s.kustomize);
      }
    }
    for (const w of [...(parsed.flags.get('-k') ?? []), ...(parsed.flags.get('--kustomize') ?? [])]) {
      const dir = this.resolveDir(w, frame);
      if (dir) kustomize.push(dir);
      else this.note(n, msg('could not resolve {word}', { word: w.raw }));
    }
    if (!files.length && !kustomize.length) return undefined;
    this.out.applies.push({
      tool: name === 'tctl' ? 'tctl' : 'kubectl',
      files: [...new Set(files)],
      kustomize: [...new Set(kustomize)],
      ...(name !== 'tctl' && contexts ? { contexts } : {}),
      ...(namespace && name !== 'tctl' ? { namespace } : {}),
      line: n.line,
      text: n.text,
    });
    return undefined;
  }

  private argocd(args: Word[], frame: Frame, n: Extract<Node, { k: 'cmd' }>): undefined {
    const parsed = parseFlags(args, ARGOCD_VALUE_FLAGS);
    const pos = parsed.positional.map((w) => literal(w));
    if (pos[0] === 'cluster' && pos[1] === 'add' && parsed.positional[2]) {
      this.noteContexts(
        this.values(parsed.positional[2], frame)?.map((c) => c.trim()),
        n.line,
      );
      return undefined;
    }
    if (pos[0] !== 'app' || pos[1] !== 'create' || !parsed.positional[2]) return undefined;
    const one = (flag: string) => {
      const w = parsed.flags.get(flag)?.[0];
      return w ? (this.values(w, frame)?.[0] ?? undefined) : undefined;
    };
    const app = this.values(parsed.positional[2], frame)?.[0] ?? parsed.positional[2].raw;
    const repoWord = parsed.flags.get('--repo')?.[0];
    const repo = repoWord ? this.expand(repoWord, frame, true)?.[0] : undefined;
    const pathWord = parsed.flags.get('--path')?.[0];
    const rel = pathWord ? this.values(pathWord, frame)?.[0] : undefined;
    let path: string | undefined;
    const repoName = repo
      ?.replace(/\.git$/, '')
      .split('/')
      .pop();
    if (rel !== undefined) {
      // The repository is usually pushed from a folder of this one, named like the repository.
      const candidates = repoName
        ? this.opts.files
            .dirsNamed(repoName)
            .map((d) => joinPath(d, rel))
            .filter((d): d is string => !!d && this.opts.files.isDir(d))
        : [];
      path = candidates.sort((a, b) => distance(a, this.scriptDir) - distance(b, this.scriptDir))[0];
      if (!path)
        this.note(
          n,
          msg('the folder {path} of repository {repo} is not in this project', {
            path: rel,
            repo: repoName ?? repo ?? '?',
          }),
        );
    }
    const destName = one('--dest-name');
    const destServer = one('--dest-server');
    const destNamespace = one('--dest-namespace');
    this.out.argo.push({
      app,
      ...(path ? { path } : {}),
      ...(destName ? { destName } : {}),
      ...(destServer ? { destServer } : {}),
      ...(destNamespace ? { destNamespace } : {}),
      line: n.line,
      text: n.text,
    });
    return undefined;
  }

  private noteContexts(values: string[] | undefined, line: number): void {
    for (const v of values ?? []) if (v && !v.includes('${')) this.out.contexts.push({ name: v, line });
  }

  private note(n: Extract<Node, { k: 'cmd' }>, reason: Message): void {
    const key = `${n.line}\u0000${render(reason)}`;
    if (this.out.notes.length >= 500 || this.noted.has(key)) return;
    this.noted.add(key);
    this.out.notes.push({ line: n.line, text: n.text, reason });
  }
}

function varName(w: Word): string {
  const v = w.segs.find((s) => s.t === 'var') as { name: string } | undefined;
  return v?.name ?? w.raw.replace(/[^\w]/g, '');
}

function distance(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.length + pb.length - 2 * i;
}

/** Commands that show a command to the user rather than run it. */
const PRINTERS = /^(echo|printf|print_command|print_cmd|show_command|log_command)$/;
