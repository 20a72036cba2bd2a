import picomatch from 'picomatch';
import { isSimpleGlob } from '../workspace/glob';

// The project's files as the deployment reader sees them: which paths exist, what a folder holds.
// Built from the URIs the project already knows (YAML files and deploy scripts), never from disk, so
// the inference stays a pure function of what was loaded.

export class FileIndex {
  private readonly files = new Set<string>();
  private readonly dirs = new Map<string, Set<string>>();
  private rootDir: string | undefined;

  constructor(uris: Iterable<string> = []) {
    for (const uri of uris) this.add(uri);
  }

  /** The shallowest folder holding project files: relative paths never resolve above it. */
  get root(): string {
    return this.rootDir ?? '';
  }

  /** Adds one file (an index of many files is built in steps by calling this between yields). */
  add(uri: string): void {
    this.files.add(uri);
    let child = uri;
    let dir = parentOf(uri);
    while (dir) {
      let kids = this.dirs.get(dir);
      const fresh = !kids;
      if (!kids) this.dirs.set(dir, (kids = new Set()));
      kids.add(child.slice(dir.length + 1));
      if (!fresh) break;
      child = dir;
      dir = parentOf(dir);
    }
    const d = parentOf(uri) ?? uri;
    this.rootDir = this.rootDir === undefined ? d : commonDir(this.rootDir, d);
  }

  isFile(uri: string): boolean {
    return this.files.has(uri);
  }

  isDir(uri: string): boolean {
    return this.dirs.has(uri);
  }

  exists(uri: string): boolean {
    return this.files.has(uri) || this.dirs.has(uri);
  }

  /** Names directly in a folder (files and folders), sorted like `ls`. */
  children(dir: string): string[] {
    return [...(this.dirs.get(dir) ?? [])].sort();
  }

  /** Files directly in `dir` (or below it when `recursive`), sorted. */
  filesIn(dir: string, recursive: boolean): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const name of this.children(d)) {
        const u = `${d}/${name}`;
        if (this.files.has(u)) out.push(u);
        else if (recursive && this.dirs.has(u)) walk(u);
      }
    };
    walk(dir);
    return out;
  }

  /** Files matching a glob relative to `dir` (`k8s/*.yaml`), sorted. */
  glob(dir: string, pattern: string): string[] {
    let isMatch: (s: string) => boolean;
    // picomatch backtracks: a glob from a script with many wildcards could hang the analysis.
    if (!isSimpleGlob(pattern)) return [];
    try {
      isMatch = picomatch(pattern, { dot: false, noextglob: true, nobrace: false });
    } catch {
      return [];
    }
    return this.filesIn(dir, pattern.includes('/') || pattern.includes('**')).filter((u) =>
      isMatch(u.slice(dir.length + 1)),
    );
  }

  /** Every folder whose name is `name`, sorted. */
  dirsNamed(name: string): string[] {
    return [...this.dirs.keys()].filter((d) => d.slice(d.lastIndexOf('/') + 1) === name).sort();
  }
}

export function parentOf(uri: string): string | undefined {
  const i = uri.lastIndexOf('/');
  if (i <= 0 || uri.slice(0, i).endsWith('/') || uri.slice(0, i).endsWith(':')) return undefined;
  return uri.slice(0, i);
}

function commonDir(a: string, b: string): string {
  if (a === b || b.startsWith(a + '/')) return a;
  if (a.startsWith(b + '/')) return b;
  const pa = a.split('/');
  const pb = b.split('/');
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join('/');
}

/** `a/./b/../c` → `a/c`; undefined when `..` climbs above the scheme and authority. */
export function normalisePath(uri: string): string | undefined {
  const m = /^([a-z][\w+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  const prefix = m ? m[1]! : '';
  const rest = m ? (m[2] ?? '') : uri;
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return `${prefix}/${out.join('/')}`.replace(/\/$/, '') || prefix;
}

/** Joins a relative path (as written in a script) to a folder URI, percent-encoding like file URIs. */
export function joinPath(dir: string, rel: string): string | undefined {
  return normalisePath(`${dir}/${encodePath(rel)}`);
}

/** Percent-encodes a path as file URIs do (the WHATWG path set plus `%` and `\\`), keeping `/`. */
export function encodePath(path: string): string {
  let out = '';
  for (const c of path) {
    const code = c.codePointAt(0)!;
    if (code > 0x7e) out += encodeURIComponent(c);
    else if (code < 0x21 || '"#<>?`{}%\\[]^|~'.includes(c))
      out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += c;
  }
  return out;
}

/** Appends without spreading (a spread of a very long list overflows the call stack). */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const x of items) target.push(x);
}
