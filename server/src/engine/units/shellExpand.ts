import { lex, type Segment, type Word } from './shellLex';
import { append, type FileIndex, joinPath, normalisePath, parentOf } from './fileIndex';
import { msg, type Message } from '../l10n/message';
import { literal, type Frame } from './shellTree';

// What the words of a shell text can stand for: variables, arrays, command substitutions the reader
// understands (the script's folder, `ls`, `find`, `basename`, `echo`), and the files a path names.

/** At most this many values per word or loop. */
export const MAX_VALUES = 64;

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

/** What a command reads or writes: project files, kustomize folders, or something opaque. */
export interface Stream {
  files: string[];
  kustomize: string[];
  /** Why the content is not a project file (inline heredoc, a URL, a rendered chart). */
  opaque?: Message;
}

export const HEREDOC = msg('inline YAML (a heredoc), not a file of the repository');

/** Expands words and finds the files they name, for one script (its folder, bases and renders). */
export class Expander {
  /** `envsubst < a > b`: what was written to b (keyed by b's expanded text). */
  protected readonly renders = new Map<string, Stream>();
  protected readonly scriptDir: string;

  constructor(protected readonly opts: ReadOptions) {
    this.scriptDir = parentOf(opts.uri) ?? opts.uri;
  }

  protected merge(streams: (Stream | undefined)[]): Stream | undefined {
    if (streams.some((s) => !s)) return undefined;
    const opaque = streams.find((s) => s!.opaque)?.opaque;
    return {
      files: streams.flatMap((s) => s!.files),
      kustomize: streams.flatMap((s) => s!.kustomize),
      ...(opaque ? { opaque } : {}),
    };
  }

  /** The files a path argument names: a file, a folder's YAML files, a glob, a rendered file, or a URL. */
  protected streamOfPath(w: Word, frame: Frame, quiet = false, recursive = false): Stream | undefined {
    const key = this.key(w, frame);
    if (key && this.renders.has(key)) return this.renders.get(key);
    const texts = this.expand(w, frame);
    if (!texts) return undefined;
    const files: string[] = [];
    for (const t of texts) {
      if (/^https?:\/\//.test(t))
        return { files: [], kustomize: [], opaque: msg('{url} is not a file of the repository', { url: t }) };
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

  protected resolveDir(w: Word, frame: Frame): string | undefined {
    const t = this.expand(w, frame)?.[0];
    if (t === undefined || t.includes('${')) return undefined;
    const found = this.locate(t, frame);
    return found?.kind === 'dir' ? found.uri : undefined;
  }

  /** Finds a path (as expanded) in the project: tried against the current folder, then each base. */
  protected locate(
    text: string,
    frame: Frame,
  ): { kind: 'file' | 'dir'; uri: string } | { kind: 'glob'; uris: string[] } | undefined {
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
  protected key(w: Word, frame: Frame): string | undefined {
    return this.expand(w, frame, true)?.[0];
  }

  protected values(w: Word, frame: Frame): string[] | undefined {
    const v = this.expand(w, frame);
    return v && !v.some((x) => x.includes('${')) ? v : undefined;
  }

  /** The values of a list of words; unquoted expansions are split at blanks, as the shell does. */
  protected expandAll(ws: Word[], frame: Frame, keepUnknown = false): string[] | undefined {
    const out: string[] = [];
    for (const w of ws) {
      const v = this.expand(w, frame, keepUnknown);
      if (!v) return undefined;
      const split = w.segs.some((s) => s.t !== 'lit' && !quotedIn(w, s));
      for (const x of v) {
        if (split && !x.includes('${')) {
          for (const part of x.split(/\s+/)) if (part) out.push(part);
        } else out.push(x);
      }
      if (out.length >= MAX_VALUES) break;
    }
    return out.slice(0, MAX_VALUES);
  }

  /**
   * The values a word can take. Unknown variables are kept as `${NAME}` (callers check for it); with
   * `keepUnknown` false an unknown command substitution makes the whole word unknown (undefined).
   */
  protected expand(w: Word, frame: Frame, keepUnknown = false): string[] | undefined {
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

  protected variable(s: Extract<Segment, { t: 'var' }>, frame: Frame): string[] | undefined {
    if (s.name === '0') return [this.opts.uri];
    const v = frame.vars.get(s.name);
    if (v) return s.all ? v : v.slice(0, 1);
    if (v === undefined && s.fallback !== undefined && !s.fallback.includes('$')) return [s.fallback];
    return [`\${${s.name}}`];
  }

  /** Command substitutions the reader understands: the script's folder, `ls`, `find`, `basename`, `echo`. */
  protected substitution(src: string, frame: Frame): string[] | undefined {
    if (/\bdirname\b/.test(src) && /(\$\{?0\}?|BASH_SOURCE)/.test(src)) {
      let dir: string | undefined = this.scriptDir;
      const ups = src.match(/\)"?\/\.\./g)?.length ?? 0;
      for (let i = 0; i < ups && dir; i++) dir = parentOf(dir);
      return dir ? [dir] : undefined;
    }
    const toks = lex(src)
      .filter((t): t is { k: 'word'; w: Word } => t.k === 'word')
      .map((t) => t.w);
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
      return [
        cmd === 'basename'
          ? trimmed.slice(trimmed.lastIndexOf('/') + 1)
          : trimmed.slice(0, Math.max(0, trimmed.lastIndexOf('/'))),
      ];
    }
    if (cmd === 'echo' && toks.length > 1) {
      const v = this.expandAll(
        toks.slice(1).filter((w) => !/^-[neE]+$/.test(literal(w) ?? '')),
        frame,
      );
      return v && !v.some((x) => x.includes('${')) ? [v.join(' ')] : undefined;
    }
    return undefined;
  }
}

/** Was this segment written inside double quotes? (The raw word starts a quote before it.) */
export function quotedIn(w: Word, _s: Segment): boolean {
  return w.raw.startsWith('"');
}

export function isManifest(uri: string): boolean {
  return /\.(ya?ml|json)$/i.test(uri);
}
