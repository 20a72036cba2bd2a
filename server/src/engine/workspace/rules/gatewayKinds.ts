import type { ResolvedProject } from '../resolved';
import { formatLabels } from '../selectors';
import { related, type LocatedProblem } from './context';
import { selectedInstalls, type Installed } from './gatewayWorkloads';

// gateway-kind-mismatch: a gateway configuration whose selector matches only gateways installed as another
// kind (a Tier1Gateway configuration on an ingress gateway), or servers on an east-west-only gateway.

/** Install kinds each configuration kind is written for; the unified install Gateway fits them all. */
const FITS: Record<string, string[]> = {
  Tier1Gateway: ['Tier1Gateway', 'Gateway'],
  IngressGateway: ['IngressGateway', 'Gateway'],
  EgressGateway: ['EgressGateway', 'Gateway'],
  Gateway: ['IngressGateway', 'Tier1Gateway', 'EgressGateway', 'Gateway'],
};

const ROLE: Record<string, string> = {
  Tier1Gateway: 'a tier-1 gateway (it forwards to the gateways of other clusters over mTLS on 15443)',
  IngressGateway: 'an ingress gateway of its cluster',
  EgressGateway: 'an egress gateway',
};

function installed(x: Installed): string {
  return `${x.fact.name} (an install ${x.fact.kind}${x.fact.eastWestOnly ? ', east-west only' : ''})`;
}

export function gatewayKinds(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const g of p.gatewayConfigs) {
    const fits = FITS[g.kind];
    if (!fits || !g.selector) continue;
    const installs = selectedInstalls(p, g);
    if (!installs.length) continue;
    const sel = `${g.selector.namespace}/${formatLabels(g.selector.labels)}`;
    const rel = installs.slice(0, 3).map((x) => related(x.fact.nameRef, `install ${x.fact.kind} ${x.fact.name}`));
    if (!installs.some((x) => fits.includes(x.fact.kind))) {
      out.push({
        uri: g.source.uri, rule: 'gateway-kind-mismatch', ref: g.source,
        message: `This ${g.kind} configuration is written for ${ROLE[g.kind] ?? `an install ${fits[0]}`}, but its workloadSelector ${sel} matches only ${installs.map(installed).join(', ')}: the configuration lands on a gateway that is not set up for it. Select a gateway installed as ${fits.filter((k) => k !== 'Gateway').join(' or ')}, or write the configuration kind that fits (${installs[0]!.fact.kind === 'Tier1Gateway' ? 'Tier1Gateway' : installs[0]!.fact.kind === 'EgressGateway' ? 'EgressGateway' : 'IngressGateway or Gateway'}).`,
        related: rel,
      });
      continue;
    }
    // Servers on east-west-only gateways: their Service exposes 15443 only.
    if (g.servers?.length && installs.every((x) => x.fact.eastWestOnly) && g.kind !== 'EgressGateway') {
      out.push({
        uri: g.source.uri, rule: 'gateway-kind-mismatch', ref: g.source,
        message: `This ${g.kind} configuration has servers (port ${[...new Set(g.servers.map((s) => s.port))].join(', ')}), but its workloadSelector ${sel} matches only ${installs.map(installed).join(', ')}: an east-west-only gateway's Service exposes port 15443 alone, so these servers are unreachable. Select an ingress gateway, or install this one without eastWestOnly.`,
        related: rel,
      });
    }
  }
}
