import { existsSync, readdirSync, statSync, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

// Finding and reading the YAML files of a project (contract §1): *.yaml/*.yml below the given paths,
// skipping node_modules/ and .git/; files in a Helm chart (a folder with Chart.yaml) are templates.

export interface FoundFile {
  path: string;
  template: boolean;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export function isYamlFile(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function findYamlFiles(paths: string[]): FoundFile[] {
  const out = new Map<string, FoundFile>();
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
        out.set(p, { path: p, template: chart && p.includes(`${sep}templates${sep}`) });
      }
    }
  };
  for (const given of paths) {
    const abs = resolve(given);
    const st = statSync(abs);
    if (st.isDirectory()) walk(abs, false, 0);
    else out.set(abs, { path: abs, template: false });
  }
  return [...out.values()];
}

/** The nearest tsb.config.yaml at or above `start` (stopping at a repository root). */
export function findConfigUpwards(start: string, name: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export type ReadResult = { text: string } | { skipped: string };

/** Reads a file as UTF-8 text, or says why not (too large, binary, not UTF-8) without loading huge files. */
export function readText(path: string, maxBytes: number): ReadResult {
  const size = statSync(path).size;
  if (size > maxBytes) return { skipped: `This file is ${(size / 1048576).toFixed(1)} MiB, above the ${(maxBytes / 1048576).toFixed(0)} MiB limit (--max-file-size); it is not analysed.` };
  const head = Buffer.alloc(Math.min(size, 8192));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.includes(0)) return { skipped: 'This file holds binary data (NUL bytes); it is not analysed.' };
  const buf = readFileSync(path);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { skipped: 'This file is not valid UTF-8 text; it is not analysed.' };
  }
}
