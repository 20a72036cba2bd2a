import type { FileFacts, TsbObjectFact } from '../workspace/facts';
import { pushTo } from '../collections';
import type { Draft } from './steps';

// Successive versions: the same object applied again later in one run or one sequence of labs is a new
// version of it, never in effect together with the earlier one.

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * The same resource applied by two steps of one run (or of one sequence of labs) to the same place:
 * the later step applies a new version, so the two are never in effect together.
 */
export function successiveVersions(
  drafts: Draft[],
  keysOf: (uri: string) => string[],
  files: [string, string][],
): Set<string> {
  const never = new Set<string>();
  const bySequence = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.kind !== 'command') continue;
    const seq = d.sequence ?? d.run;
    pushTo(bySequence, seq, d);
  }
  for (const list of bySequence.values()) {
    if (list.length < 2) continue;
    const holders = new Map<string, { d: Draft; file: string }[]>();
    for (const d of list) for (const u of d.files) for (const k of keysOf(u)) pushTo(holders, k, { d, file: u });
    for (const hs of holders.values()) {
      for (let i = 0; i < hs.length; i++) {
        for (let j = i + 1; j < hs.length; j++) {
          const a = hs[i]!;
          const b = hs[j]!;
          if (a.d === b.d || a.file === b.file) continue;
          if (a.d.mp !== b.d.mp || (!a.d.mp && !overlap(a.d.clusters, b.d.clusters))) continue;
          never.add(pairKey(a.d.id, b.d.id));
          if (!files.some(([x, y]) => x === a.file && y === b.file)) files.push([a.file, b.file]);
        }
      }
    }
  }
  return never;
}

function overlap(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.some((x) => b.includes(x));
}

/** Identity keys of the objects a file defines: TSB objects by kind and parents, Kubernetes objects by kind/namespace/name. */
export function objectKeys(facts: Map<string, FileFacts>): (uri: string) => string[] {
  const cache = new Map<string, string[]>();
  return (uri) => {
    let keys = cache.get(uri);
    if (keys) return keys;
    const f = facts.get(uri);
    keys = [];
    if (f) {
      for (const t of f.tsb) keys.push(tsbKey(t));
      // A Namespace declared again (each app manifest often carries its own) is not a new version.
      for (const o of f.objects ?? []) if (!o.startsWith('Namespace|')) keys.push(o);
      for (const g of f.installGateways) keys.push(`install:${g.kind}|${g.namespace ?? ''}|${g.name}`);
    }
    cache.set(uri, keys);
    return keys;
  };
}

export function tsbKey(o: TsbObjectFact): string {
  // The API group: tsb.tetrate.io/v2 and api.tsb.tetrate.io/v2 are one.
  const v = o.apiVersion;
  const slash = v.indexOf('/');
  const group = v.startsWith('tsb.tetrate.io/') ? 'api.tsb.tetrate.io' : slash < 0 ? v : v.slice(0, slash);
  return `${group}|${o.kind}|${o.organization ?? ''}|${o.tenant ?? ''}|${o.workspace ?? ''}|${o.group ?? ''}|${o.name}`;
}
