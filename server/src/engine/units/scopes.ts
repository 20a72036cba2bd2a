import { parentOf } from './fileIndex';

// Either/or folders: the children of a folder named `scenarios`, `topologies`, `environments`,
// `overlays`... are alternatives (one is deployed at a time), unless some unit applies two
// of them together, which proves that folder is not a choice.

const CHOICE = /^(scenarios?|topolog(y|ies)|env(ironment)?s|overlays|variants|flavou?rs)$/i;

/** choice folder URI -> the option (child folder name) a unit's files are in. */
export type Scope = Map<string, string>;

function optionsOf(uri: string, root: string): [string, string][] {
  const out: [string, string][] = [];
  let child = uri;
  for (let dir = parentOf(uri); dir && (dir === root || dir.startsWith(root + '/')); dir = parentOf(dir)) {
    const name = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1));
    if (CHOICE.test(name) && child !== uri) out.push([dir, child.slice(dir.length + 1)]);
    child = dir;
  }
  return out;
}

/** The choice folders of a project: named like one, and never spanned by a single unit. */
export function choicePoints(units: string[][], root: string): Set<string> {
  const all = new Set<string>();
  const spanned = new Set<string>();
  for (const uris of units) {
    const seen = new Map<string, string>();
    for (const u of uris) {
      for (const [dir, option] of optionsOf(u, root)) {
        all.add(dir);
        const prev = seen.get(dir);
        if (prev !== undefined && prev !== option) spanned.add(dir);
        seen.set(dir, option);
      }
    }
  }
  return new Set([...all].filter((d) => !spanned.has(d)));
}

export function scopeOf(uris: string[], points: Set<string>): Scope {
  const scope: Scope = new Map();
  for (const u of uris) {
    let child = u;
    for (let dir = parentOf(u); dir; dir = parentOf(dir)) {
      if (points.has(dir) && child !== u) scope.set(dir, child.slice(dir.length + 1));
      child = dir;
    }
  }
  return scope;
}

export function scopesConflict(a: Scope, b: Scope): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [dir, option] of small) {
    const other = large.get(dir);
    if (other !== undefined && other !== option) return true;
  }
  return false;
}
