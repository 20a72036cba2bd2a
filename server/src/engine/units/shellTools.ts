import type { Word } from './shellLex';
import { append, joinPath } from './fileIndex';
import { Expander, HEREDOC, type ReadOptions, type Stream } from './shellExpand';
import { literal, type Frame, type Node } from './shellTree';
import { ARGOCD_VALUE_FLAGS, KUBECTL_VALUE_FLAGS, parseFlags, TCTL_VALUE_FLAGS } from './shellFlags';
import { msg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';

// What one command of a script does: `kubectl`/`oc`/`tctl` apply and friends, `kubectl config
// use-context`, `argocd app create`; recorded as apply commands, Argo CD commands, kube contexts and notes.

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

export abstract class ToolReader extends Expander {
  /** Notes already taken (line and reason), so a loop notes each once. */
  private readonly noted = new Set<string>();

  constructor(
    opts: ReadOptions,
    protected readonly out: ScriptReading,
  ) {
    super(opts);
  }

  protected tool(
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

  protected argocd(args: Word[], frame: Frame, n: Extract<Node, { k: 'cmd' }>): undefined {
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

  protected noteContexts(values: string[] | undefined, line: number): void {
    for (const v of values ?? []) if (v && !v.includes('${')) this.out.contexts.push({ name: v, line });
  }

  protected note(n: Extract<Node, { k: 'cmd' }>, reason: Message): void {
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
