import type { ResolvedProject } from '../../workspace/resolved';
import { msg } from '../../l10n/message';
import type { ServicePortFact } from '../../workspace/ruleFacts';
import type { SourceRef } from '../../types';
import { indexOf } from '../../workspace/projectIndex';
import { related, where, type LocatedProblem } from './context';

// port-protocol-unknown: a Service port with no protocol Istio can read (a `name` with a protocol prefix,
// or appProtocol) that TSB sends HTTP traffic to: a gateway HTTP route, or a ServiceRoute with HTTP port
// settings or HTTP routes. Without one, Istio sniffs the protocol, and the HTTP routing, retries and
// timeouts TSB configures apply only when sniffing succeeds.

const PROTOCOL_NAME = /^(http|http2|https|grpc|grpc-web|h2c|tcp|tls|udp|mongo|mysql|redis)(-.*)?$/i;

function hasProtocol(p: ServicePortFact): boolean {
  return !!p.appProtocol || (!!p.name && PROTOCOL_NAME.test(p.name));
}

interface Use {
  /** The port of the Service TSB sends traffic to (undefined: every port). */
  port?: number;
  protocol: 'http' | 'tcp' | 'unknown';
  by: string;
  ref: SourceRef;
}

export function portProtocols(p: ResolvedProject, out: LocatedProblem[]): void {
  // `<namespace>/<service>` -> what sends traffic to it.
  const uses = new Map<string, Use[]>();
  const add = (host: string, use: Use) => {
    const [ns, fqdn] = host.split('/');
    if (!ns || !fqdn || ns === '*' || fqdn.includes('*')) return;
    const parts = fqdn.split('.');
    // `<name>` or `<name>.<namespace>[.svc…]`: a Service of the cluster (not an external host).
    if (parts.length > 1 && (parts[1] !== ns || (parts.length > 2 && parts[2] !== 'svc'))) return;
    const k = `${ns}/${parts[0]}`;
    const l = uses.get(k);
    if (l) l.push(use);
    else uses.set(k, [use]);
  };
  for (const g of p.gatewayConfigs) {
    for (const r of g.routes ?? [])
      add(r.host, {
        ...(r.port !== undefined ? { port: r.port } : {}),
        protocol: r.protocol,
        by: `${g.kind} ${g.name}`,
        ref: g.nameRef,
      });
  }
  for (const r of p.serviceRoutes) {
    if (!r.service) continue;
    const by = `ServiceRoute ${r.name}`;
    if (r.ports?.length) {
      for (const x of r.ports)
        add(r.service, { port: x.port, protocol: x.trafficType === 'HTTP' ? 'http' : 'tcp', by, ref: r.nameRef });
    } else if (r.httpRoutes) {
      add(r.service, { protocol: 'http', by, ref: r.nameRef });
    }
  }
  if (!uses.size) return;
  const services = indexOf(p).servicesByNsName;
  for (const [key, list] of uses) {
    for (const svc of services.get(key) ?? []) {
      const ports = svc.fact.ports ?? [];
      for (const port of ports) {
        if (hasProtocol(port)) continue;
        const use = list.find(
          (u) =>
            (u.port === undefined || u.port === port.port) &&
            u.protocol === 'http' &&
            p.relation(u.ref.uri, svc.fact.source.uri) !== 'never',
        );
        if (!use) continue;
        const name = ports.length > 1 || port.name ? `http-${port.name ?? port.port}` : 'http';
        out.push({
          uri: svc.fact.source.uri,
          rule: 'port-protocol-unknown',
          ref: port.nameRef ?? port.ref,
          message: msg(
            'Port {port} of Service {service} has no protocol Istio can read (a name such as http or http-<suffix>, or appProtocol), but {by} ({where}) sends HTTP traffic to it: Istio falls back to protocol sniffing, and the HTTP routing, retries and timeouts TSB configures apply only when sniffing succeeds. Name the port {name}.',
            {
              port: `${port.port ?? ''}${port.name ? ` (${port.name})` : ''}`,
              service: svc.fact.name,
              by: use.by,
              where: where(use.ref),
              name,
            },
          ),
          ...(port.nameRef
            ? { data: { fix: 'replace-value' as const, to: name } }
            : port.block
              ? { data: { fix: 'add-field' as const, field: 'name', snippet: `name: ${name}`, indent: 0 } }
              : {}),
          related: [related(use.ref, msg('{by} sends HTTP traffic here', { by: use.by }))],
        });
      }
    }
  }
}
