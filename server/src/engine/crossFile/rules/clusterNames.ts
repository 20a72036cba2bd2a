import type { ResolvedProject } from '../../workspace/resolved';
import type { TsbObjectFact } from '../../workspace/facts';
import { isPlaceholder } from '../../parse/templates';
import { nearest } from '../../util/nearest';
import { ifTogether, related, where, type LocatedProblem } from './context';
import { commas, msg, type Message } from '../../l10n/message';

// cluster-name-reused: two ControlPlanes for different clusters register under one managementPlane.clusterName
// (a copied ControlPlane never changed). cluster-not-found: a clusterName that names no Cluster the project
// defines.

type ControlPlane = ResolvedProject['controlPlanes'][number] & { raw: string[] };

/**
 * The clusters a ControlPlane's file is applied to as the repository names them (kube contexts, folders):
 * the placement's TSB names are matched through the ControlPlanes' own clusterName, the field checked here.
 */
function repositoryClusters(p: ResolvedProject, c: ResolvedProject['controlPlanes'][number]): string[] {
  const uri = c.fact.source.uri;
  const ids = new Set(p.deployment.deploymentOf(uri).units);
  const units = p.deployment.units.filter((u) => ids.has(u.id));
  // A folder placed only because this ControlPlane names its cluster says nothing about where it goes.
  const own = (u: (typeof units)[number]) =>
    u.source === 'convention' &&
    u.evidence.length > 0 &&
    u.evidence.every((e) => e.uri === uri && /clusterName/.test(e.text));
  if (units.some(own)) return [];
  const raw = [...new Set(units.flatMap((u) => u.clusters))].sort();
  return raw.length ? raw : c.clusters;
}

/** `for east` (where it is applied), else `of clusters/east/cp.yaml` (the file says it). */
function describe(c: ControlPlane): Message {
  return c.raw.length
    ? msg('for {clusters}', { clusters: commas(c.raw) })
    : msg('of {file}', { file: where(c.fact.source).replace(/:\d+$/, '') });
}

/** Different clusters: both known and not the same set, or (weaker) two files the repository does not place. */
function differentClusters(a: ControlPlane, b: ControlPlane): 'known' | 'likely' | undefined {
  if (a.fact.source.uri === b.fact.source.uri) return undefined;
  if (a.raw.length && b.raw.length) {
    const same = a.raw.length === b.raw.length && a.raw.every((c) => b.raw.includes(c));
    return same ? undefined : 'known';
  }
  return 'likely';
}

export function clusterNames(p: ResolvedProject, out: LocatedProblem[]): void {
  const cps: ControlPlane[] = p.controlPlanes
    .filter((c) => c.fact.clusterName && c.fact.clusterNameRef && !isPlaceholder(c.fact.clusterName))
    .map((c) => ({ ...c, raw: repositoryClusters(p, c) }));
  if (!cps.length) return;
  const clusters = p.tsb.filter((o) => o.kind === 'Cluster');
  const clustersFor = (uri: string) => clusters.filter((c) => p.relation(c.source.uri, uri) !== 'never');

  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const name = cp.fact.clusterName!;
    const ref = cp.fact.clusterNameRef!;
    const uri = cp.fact.source.uri;
    const defined = clustersFor(uri);
    // The Clusters no ControlPlane (that can be in effect with this one) registers as.
    const claimed = new Set(
      cps.filter((c) => p.relation(c.fact.source.uri, uri) !== 'never').map((c) => c.fact.clusterName),
    );
    const free = defined.filter((c) => !claimed.has(c.name));

    // The same ControlPlane applied to several clusters with a literal name: each registers as the same cluster.
    if (cp.raw.length > 1) {
      out.push({
        uri,
        rule: 'cluster-name-reused',
        ref,
        severity: 'warning',
        message: msg(
          'This ControlPlane is applied to {clusters} with the one clusterName {name}: every one of them registers as cluster {name}, so their service registries and configuration are mixed up under one name. Give each cluster its own ControlPlane (or template clusterName per cluster).',
          { clusters: commas(cp.raw), name },
        ),
      });
      continue;
    }
    let peer: { cp: ControlPlane; together: boolean; known: boolean } | undefined;
    for (let j = 0; j < i; j++) {
      const other = cps[j]!;
      if (other.fact.clusterName !== name) continue;
      const diff = differentClusters(other, cp);
      const r = p.relation(other.fact.source.uri, uri);
      if (!diff || r === 'never') continue;
      const candidate = { cp: other, together: r === 'together' && diff === 'known', known: diff === 'known' };
      if (!peer || (candidate.together && !peer.together)) peer = candidate;
      if (peer.together) break;
    }
    if (peer) {
      const target = free.length === 1 ? free[0]! : undefined;
      const args = { which: describe(cp), name, other: describe(peer.cp), where: where(peer.cp.fact.clusterNameRef!) };
      const text = target
        ? msg(
            "The ControlPlane {which} registers as cluster {name}, like the ControlPlane {other} ({where}): the second to connect takes the first one's identity in the management plane, both clusters' service registries and configuration are mixed up under {name}, and Cluster {target} gets no control plane. Set clusterName: {target}.",
            { ...args, target: target.name },
          )
        : msg(
            "The ControlPlane {which} registers as cluster {name}, like the ControlPlane {other} ({where}): the second to connect takes the first one's identity in the management plane, both clusters' service registries and configuration are mixed up under {name}. Give it the name of its own Cluster.",
            args,
          );
      out.push({
        uri,
        rule: 'cluster-name-reused',
        ref,
        ...(peer.together ? {} : { severity: 'hint' as const }),
        message: peer.together ? text : ifTogether(p, peer.cp.fact.source.uri, uri, text),
        ...(target ? { data: { fix: 'replace-value' as const, to: target.name } } : {}),
        related: [
          related(peer.cp.fact.clusterNameRef!, msg('the other ControlPlane registering as {name}', { name })),
          ...(target
            ? [
                related(
                  target.nameRef,
                  msg('Cluster {name}, which no ControlPlane registers as', { name: target.name }),
                ),
              ]
            : []),
        ],
      });
      continue;
    }
    // Only where the project defines its Clusters (a repository may create them with tctl or the UI), by
    // names that are not filled in later.
    if (!defined.length || defined.some((c) => c.name === name || isPlaceholder(c.name))) continue;
    const guess =
      nearest(
        name,
        defined.map((c) => c.name),
        4,
      ) ?? (free.length === 1 ? free[0]!.name : undefined);
    const shown = commas([...defined.slice(0, 6).map((c) => c.name), ...(defined.length > 6 ? ['…'] : [])]);
    const target: TsbObjectFact | undefined = guess ? defined.find((c) => c.name === guess) : undefined;
    out.push({
      uri,
      rule: 'cluster-not-found',
      ref,
      message: guess
        ? msg(
            'clusterName {name} names no Cluster of the project ({clusters}): the control plane cannot register with the management plane, so this cluster receives no TSB configuration; did you mean {guess}?',
            { name, clusters: shown, guess },
          )
        : msg(
            'clusterName {name} names no Cluster of the project ({clusters}): the control plane cannot register with the management plane, so this cluster receives no TSB configuration.',
            { name, clusters: shown },
          ),
      ...(guess ? { data: { fix: 'replace-value' as const, to: guess } } : {}),
      ...(target ? { related: [related(target.nameRef, msg('Cluster {name}', { name: target.name }))] } : {}),
    });
  }
}
