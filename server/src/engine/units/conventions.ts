import type { FileFacts } from '../workspace/facts';
import { parentOf } from './fileIndex';
import type { Evidence } from '../deployment';
import { pushTo } from '../collections';
import type { Draft } from './steps';

// Folder conventions and unit names: a folder named like a known cluster or holding one cluster's
// ControlPlane, and short unique names for units.

export function controlPlaneDirs(facts: readonly FileFacts[]): Map<string, { cluster: string; evidence: Evidence }> {
  const byDir = new Map<string, { cluster: string; evidence: Evidence }[]>();
  for (const f of facts) {
    for (const c of f.controlPlanes) {
      if (!c.clusterName) continue;
      const dir = parentOf(f.uri)!;
      pushTo(byDir, dir, {
        cluster: c.clusterName,
        evidence: { uri: f.uri, line: c.source.line, text: `ControlPlane clusterName: ${c.clusterName}` },
      });
    }
  }
  const out = new Map<string, { cluster: string; evidence: Evidence }>();
  // Two ControlPlanes of different clusters in one folder say nothing about that folder.
  for (const [dir, list] of byDir) if (new Set(list.map((x) => x.cluster)).size === 1) out.set(dir, list[0]!);
  return out;
}

/** The nearest folder above a file that is named like a known cluster, or holds one cluster's ControlPlane. */
export function clusterFolder(
  uri: string,
  root: string,
  lower: Map<string, { name: string; ev: Evidence }>,
  cpDirs: Map<string, { cluster: string; evidence: Evidence }>,
): { dir: string; cluster: string; evidence: Evidence } | undefined {
  for (let dir = parentOf(uri); dir && (dir === root || dir.startsWith(root + '/')); dir = parentOf(dir)) {
    const cp = cpDirs.get(dir);
    if (cp) return { dir, cluster: cp.cluster, evidence: cp.evidence };
    const name = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1)).toLowerCase();
    const hit = lower.get(name);
    if (hit && dir !== root)
      return { dir, cluster: hit.name, evidence: { ...hit.ev, text: `folder named like ${hit.ev.text}` } };
  }
  return undefined;
}

/** Readable, unique names: `path/of/script (run.sh)`, with the target when one source makes several units. */
export function unitNames(drafts: Draft[], rel: (uri: string) => string): Map<number, string> {
  const base = (d: Draft): string => {
    const src = rel(d.source);
    if (d.kind === 'config')
      return `tsb.config.yaml placement ${d.order + 1} (${d.evidence[0]?.text.replace(/^files: /, '') ?? ''})`;
    if (d.kind === 'convention') return `${src}/ (${d.evidence[0]?.text ?? 'folder'})`;
    const slash = src.lastIndexOf('/');
    const dir = slash >= 0 ? src.slice(0, slash) : '.';
    const file = slash >= 0 ? src.slice(slash + 1) : src;
    if (d.kind === 'argocd' && d.run.includes('#'))
      return `${dir} (${file}: Argo CD ${d.run.slice(d.run.lastIndexOf(':') + 1).replace(/^.*#/, '')})`;
    if (d.kind === 'flux') return `${dir} (${file}: Flux ${d.run.slice(d.run.lastIndexOf('#') + 1)})`;
    return `${dir} (${file})`;
  };
  const target = (d: Draft) =>
    d.mp && !d.clusters?.length
      ? 'management plane'
      : d.clusters?.length
        ? d.clusters.join(', ')
        : d.unknown
          ? 'current context'
          : '?';
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(base(d), (counts.get(base(d)) ?? 0) + 1);
  const out = new Map<number, string>();
  const used = new Map<string, number>();
  for (const d of drafts) {
    let name = base(d);
    if ((counts.get(name) ?? 0) > 1) name = `${name} -> ${target(d)}`;
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    out.set(d.id, n > 1 ? `${name} #${n}` : name);
  }
  return out;
}
