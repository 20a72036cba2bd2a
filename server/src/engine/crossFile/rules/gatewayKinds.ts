import type { ResolvedProject } from '../../workspace/resolved';
import { formatLabels } from '../../workspace/selectors';
import { related, type LocatedProblem } from './context';
import { commas, msg, ors, type Message } from '../../l10n/message';
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

const ROLE: Record<string, Message> = {
  Tier1Gateway: msg('a tier-1 gateway (it forwards to the gateways of other clusters over mTLS on 15443)'),
  IngressGateway: msg('an ingress gateway of its cluster'),
  EgressGateway: msg('an egress gateway'),
};

function installed(x: Installed): Message {
  return x.fact.eastWestOnly
    ? msg('{name} (an install {kind}, east-west only)', { name: x.fact.name, kind: x.fact.kind })
    : msg('{name} (an install {kind})', { name: x.fact.name, kind: x.fact.kind });
}

export function gatewayKinds(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const g of p.gatewayConfigs) {
    const fits = FITS[g.kind];
    if (!fits || !g.selector) continue;
    const installs = selectedInstalls(p, g);
    if (!installs.length) continue;
    const sel = `${g.selector.namespace}/${formatLabels(g.selector.labels)}`;
    const rel = installs
      .slice(0, 3)
      .map((x) => related(x.fact.nameRef, msg('install {kind} {name}', { kind: x.fact.kind, name: x.fact.name })));
    if (!installs.some((x) => fits.includes(x.fact.kind))) {
      out.push({
        uri: g.source.uri,
        rule: 'gateway-kind-mismatch',
        ref: g.source,
        message: msg(
          'This {kind} configuration is written for {role}, but its workloadSelector {selector} matches only {installs}: the configuration lands on a gateway that is not set up for it. Select a gateway installed as {kinds}, or write the configuration kind that fits ({fits}).',
          {
            kind: g.kind,
            role: ROLE[g.kind] ?? msg('an install {kind}', { kind: fits[0]! }),
            selector: sel,
            installs: commas(installs.map(installed)),
            kinds: ors(fits.filter((k) => k !== 'Gateway')),
            fits:
              installs[0]!.fact.kind === 'Tier1Gateway'
                ? 'Tier1Gateway'
                : installs[0]!.fact.kind === 'EgressGateway'
                  ? 'EgressGateway'
                  : ors(['IngressGateway', 'Gateway']),
          },
        ),
        related: rel,
      });
      continue;
    }
    // Servers on east-west-only gateways: their Service exposes 15443 only.
    if (g.servers?.length && installs.every((x) => x.fact.eastWestOnly) && g.kind !== 'EgressGateway') {
      out.push({
        uri: g.source.uri,
        rule: 'gateway-kind-mismatch',
        ref: g.source,
        message: msg(
          "This {kind} configuration has servers (port {ports}), but its workloadSelector {selector} matches only {installs}: an east-west-only gateway's Service exposes port 15443 alone, so these servers are unreachable. Select an ingress gateway, or install this one without eastWestOnly.",
          {
            kind: g.kind,
            ports: commas([...new Set(g.servers.map((s) => String(s.port)))]),
            selector: sel,
            installs: commas(installs.map(installed)),
          },
        ),
        related: rel,
      });
    }
  }
}
