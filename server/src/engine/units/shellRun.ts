import { logicalLines, type Segment, type Token, type Word } from './shellLex';
import { HEREDOC, MAX_VALUES, type ReadOptions, type Stream } from './shellExpand';
import { literal, parseTree, TEXT_LIMIT, type Frame, type Node } from './shellTree';
import { ToolReader, type ScriptReading } from './shellTools';
import { msg } from '../l10n/message';

// Reads a shell script (or a README code block, or a Makefile recipe) the way a careful reviewer
// would: follows literal variable assignments, arrays and `for` loops over literal lists or folder
// listings, the script-folder idioms (`$(dirname "$0")`), `cd`, `kubectl config use-context`, pipes
// through envsubst/cat/kustomize and files rendered with `envsubst < a > b`; and reports every
// `kubectl apply`/`tctl apply`/`argocd app create` with the files, clusters and namespace it names.
// Nothing is executed. What cannot be resolved is reported as a note, never guessed.

export type { ApplyCommand, ArgoCommand, ReaderNote, ScriptReading } from './shellTools';

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
class Reader extends ToolReader {
  private steps = 0;

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
}

/** Commands that show a command to the user rather than run it. */
const PRINTERS = /^(echo|printf|print_command|print_cmd|show_command|log_command)$/;
