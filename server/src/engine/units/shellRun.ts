import { lex, logicalLines, type LogicalLine, type Segment, type Token, type Word } from './shellLex';
import { append, FileIndex, joinPath, normalisePath, parentOf } from './fileIndex';
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

interface Frame {
  vars: Map<string, string[] | null>;
  /** Folders a relative path is tried against, in order. */
  cwd: string[];
  context?: string[];
}

type Node =
  | { k: 'cmd'; line: number; text: string; stmt: Token[] }
  | { k: 'loop'; line: number; name?: string; words: Word[]; body: Node[] }
  | { k: 'block'; body: Node[] }
  /** `name() { … }` / `function name { … }`: run where it is called, with its arguments. */
  | { k: 'func'; name: string; body: Node[] };

/** At most this many statements are interpreted per source (loops included). */
const MAX_STEPS = 20000;
/** At most this many values per word or loop. */
const MAX_VALUES = 64;
const TEXT_LIMIT = 200;

export interface ReadOptions {
  /** URI of the file the text comes from. */
  uri: string;
  /** Folders relative paths are tried against, first match wins (script folder, then its parents). */
  bases: string[];
  files: FileIndex;
  /** Line of the first line of `lines` in the file (README code blocks). */
  firstLine?: number;
  /** Variables known before the text starts (Makefile variables, earlier code blocks). */
  vars?: Map<string, string[] | null>;
}

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
    out.notes.push({ line: opts.firstLine ?? 0, text: '', reason: msg('not read: {error}', { error: String((err as Error)?.message ?? err).slice(0, 120) }) });
  }
  return out;
}

function literal(w: Word | undefined): string | undefined {
  if (!w || w.segs.some((s) => s.t !== 'lit')) return undefined;
  return w.segs.map((s) => (s as { v: string }).v).join('');
}

/** Splits logical lines into statements and nests loops, `do … done` blocks and function bodies. */
function parseTree(lines: LogicalLine[]): Node[] {
  const root: Node[] = [];
  type Frame = { body: Node[]; close: 'done' | '}' };
  const stack: Frame[] = [{ body: root, close: 'done' }];
  const top = () => stack[stack.length - 1]!.body;
  const pop = (close: Frame['close']) => {
    // Close the innermost frame of that kind (an unbalanced script never pops the root).
    for (let i = stack.length - 1; i > 0; i--) if (stack[i]!.close === close) { stack.length = i; return; }
  };
  let pendingFunction: string | undefined;
  for (const ll of lines) {
    const text = ll.text.trim().slice(0, TEXT_LIMIT);
    let stmt: Token[] = [];
    const flush = () => {
      if (!stmt.length) return;
      let words = stmt;
      // Strip leading keywords that introduce a command (`then kubectl …`, `if ! kubectl …`).
      for (;;) {
        const first = words[0]?.k === 'word' ? literal(words[0].w) : undefined;
        if (first && ['then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', 'time', 'exec'].includes(first)) words = words.slice(1);
        else break;
      }
      const first = words[0]?.k === 'word' ? literal(words[0].w) : undefined;
      const wasWhile = stmt[0]?.k === 'word' && ['while', 'until'].includes(literal(stmt[0].w) ?? '');
      stmt = [];
      // `function name`, `function name()`, `name()`: the next `{` opens its body.
      const second = words[1]?.k === 'word' ? literal(words[1].w) : undefined;
      if (first === 'function' && second && /^[\w:.-]+$/.test(second)) { pendingFunction = second; return; }
      if (first && /^[\w:.-]+$/.test(first) && words[1]?.k === 'op' && (words[1] as { v: string }).v === '(' && words.length <= 3) { pendingFunction = first; return; }
      pendingFunction = undefined;
      if (first === 'for') {
        const name = words[1]?.k === 'word' ? literal(words[1].w) : undefined;
        const hasIn = words[2]?.k === 'word' && literal(words[2].w) === 'in';
        const loopWords = hasIn ? words.slice(3).filter((t): t is { k: 'word'; w: Word } => t.k === 'word').map((t) => t.w) : [];
        const loop: Node = { k: 'loop', line: ll.line, ...(name && /^[A-Za-z_]\w*$/.test(name) ? { name } : {}), words: loopWords, body: [] };
        top().push(loop);
        stack.push({ body: (loop as { body: Node[] }).body, close: 'done' });
        return;
      }
      if (first === 'done') { pop('done'); return; }
      if (wasWhile) {
        const block: Node = { k: 'block', body: [] };
        if (words.length) top().push({ k: 'cmd', line: ll.line, text, stmt: words });
        top().push(block);
        stack.push({ body: block.body, close: 'done' });
        return;
      }
      if (!words.length || first === 'fi' || first === 'esac' || first === 'case' || first === 'return') return;
      top().push({ k: 'cmd', line: ll.line, text, stmt: words });
    };
    for (const t of lex(ll.text)) {
      if (t.k === 'op' && t.v === '{') {
        flush();
        const node: Node = pendingFunction ? { k: 'func', name: pendingFunction, body: [] } : { k: 'block', body: [] };
        pendingFunction = undefined;
        top().push(node);
        stack.push({ body: node.body, close: '}' });
      } else if (t.k === 'op' && t.v === '}') {
        flush();
        pop('}');
      } else if (t.k === 'op' && [';', ';;', '&&', '||', '&'].includes(t.v)) flush();
      else if (t.k === 'op' && t.v === ')' && !stmt.some((x) => x.k === 'op' && x.v === '(')) flush();
      else stmt.push(t);
    }
    flush();
  }
  return root;
}

interface Stream {
  files: string[];
  kustomize: string[];
  /** Why the content is not a project file (inline heredoc, a URL, a rendered chart). */
  opaque?: Message;
}

const HEREDOC = msg('inline YAML (a heredoc), not a file of the repository');

class Reader {
  private steps = 0;
  /** `envsubst < a > b`: what was written to b (keyed by b's expanded text). */
  private readonly renders = new Map<string, Stream>();
  /** Notes already taken (line and reason), so a loop notes each once. */
  private readonly noted = new Set<string>();
  private readonly scriptDir: string;

  constructor(private readonly opts: ReadOptions, private readonly out: ScriptReading) {
    this.scriptDir = parentOf(opts.uri) ?? opts.uri;
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
  private stage(tokens: Token[], input: Stream | undefined, frame: Frame, n: Extract<Node, { k: 'cmd' }>, last: boolean): Stream | undefined {
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
      const rest: Word = { raw: w.raw.slice(m[0].length), segs: [{ ...first, v: (first as { v: string }).v.slice(m[0].length) } as Segment, ...w.segs.slice(1)] };
      // `name=( a b c )` arrives as the word `name=` followed by the array's words between ( and ).
      const arrayStart = tokens.findIndex((t) => t.k === 'word' && t.w === w);
      if (tokens[arrayStart + 1]?.k === 'op' && (tokens[arrayStart + 1] as { v: string }).v === '(' && rest.segs.length === 1 && literal(rest) === '') {
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
        frame.vars.set(name, one && one.segs.length === 0 ? [''] : one ? this.expand(one, frame) ?? null : this.expandAll(ws, frame) ?? null);
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
          for (const part of parseTree(logicalLines([shown], n.line))) if (part.k === 'cmd') this.statement({ ...part, line: n.line, text: shown.slice(0, TEXT_LIMIT) }, frame);
        } finally {
          this.printed--;
        }
      }
    } else if (name === 'sed' || name === 'yq' || name === 'awk') {
      // The file argument, if one resolves to a YAML file of the project; else the input passes through.
      const file = argvWords.slice(1).map((w) => this.streamOfPath(w, frame, true)).find((s) => s && s.files.length);
      output = file ?? inStream;
    } else if (name === 'kustomize' && literal(argvWords[1]) === 'build') {
      const dir = argvWords[2] ? this.resolveDir(argvWords[2], frame) : frame.cwd[0];
      output = dir ? { files: [], kustomize: [dir] } : { files: [], kustomize: [], opaque: msg('kustomize build of an unresolved folder') };
    } else if (name === 'helm' && literal(argvWords[1]) === 'template') {
      output = { files: [], kustomize: [], opaque: msg('rendered by helm template') };
    }
    if (stdout && output && !output.opaque && (output.files.length || output.kustomize.length)) {
      const key = this.key(stdout, frame);
      if (key) this.renders.set(key, output);
    }
    return last ? undefined : output;
  }

  private tool(name: string, words: Word[], frame: Frame, n: Extract<Node, { k: 'cmd' }>, input: Stream | undefined, heredoc: boolean): Stream | undefined {
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
    if (name !== 'tctl' && verb === 'config' && parsed.positional[1] && literal(parsed.positional[1]) === 'use-context' && parsed.positional[2]) {
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
    const namespace = nsWord ? literal(nsWord) ?? this.values(nsWord, frame)?.[0] : undefined;
    const recursive = parsed.flags.has('-R') || parsed.flags.has('--recursive');
    const files: string[] = [];
    const kustomize: string[] = [];
    const fileWords = [...(parsed.flags.get('-f') ?? []), ...(parsed.flags.get('--filename') ?? []), ...(parsed.flags.get('--file') ?? [])];
    for (const w of fileWords) {
      if (literal(w) === '-') {
        if (input && !input.opaque) { append(files, input.files); append(kustomize, input.kustomize); }
        else this.note(n, input?.opaque ?? (heredoc ? HEREDOC : msg('reads standard input from a source that is not a project file')));
        continue;
      }
      const s = this.streamOfPath(w, frame, false, recursive);
      if (!s) this.note(n, msg('could not resolve {word}', { word: w.raw }));
      else if (s.opaque) this.note(n, s.opaque);
      else { append(files, s.files); append(kustomize, s.kustomize); }
    }
    for (const w of [...(parsed.flags.get('-k') ?? []), ...(parsed.flags.get('--kustomize') ?? [])]) {
      const dir = this.resolveDir(w, frame);
      if (dir) kustomize.push(dir);
      else this.note(n, msg('could not resolve {word}', { word: w.raw }));
    }
    if (!files.length && !kustomize.length) return undefined;
    this.out.applies.push({
      tool: name === 'tctl' ? 'tctl' : 'kubectl',
      files: [...new Set(files)], kustomize: [...new Set(kustomize)],
      ...(name !== 'tctl' && contexts ? { contexts } : {}),
      ...(namespace && name !== 'tctl' ? { namespace } : {}),
      line: n.line, text: n.text,
    });
    return undefined;
  }

  private argocd(args: Word[], frame: Frame, n: Extract<Node, { k: 'cmd' }>): undefined {
    const parsed = parseFlags(args, ARGOCD_VALUE_FLAGS);
    const pos = parsed.positional.map((w) => literal(w));
    if (pos[0] === 'cluster' && pos[1] === 'add' && parsed.positional[2]) {
      this.noteContexts(this.values(parsed.positional[2], frame)?.map((c) => c.trim()), n.line);
      return undefined;
    }
    if (pos[0] !== 'app' || pos[1] !== 'create' || !parsed.positional[2]) return undefined;
    const one = (flag: string) => { const w = parsed.flags.get(flag)?.[0]; return w ? (this.values(w, frame)?.[0] ?? undefined) : undefined; };
    const app = this.values(parsed.positional[2], frame)?.[0] ?? parsed.positional[2].raw;
    const repoWord = parsed.flags.get('--repo')?.[0];
    const repo = repoWord ? this.expand(repoWord, frame, true)?.[0] : undefined;
    const pathWord = parsed.flags.get('--path')?.[0];
    const rel = pathWord ? this.values(pathWord, frame)?.[0] : undefined;
    let path: string | undefined;
    const repoName = repo?.replace(/\.git$/, '').split('/').pop();
    if (rel !== undefined) {
      // The repository is usually pushed from a folder of this one, named like the repository.
      const candidates = repoName ? this.opts.files.dirsNamed(repoName).map((d) => joinPath(d, rel)).filter((d): d is string => !!d && this.opts.files.isDir(d)) : [];
      path = candidates.sort((a, b) => distance(a, this.scriptDir) - distance(b, this.scriptDir))[0];
      if (!path) this.note(n, msg('the folder {path} of repository {repo} is not in this project', { path: rel, repo: repoName ?? repo ?? '?' }));
    }
    const destName = one('--dest-name');
    const destServer = one('--dest-server');
    const destNamespace = one('--dest-namespace');
    this.out.argo.push({
      app, ...(path ? { path } : {}), ...(destName ? { destName } : {}), ...(destServer ? { destServer } : {}),
      ...(destNamespace ? { destNamespace } : {}), line: n.line, text: n.text,
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

  private merge(streams: (Stream | undefined)[]): Stream | undefined {
    if (streams.some((s) => !s)) return undefined;
    const opaque = streams.find((s) => s!.opaque)?.opaque;
    return { files: streams.flatMap((s) => s!.files), kustomize: streams.flatMap((s) => s!.kustomize), ...(opaque ? { opaque } : {}) };
  }

  /** The files a path argument names: a file, a folder's YAML files, a glob, a rendered file, or a URL. */
  private streamOfPath(w: Word, frame: Frame, quiet = false, recursive = false): Stream | undefined {
    const key = this.key(w, frame);
    if (key && this.renders.has(key)) return this.renders.get(key);
    const texts = this.expand(w, frame);
    if (!texts) return undefined;
    const files: string[] = [];
    for (const t of texts) {
      if (/^https?:\/\//.test(t)) return { files: [], kustomize: [], opaque: msg('{url} is not a file of the repository', { url: t }) };
      if (t.includes('${')) return undefined;
      const found = this.locate(t, frame);
      if (!found) {
        if (quiet) return undefined;
        return undefined;
      }
      if (found.kind === 'glob') append(files, found.uris.filter(isManifest));
      else if (found.kind === 'dir') append(files, this.opts.files.filesIn(found.uri, recursive).filter(isManifest));
      else if (isManifest(found.uri)) files.push(found.uri);
    }
    return { files, kustomize: [] };
  }

  private resolveDir(w: Word, frame: Frame): string | undefined {
    const t = this.expand(w, frame)?.[0];
    if (t === undefined || t.includes('${')) return undefined;
    const found = this.locate(t, frame);
    return found?.kind === 'dir' ? found.uri : undefined;
  }

  /** Finds a path (as expanded) in the project: tried against the current folder, then each base. */
  private locate(text: string, frame: Frame): { kind: 'file' | 'dir'; uri: string } | { kind: 'glob'; uris: string[] } | undefined {
    const files = this.opts.files;
    const clean = text.replace(/\/+$/, '');
    const bases = text.startsWith('file://') ? [''] : text.startsWith('/') ? [] : [...frame.cwd, ...this.opts.bases];
    for (const base of bases) {
      if (/[*?[]/.test(clean)) {
        const slash = clean.search(/\/[^/]*[*?[]/);
        const dirPart = slash >= 0 ? clean.slice(0, slash) : '';
        const pattern = slash >= 0 ? clean.slice(slash + 1) : clean;
        const dir = base === '' ? normalisePath(dirPart) : dirPart ? joinPath(base, dirPart) : base;
        if (dir && files.isDir(dir)) {
          const uris = files.glob(dir, pattern);
          if (uris.length) return { kind: 'glob', uris };
        }
        continue;
      }
      const uri = base === '' ? normalisePath(clean) : joinPath(base, clean);
      if (!uri) continue;
      if (files.isFile(uri)) return { kind: 'file', uri };
      if (files.isDir(uri)) return { kind: 'dir', uri };
    }
    return undefined;
  }

  /** A stable key for a path as written after expansion (unknown variables kept as written). */
  private key(w: Word, frame: Frame): string | undefined {
    return this.expand(w, frame, true)?.[0];
  }

  private values(w: Word, frame: Frame): string[] | undefined {
    const v = this.expand(w, frame);
    return v && !v.some((x) => x.includes('${')) ? v : undefined;
  }

  /** The values of a list of words; unquoted expansions are split at blanks, as the shell does. */
  private expandAll(ws: Word[], frame: Frame, keepUnknown = false): string[] | undefined {
    const out: string[] = [];
    for (const w of ws) {
      const v = this.expand(w, frame, keepUnknown);
      if (!v) return undefined;
      const split = w.segs.some((s) => s.t !== 'lit' && !quotedIn(w, s));
      for (const x of v) {
        if (split && !x.includes('${')) { for (const part of x.split(/\s+/)) if (part) out.push(part); }
        else out.push(x);
      }
      if (out.length >= MAX_VALUES) break;
    }
    return out.slice(0, MAX_VALUES);
  }

  /**
   * The values a word can take. Unknown variables are kept as `${NAME}` (callers check for it); with
   * `keepUnknown` false an unknown command substitution makes the whole word unknown (undefined).
   */
  private expand(w: Word, frame: Frame, keepUnknown = false): string[] | undefined {
    let acc = [''];
    for (const s of w.segs) {
      let parts: string[] | undefined;
      if (s.t === 'lit') parts = [s.v];
      else if (s.t === 'var') parts = this.variable(s, frame);
      else parts = this.substitution(s.src, frame);
      if (!parts) {
        if (!keepUnknown) return undefined;
        parts = [s.t === 'cmd' ? `$(${s.src})` : `\${${(s as { name: string }).name}}`];
      }
      const next: string[] = [];
      for (const a of acc) for (const p of parts) if (next.length < MAX_VALUES) next.push(a + p);
      acc = next;
    }
    return acc;
  }

  private variable(s: Extract<Segment, { t: 'var' }>, frame: Frame): string[] | undefined {
    if (s.name === '0') return [this.opts.uri];
    const v = frame.vars.get(s.name);
    if (v) return s.all ? v : v.slice(0, 1);
    if (v === undefined && s.fallback !== undefined && !s.fallback.includes('$')) return [s.fallback];
    return [`\${${s.name}}`];
  }

  /** Command substitutions the reader understands: the script's folder, `ls`, `find`, `basename`, `echo`. */
  private substitution(src: string, frame: Frame): string[] | undefined {
    if (/\bdirname\b/.test(src) && /(\$\{?0\}?|BASH_SOURCE)/.test(src)) {
      let dir: string | undefined = this.scriptDir;
      const ups = src.match(/\)"?\/\.\./g)?.length ?? 0;
      for (let i = 0; i < ups && dir; i++) dir = parentOf(dir);
      return dir ? [dir] : undefined;
    }
    const toks = lex(src).filter((t): t is { k: 'word'; w: Word } => t.k === 'word').map((t) => t.w);
    const cmd = literal(toks[0]);
    if (cmd === 'ls' || cmd === 'find') {
      const dirWord = toks.slice(1).find((w) => !literal(w)?.startsWith('-'));
      const dir = dirWord ? this.resolveDir(dirWord, frame) : undefined;
      if (!dir) return undefined;
      if (cmd === 'ls') return this.opts.files.children(dir);
      const at = toks.findIndex((w) => literal(w) === '-name');
      const glob = at >= 0 ? literal(toks[at + 1]) : undefined;
      const all = this.opts.files.filesIn(dir, true);
      const matched = glob ? all.filter((u) => this.opts.files.glob(parentOf(u)!, glob).includes(u)) : all;
      return matched.length ? matched : undefined;
    }
    if (cmd === 'basename' || cmd === 'dirname') {
      const v = toks[1] ? this.expand(toks[1], frame)?.[0] : undefined;
      if (!v || v.includes('${')) return undefined;
      const trimmed = v.replace(/\/+$/, '');
      return [cmd === 'basename' ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed.slice(0, Math.max(0, trimmed.lastIndexOf('/')))];
    }
    if (cmd === 'echo' && toks.length > 1) {
      const v = this.expandAll(toks.slice(1).filter((w) => !/^-[neE]+$/.test(literal(w) ?? '')), frame);
      return v && !v.some((x) => x.includes('${')) ? [v.join(' ')] : undefined;
    }
    return undefined;
  }
}

/** Was this segment written inside double quotes? (The raw word starts a quote before it.) */
function quotedIn(w: Word, _s: Segment): boolean {
  return w.raw.startsWith('"');
}

function isManifest(uri: string): boolean {
  return /\.(ya?ml|json)$/i.test(uri);
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

const KUBECTL_VALUE_FLAGS = new Set(['--context', '-n', '--namespace', '-f', '--filename', '-k', '--kustomize', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--as', '-o', '--output', '-l', '--selector', '--field-manager', '--type', '-p', '--patch', '--timeout', '--for', '--token']);
const TCTL_VALUE_FLAGS = new Set(['-f', '--file', '-o', '--output', '-p', '--profile', '--org', '--tenant', '--workspace', '--config']);
const ARGOCD_VALUE_FLAGS = new Set(['--repo', '--path', '--dest-server', '--dest-namespace', '--dest-name', '--revision', '--project', '--sync-policy', '--server', '--auth-token', '--directory-include', '--directory-exclude', '--values', '--helm-set', '--name', '--upsert']);

/** Flags (`--x v`, `--x=v`, `-xv` for -n/-f/-k) and positional words; unknown flags take no value. */
function parseFlags(args: Word[], valueFlags: Set<string>): { flags: Map<string, Word[]>; positional: Word[] } {
  const flags = new Map<string, Word[]>();
  const positional: Word[] = [];
  const add = (f: string, w: Word) => {
    const list = flags.get(f);
    if (list) list.push(w);
    else flags.set(f, [w]);
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const first = w.segs[0];
    const head = first?.t === 'lit' ? first.v : '';
    if (!head.startsWith('-') || head === '-') {
      positional.push(w);
      continue;
    }
    const eq = head.indexOf('=');
    if (head.startsWith('--') && eq > 0) {
      const flag = head.slice(0, eq);
      add(flag, { raw: w.raw.slice(eq + 1), segs: [{ ...(first as { t: 'lit'; v: string; quoted: boolean }), v: head.slice(eq + 1) }, ...w.segs.slice(1)] });
      continue;
    }
    const short = /^(-[nfk])(.+)$/.exec(head);
    if (short && w.segs.length >= 1) {
      add(short[1]!, { raw: w.raw.slice(2), segs: [{ ...(first as { t: 'lit'; v: string; quoted: boolean }), v: short[2]! }, ...w.segs.slice(1)] });
      continue;
    }
    if (valueFlags.has(head) && w.segs.length === 1 && i + 1 < args.length && head !== '--upsert') {
      add(head, args[++i]!);
      continue;
    }
    flags.set(head, flags.get(head) ?? []);
  }
  return { flags, positional };
}
