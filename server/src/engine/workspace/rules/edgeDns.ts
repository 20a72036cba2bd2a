import type { ResolvedProject } from '../resolved';
import type { LocatedProblem } from './context';

// edge-dns-resolution-disabled: a DNS name in cluster-external-addresses without DNS resolution at the
// edge; and the value format of that annotation (invalid-value).

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+:[0-9a-fA-F:.]*)$/;

export function edgeDns(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const g of p.installGateways) {
    const ext = g.fact.externalAddresses;
    if (!ext) continue;
    const parts = ext.value.split(',').map((s) => s.trim()).filter(Boolean);
    const dns = parts.filter((x) => !IP.test(x));
    if (dns.length && parts.length > 1) {
      out.push({
        uri: g.fact.source.uri, rule: 'invalid-value', ref: ext.ref,
        message: 'xcp.tetrate.io/cluster-external-addresses takes one IP address, one DNS name, or several IP addresses separated by commas; not several DNS names or a mix.',
      });
      continue;
    }
    if (!dns.length) continue;
    const enabling = p.controlPlanes.filter((c) => c.fact.dnsResolutionAtEdge && p.relation(c.fact.source.uri, g.fact.source.uri) !== 'never');
    const missing = g.clusters.length
      ? g.clusters.filter((cl) => !enabling.some((c) => c.clusters.includes(cl) || c.clusters.length === 0))
      : enabling.length ? [] : ['(all)'];
    if (!missing.length) continue;
    out.push({
      uri: g.fact.source.uri, rule: 'edge-dns-resolution-disabled', ref: ext.ref,
      message: `cluster-external-addresses is the DNS name ${dns[0]}, but no ControlPlane${g.clusters.length ? ` for ${missing.join(', ')}` : ''} in the project sets ENABLE_DNS_RESOLUTION_AT_EDGE="true" (EdgeXcp overlay): remote WorkloadEntries would carry a hostname and failover traffic would not flow.`,
    });
  }
}
