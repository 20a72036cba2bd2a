import type { ResolvedProject } from '../../workspace/resolved';
import type { FixData } from '../../types';
import { related, where, type LocatedProblem } from './context';
import { refRange } from '../../range';
import { commas, msg } from '../../l10n/message';

// edge-dns-resolution-disabled: a DNS name in cluster-external-addresses without DNS resolution at the
// edge; and the value format of that annotation (invalid-value).

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+:[0-9a-fA-F:.]*)$/;

export function edgeDns(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const g of p.installGateways) {
    const ext = g.fact.externalAddresses;
    if (!ext) continue;
    const parts = ext.value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const dns = parts.filter((x) => !IP.test(x));
    if (dns.length && parts.length > 1) {
      out.push({
        uri: g.fact.source.uri,
        rule: 'invalid-value',
        ref: ext.ref,
        message: msg(
          'xcp.tetrate.io/cluster-external-addresses takes one IP address, one DNS name, or several IP addresses separated by commas; not several DNS names or a mix.',
        ),
      });
      continue;
    }
    if (!dns.length) continue;
    const enabling = p.controlPlanes.filter(
      (c) => c.fact.dnsResolutionAtEdge && p.relation(c.fact.source.uri, g.fact.source.uri) !== 'never',
    );
    const missing = g.clusters.length
      ? g.clusters.filter((cl) => !enabling.some((c) => c.clusters.includes(cl) || c.clusters.length === 0))
      : enabling.length
        ? []
        : ['(all)'];
    if (!missing.length) continue;
    const fix = overlayFix(p, g.fact.source.uri, g.clusters.length ? missing : []);
    out.push({
      uri: g.fact.source.uri,
      rule: 'edge-dns-resolution-disabled',
      ref: ext.ref,
      message: g.clusters.length
        ? msg(
            'cluster-external-addresses is the DNS name {dns}, but no ControlPlane for {clusters} in the project sets ENABLE_DNS_RESOLUTION_AT_EDGE="true" (EdgeXcp overlay): remote WorkloadEntries would carry a hostname and failover traffic would not flow.',
            { dns: dns[0]!, clusters: commas(missing) },
          )
        : msg(
            'cluster-external-addresses is the DNS name {dns}, but no ControlPlane in the project sets ENABLE_DNS_RESOLUTION_AT_EDGE="true" (EdgeXcp overlay): remote WorkloadEntries would carry a hostname and failover traffic would not flow.',
            { dns: dns[0]! },
          ),
      ...(fix ? { data: fix.data, related: fix.related } : {}),
    });
  }
}

/**
 * The quick fix: the EdgeXcp overlay added to the ControlPlane of each cluster that lacks it (edits in the
 * ControlPlanes' files). With no cluster named, only when one ControlPlane can be in effect with the gateway.
 */
function overlayFix(
  p: ResolvedProject,
  uri: string,
  clusters: string[],
): { data: FixData; related: LocatedProblem['related'] } | undefined {
  const cps = p.controlPlanes.filter(
    (c) => !c.fact.dnsResolutionAtEdge && p.relation(c.fact.source.uri, uri) !== 'never',
  );
  const targets = clusters.length
    ? clusters.map((cl) => cps.filter((c) => c.clusters.includes(cl))).map((l) => (l.length === 1 ? l[0] : undefined))
    : [cps.length === 1 ? cps[0] : undefined];
  if (!targets.length || targets.some((t) => !t?.fact.dnsOverlay)) return undefined;
  const unique = [...new Set(targets)] as NonNullable<(typeof targets)[number]>[];
  const byUri = new Map<string, { range: ReturnType<typeof refRange>; newText: string }[]>();
  for (const t of unique) {
    const o = t.fact.dnsOverlay!;
    const edits = byUri.get(o.at.uri) ?? [];
    edits.push({ range: refRange(o.at), newText: o.text });
    byUri.set(o.at.uri, edits);
  }
  return {
    data: {
      fix: 'edit',
      title:
        unique.length === 1
          ? msg('Enable DNS resolution at the edge in ControlPlane {name} ({where})', {
              name: unique[0]!.fact.name,
              where: where(unique[0]!.fact.source),
            })
          : msg('Enable DNS resolution at the edge in the ControlPlanes of {clusters}', { clusters: commas(clusters) }),
      changes: [...byUri].map(([u, edits]) => ({ uri: u, edits })),
    },
    related: unique.map((t) =>
      related(
        t.fact.source,
        t.clusters.length
          ? msg('ControlPlane {name} ({clusters}): no ENABLE_DNS_RESOLUTION_AT_EDGE', {
              name: t.fact.name,
              clusters: commas(t.clusters),
            })
          : msg('ControlPlane {name}: no ENABLE_DNS_RESOLUTION_AT_EDGE', { name: t.fact.name }),
      ),
    ),
  };
}
