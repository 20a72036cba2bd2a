import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { msg, NOT_TEXT, NOT_UTF8, type Message } from '../engine/index';

// Finding and reading the YAML files of a project: *.yaml/*.yml below the given paths, skipping
// node_modules/ and .git/; files in a Helm chart (a folder with Chart.yaml) are templates.
// Symbolic links: a PATH given on the command line is used as given (a symlink to a folder is scanned
// under the name given), but files are deduplicated by real path, so `check real alias` analyses each
// file once, under the first name. Below a given PATH, symlinks are not followed, neither to folders
// nor to files, so a scan never leaves the folders it was given. Only regular files are ever read: a
// FIFO would block the reader forever, /dev/zero would fill the memory.

export interface FoundFile {
  path: string;
  template: boolean;
  /** A deploy script, Makefile or Markdown file (read for where YAML is applied), not YAML. */
  source?: boolean;
}

export interface UnreadableFolder {
  path: string;
  /** The error code (EACCES, ENAMETOOLONG...). */
  reason: string;
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
  return scanYamlFiles(paths, withSources).files;
}

/** findYamlFiles without blocking the thread: each folder is read asynchronously (the language server lists large repositories). */
export async function findYamlFilesAsync(paths: string[], withSources = false): Promise<FoundFile[]> {
  const steps = walkSteps(paths, withSources);
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await ioAsync(step.value);
    } catch (err) {
      step = steps.throw(err);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value.files;
}

/**
 * The YAML files below `paths`, at any depth, and the folders that could not be read. The walk keeps
 * its own stack (no recursion, so no depth limit) and enters each folder once by device and inode, so
 * even a loop made by a bind mount ends.
 */
export function scanYamlFiles(
  paths: string[],
  withSources = false,
): { files: FoundFile[]; unreadable: UnreadableFolder[] } {
  const steps = walkSteps(paths, withSources);
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = ioSync(step.value);
    } catch (err) {
      step = steps.throw(err);
      continue;
    }
    step = steps.next(answer);
  }
  return step.value;
}

/** One file-system question the walk asks; its driver answers it (synchronously for the CLI, asynchronously for the server). */
type Io = { op: 'realpath' | 'stat' | 'readdir'; path: string };

function ioSync(q: Io): unknown {
  if (q.op === 'realpath') return realpathSync(q.path);
  if (q.op === 'stat') return statSync(q.path);
  return readdirSync(q.path, { withFileTypes: true });
}

function ioAsync(q: Io): Promise<unknown> {
  if (q.op === 'realpath') return realpath(q.path);
  if (q.op === 'stat') return stat(q.path);
  return readdir(q.path, { withFileTypes: true });
}

/** The walk itself, written once: it yields what it needs to know about the file system and is told the answer. */
function* walkSteps(
  paths: string[],
  withSources: boolean,
): Generator<Io, { files: FoundFile[]; unreadable: UnreadableFolder[] }, unknown> {
  // Keyed by real path. Symlinks below a root are not followed, so a file's real path is its root's
  // real path plus its path relative to the root: one realpath call per root.
  const out = new Map<string, FoundFile>();
  const unreadable: UnreadableFolder[] = [];
  const visited = new Set<string>();
  for (const given of paths) {
    const root = resolve(given);
    const realRoot = (yield { op: 'realpath', path: root }) as string;
    const add = (p: string, template: boolean, source = false) => {
      const key = join(realRoot, relative(root, p));
      if (!out.has(key)) out.set(key, { path: p, template, ...(source ? { source } : {}) });
    };
    const st = (yield { op: 'stat', path: root }) as Stats;
    if (!st.isDirectory()) {
      add(root, false);
      continue;
    }
    // Work items in order: a file to add, or a folder to list (its entries then come before the rest).
    const stack: ({ file: string; template: boolean; source?: boolean } | { dir: string; inChart: boolean })[] = [
      { dir: root, inChart: false },
    ];
    while (stack.length) {
      const item = stack.pop()!;
      if ('file' in item) {
        add(item.file, item.template, item.source);
        continue;
      }
      const dir = item.dir;
      let entries: Dirent[];
      try {
        const ds = (yield { op: 'stat', path: dir }) as Stats;
        const id = `${ds.dev}:${ds.ino}`;
        if (visited.has(id)) continue;
        visited.add(id);
        entries = (yield { op: 'readdir', path: dir }) as Dirent[];
      } catch (err) {
        unreadable.push({
          path: dir,
          reason: (err as NodeJS.ErrnoException)?.code ?? String((err as Error)?.message ?? err).split('\n')[0]!,
        });
        continue;
      }
      const chart = item.inChart || entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
      const next: typeof stack = [];
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) next.push({ dir: p, inChart: chart });
        } else if (e.isFile() && isYamlFile(e.name)) {
          // Chart.yaml and values files are plain YAML; templates/ holds the templated ones.
          next.push({ file: p, template: chart && p.includes(`${sep}templates${sep}`) });
        } else if (withSources && e.isFile() && isSourceFile(e.name)) {
          next.push({ file: p, template: false, source: true });
        }
      }
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    }
  }
  return { files: [...out.values()], unreadable };
}

/**
 * The nearest tsb.config.yaml at or above `start`. The search stops at a repository root (a folder with
 * `.git`) and never leaves the file system `start` is on: without a repository, a tsb.config.yaml in
 * some parent folder of an unrelated mount (with `ignore: ["**"]`, say) must not silently govern a check.
 */
export function findConfigUpwards(start: string, name: string): string | undefined {
  let dir: string;
  let device: number;
  try {
    dir = resolve(start);
    let st = statSync(dir);
    if (!st.isDirectory()) {
      dir = dirname(dir);
      st = statSync(dir);
    }
    device = st.dev;
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
    try {
      if (statSync(up).dev !== device) return undefined;
    } catch {
      return undefined;
    }
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

/** What a path is when it is not a regular file or a folder (a FIFO, a device...), for messages. */
export function specialKind(st: Stats): Message | undefined {
  if (st.isFile() || st.isDirectory()) return undefined;
  if (st.isFIFO()) return msg('a FIFO (named pipe)');
  if (st.isCharacterDevice()) return msg('a character device');
  if (st.isBlockDevice()) return msg('a block device');
  if (st.isSocket()) return msg('a socket');
  return msg('not a regular file');
}

/** `special`: the path is not a regular file (a FIFO, a device, a folder) and was not opened or read. */
export type ReadResult = { text: string } | { skipped: Message; special?: true };

// Opened without blocking: opening a FIFO for reading would otherwise wait for a writer (and hold one of
// libuv's four threads in the server). The type is checked again on the open descriptor, so a file
// replaced by a FIFO between the two looks is still refused.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file as UTF-8 text, or says why not (not a regular file, too large, binary, not UTF-8). */
export function readText(path: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    const before = notRegular(statSync(path));
    if (before) return before;
    fd = openSync(path, OPEN_FLAGS);
    const st = fstatSync(fd);
    const after = notRegular(st);
    if (after) return after;
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    // Read at most one byte past the limit: a file that grew since fstat is still bounded.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return tooLarge(n, maxBytes);
    return decode(buf.subarray(0, n));
  } catch (err) {
    return unreadable(err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** readText without blocking the thread (the language server reads many files at once). */
export async function readTextAsync(path: string, maxBytes: number): Promise<ReadResult> {
  let handle: FileHandle | undefined;
  try {
    const before = notRegular(await stat(path));
    if (before) return before;
    handle = await open(path, OPEN_FLAGS);
    const st = await handle.stat();
    const after = notRegular(st);
    if (after) return after;
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return tooLarge(n, maxBytes);
    return decode(buf.subarray(0, n));
  } catch (err) {
    return unreadable(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function notRegular(st: Stats): { skipped: Message; special: true } | undefined {
  if (st.isDirectory()) return { skipped: msg('This is a folder, not a file; it is not read.'), special: true };
  const kind = specialKind(st);
  return kind
    ? { skipped: msg('This is {kind}, not a regular file; it is not read.', { kind }), special: true }
    : undefined;
}

function tooLarge(size: number, maxBytes: number): ReadResult {
  return {
    skipped: msg('This file is {size} MiB, above the {limit} MiB limit (--max-file-size); it is not analysed.', {
      size: (size / 1048576).toFixed(1),
      limit: (maxBytes / 1048576).toFixed(0),
    }),
  };
}

// Unreadable (permissions), vanished since the scan, or not a regular file: say so on the file.
function unreadable(err: unknown): ReadResult {
  const code = (err as NodeJS.ErrnoException)?.code;
  return {
    skipped: msg('This file could not be read ({error}); it is not analysed.', {
      error: code ?? String((err as Error)?.message ?? err).split('\n')[0]!,
    }),
  };
}

function decode(buf: Buffer): ReadResult {
  // The size was checked first, so reading the whole file is bounded; NUL bytes near the start mean binary.
  if (buf.subarray(0, 8192).includes(0)) return { skipped: NOT_TEXT };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { skipped: NOT_UTF8 };
  }
}
