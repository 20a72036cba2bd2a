import type { FileFacts } from '../workspace/facts';
import { msg, type Message } from '../l10n/message';

// Kube contexts, cluster folders and Argo CD destinations name clusters their own way; TSB names them
// with `Cluster` objects and each ControlPlane's `managementPlane.clusterName`. Namespace selectors
// (`cluster/namespace`) use the TSB names, so each repository name is matched to one where it can be told.

export interface ClusterMatch {
  tsb: string;
  why: Message;
}

interface Placed {
  files: string[];
  clusters?: string[];
}

export function matchClusters(
  units: readonly Placed[],
  facts: readonly FileFacts[],
  byUri: ReadonlyMap<string, FileFacts>,
): Map<string, ClusterMatch> {
  const tsbNames = new Set<string>();
  for (const f of facts) {
    for (const t of f.tsb) if (t.kind === 'Cluster') tsbNames.add(t.name);
    for (const c of f.controlPlanes) if (c.clusterName) tsbNames.add(c.clusterName);
  }
  const out = new Map<string, ClusterMatch>();
  if (!tsbNames.size) return out;
  const raw = new Set(units.flatMap((u) => u.clusters ?? []));
  // ControlPlanes applied to exactly one cluster say which TSB cluster that is.
  const byControlPlane = new Map<string, Set<string>>();
  for (const u of units) {
    if (u.clusters?.length !== 1) continue;
    for (const uri of u.files) {
      for (const c of byUri.get(uri)?.controlPlanes ?? []) {
        if (c.clusterName)
          byControlPlane.set(u.clusters[0]!, (byControlPlane.get(u.clusters[0]!) ?? new Set()).add(c.clusterName));
      }
    }
  }
  for (const name of raw) {
    if (tsbNames.has(name)) {
      out.set(name, { tsb: name, why: msg('same name') });
      continue;
    }
    const cp = byControlPlane.get(name);
    if (cp?.size === 1) {
      const tsb = [...cp][0]!;
      out.set(name, {
        tsb,
        why: msg('the ControlPlane applied to {cluster} has clusterName {tsb}', { cluster: name, tsb }),
      });
      continue;
    }
    const prefixed = [...tsbNames].filter(
      (t) => name.length > t.length && name.startsWith(t) && /^[-_.][a-z0-9]{1,4}$/i.test(name.slice(t.length)),
    );
    if (prefixed.length === 1)
      out.set(name, {
        tsb: prefixed[0]!,
        why: msg('{cluster} is {tsb} with a suffix', { cluster: name, tsb: prefixed[0]! }),
      });
  }
  return out;
}
