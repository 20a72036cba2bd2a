import { readdirSync, statSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

// Finding and reading the YAML files of a project (contract §1): *.yaml/*.yml below the given paths,
// skipping node_modules/ and .git/; files in a Helm chart (a folder with Chart.yaml) are templates.
// Symbolic links: a PATH given on the command line is used as given (a symlink to a folder is scanned
// under the name given), but files are deduplicated by real path, so `check real alias` analyses each
// file once, under the first name. Below a given PATH, symlinks are not followed, neither to folders
// nor to files, so a scan never loops and never leaves the folders it was given.

export interface FoundFile {
  path: string;
  template: boolean;
  /** A deploy script, Makefile or Markdown file (read for where YAML is applied), not YAML. */
  source?: boolean;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export function isYamlFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** Deploy scripts, Makefiles and Markdown: where a repository says how its YAML is applied. */
export function isSourceFile(name: string): boolean {
  return /\.(sh|bash|zsh|md|markdown|mk)$/i.test(name) || /^(GNU)?makefile$/i.test(name);
}

export function findYamlFiles(paths: string[], withSources = false): FoundFile[] {
  // Keyed by real path. Symlinks below a root are not followed, so a file's real path is its root's
  // real path plus its path relative to the root: one realpath call per root.
  const out = new Map<string, FoundFile>();
  let root = '';
  let realRoot = '';
  const add = (p: string, template: boolean, source = false) => {
    const key = join(realRoot, relative(root, p));
    if (!out.has(key)) out.set(key, { path: p, template, ...(source ? { source } : {}) });
  };
  const walk = (dir: string, inChart: boolean, depth: number) => {
    if (depth > 40) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const chart = inChart || entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, chart, depth + 1);
      } else if (e.isFile() && isYamlFile(e.name)) {
        // Chart.yaml and values files are plain YAML; templates/ holds the templated ones.
        add(p, chart && p.includes(`${sep}templates${sep}`));
      } else if (withSources && e.isFile() && isSourceFile(e.name)) {
        add(p, false, true);
      }
    }
  };
  for (const given of paths) {
    const abs = resolve(given);
    root = abs;
    realRoot = realpathSync(abs);
    const st = statSync(abs);
    if (st.isDirectory()) walk(abs, false, 0);
    else add(abs, false);
  }
  return [...out.values()];
}

/** The nearest tsb.config.yaml at or above `start` (stopping at a repository root). */
export function findConfigUpwards(start: string, name: string): string | undefined {
  let dir: string;
  try {
    dir = resolve(start);
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = join(dir, name);
    // A folder (or a dangling link) named tsb.config.yaml is not a config file.
    if (isFile(candidate)) return candidate;
    if (exists(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export type ReadResult = { text: string } | { skipped: string };

/** Reads a file as UTF-8 text, or says why not (too large, binary, not UTF-8) without loading huge files. */
export function readText(path: string, maxBytes: number): ReadResult {
  try {
    const size = statSync(path).size;
    return size > maxBytes ? tooLarge(size, maxBytes) : decode(readFileSync(path));
  } catch (err) {
    return unreadable(err);
  }
}

/** readText without blocking the thread (the language server reads many files at once). */
export async function readTextAsync(path: string, maxBytes: number): Promise<ReadResult> {
  try {
    const size = (await stat(path)).size;
    return size > maxBytes ? tooLarge(size, maxBytes) : decode(await readFile(path));
  } catch (err) {
    return unreadable(err);
  }
}

function tooLarge(size: number, maxBytes: number): ReadResult {
  return { skipped: `This file is ${(size / 1048576).toFixed(1)} MiB, above the ${(maxBytes / 1048576).toFixed(0)} MiB limit (--max-file-size); it is not analysed.` };
}

// Unreadable (permissions), vanished since the scan, or not a regular file: say so on the file.
function unreadable(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException)?.code;
  return { skipped: `This file could not be read (${code ?? String((err as Error)?.message ?? err).split('\n')[0]}); it is not analysed.` };
}

function decode(buf: Buffer): ReadResult {
  // The size was checked first, so reading the whole file is bounded; NUL bytes near the start mean binary.
  if (buf.subarray(0, 8192).includes(0)) return { skipped: 'This file holds binary data (NUL bytes); it is not analysed.' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { skipped: 'This file is not valid UTF-8 text; it is not analysed.' };
  }
}
