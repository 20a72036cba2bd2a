import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { duplicateKeys } from '../parse/parsedChunk';
import type { SourceRef } from '../types';
import { field } from '../parse/tsbMeta';
import { appendToSeq, insertInMap, type Insertion } from '../rules/yamlInsert';
import { mapOf, pairOf, stringOf } from '../rules/yamlNodes';

// The parts of a document the newer cross-file rules read, beyond selectors and names: Service ports,
// where a workload's pod labels are written, gateway servers and the services their routes send traffic
// to, ServiceRoute port settings, and where a ControlPlane would take the edge DNS overlay.

export type RefOf = (path: (string | number)[], keyOnly?: boolean) => SourceRef | undefined;

export interface ServicePortFact {
  port?: number;
  name?: string;
  appProtocol?: string;
  /** The `port` key and value, or the item. */
  ref: SourceRef;
  /** The port's `name` value, when written. */
  nameRef?: SourceRef;
  /** A block mapping (a key can be added on a line of its own). */
  block?: boolean;
}

export interface GatewayServerFact {
  /** The list it is in: http, tcp, tls, tlsPassthrough, externalServers, passthroughServers, tcpExternalServers. */
  list: string;
  name?: string;
  port: number;
  hostname: string;
  /** The hostname value. */
  ref: SourceRef;
}

export interface GatewayRouteFact {
  /** `<namespace>/<fqdn>` */
  host: string;
  port?: number;
  protocol: 'http' | 'tcp';
}

export interface ServiceRoutePortFact {
  port: number;
  trafficType: string;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function s(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

export function servicePorts(node: YAMLMap, spec: unknown, refOf: RefOf): ServicePortFact[] {
  const ports = field(spec, 'ports');
  if (!Array.isArray(ports)) return [];
  const items = pairOf(mapOf(node, 'spec'), 'ports')?.value;
  return ports.flatMap((p, i) => {
    const item = isSeq(items) && !items.flow ? items.items[i] : undefined;
    const block = isMap(item) && !item.flow;
    // `port: 9080`, key and value: a fix may add a key beside it.
    const key = refOf(['spec', 'ports', i, 'port'], true);
    const value = refOf(['spec', 'ports', i, 'port']);
    const ref =
      key && value ? { ...key, endLine: value.endLine, endCharacter: value.endCharacter } : refOf(['spec', 'ports', i]);
    if (!ref) return [];
    const port = num(field(p, 'port'));
    const name = s(field(p, 'name'));
    const appProtocol = s(field(p, 'appProtocol'));
    const nameRef = name ? refOf(['spec', 'ports', i, 'name']) : undefined;
    // Optional fields assigned in order (no object spreads: this runs for every port).
    const fact = {} as ServicePortFact;
    if (port !== undefined) fact.port = port;
    if (name) fact.name = name;
    if (appProtocol) fact.appProtocol = appProtocol;
    fact.ref = ref;
    if (nameRef) fact.nameRef = nameRef;
    if (block) fact.block = block;
    return [fact];
  });
}

/** Where a workload's pod template labels are written (the `labels` key), and whether a key can be added below it. */
export function podLabelsPlace(
  kind: string,
  node: YAMLMap,
  refOf: RefOf,
): { labelsRef?: SourceRef; labelsBlock?: boolean } {
  const path =
    kind === 'Pod'
      ? ['metadata', 'labels']
      : kind === 'CronJob'
        ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels']
        : ['spec', 'template', 'metadata', 'labels'];
  let cur: unknown = node;
  for (const k of path.slice(0, -1)) cur = mapOf(cur, k);
  const labels = mapOf(cur, 'labels');
  const labelsRef = labels ? refOf(path, true) : undefined;
  return labelsRef ? { labelsRef, labelsBlock: !labels!.flow && labels!.items.length > 0 } : {};
}

const SERVER_LISTS: Record<string, { list: string; protocol: 'http' | 'tcp' }[]> = {
  IngressGateway: [
    { list: 'http', protocol: 'http' },
    { list: 'tcp', protocol: 'tcp' },
    { list: 'tlsPassthrough', protocol: 'tcp' },
  ],
  Gateway: [
    { list: 'http', protocol: 'http' },
    { list: 'tcp', protocol: 'tcp' },
    { list: 'tls', protocol: 'tcp' },
  ],
  Tier1Gateway: [
    { list: 'externalServers', protocol: 'http' },
    { list: 'passthroughServers', protocol: 'tcp' },
    { list: 'tcpExternalServers', protocol: 'tcp' },
  ],
  EgressGateway: [],
};

export function gatewayServers(
  kind: string,
  spec: unknown,
  refOf: RefOf,
): { servers: GatewayServerFact[]; routes: GatewayRouteFact[] } {
  const servers: GatewayServerFact[] = [];
  const routes: GatewayRouteFact[] = [];
  for (const { list, protocol } of SERVER_LISTS[kind] ?? []) {
    const items = field(spec, list);
    if (!Array.isArray(items)) continue;
    items.forEach((x, i) => {
      const port = num(field(x, 'port'));
      const hostname = s(field(x, 'hostname'));
      const ref = refOf(['spec', list, i, 'hostname']);
      const name = s(field(x, 'name'));
      if (port !== undefined && hostname && ref) servers.push({ list, ...(name ? { name } : {}), port, hostname, ref });
      const targets = [
        field(x, 'route'),
        ...(Array.isArray(field(field(x, 'routing'), 'rules'))
          ? (field(field(x, 'routing'), 'rules') as unknown[]).map((r) => field(r, 'route'))
          : []),
      ];
      for (const t of targets) {
        const dest = field(t, 'serviceDestination') ?? t;
        const host = s(field(dest, 'host'));
        const p = num(field(dest, 'port'));
        if (host?.includes('/')) routes.push({ host, ...(p !== undefined ? { port: p } : {}), protocol });
      }
    });
  }
  return { servers, routes };
}

export function serviceRoutePorts(spec: unknown): { ports: ServiceRoutePortFact[]; httpRoutes: boolean } {
  const settings = field(spec, 'portLevelSettings');
  const ports = Array.isArray(settings)
    ? settings.flatMap((x) => {
        const port = num(field(x, 'port'));
        const t = s(field(x, 'trafficType'));
        return port !== undefined && t ? [{ port, trafficType: t }] : [];
      })
    : [];
  const http = field(spec, 'httpRoutes');
  return { ports, httpRoutes: Array.isArray(http) && http.length > 0 };
}

const PATCH = [
  'path: spec.components.edgeServer.kubeSpec.deployment.env[-1]',
  'value:',
  '  name: ENABLE_DNS_RESOLUTION_AT_EDGE',
  '  value: "true"',
];
const OVERLAY = [
  'apiVersion: install.xcp.tetrate.io/v1alpha1',
  'kind: EdgeXcp',
  'name: edge-xcp',
  'patches:',
  ...PATCH.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)),
];

/**
 * Where the EdgeXcp overlay that sets ENABLE_DNS_RESOLUTION_AT_EDGE goes in a ControlPlane (block YAML):
 * a patch of its EdgeXcp overlay, a new overlay, or a new `overlays` under components.xcp.kubeSpec.
 */
export function dnsOverlayInsertion(root: YAMLMap, text: string): Insertion | undefined {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const at = overlayInsertion(root, text, eol);
  if (!at) return undefined;
  // Checked like every quick fix: the edited document parses, adds no duplicate key, and sets the variable.
  const after = parseDocument(text.slice(0, at.offset) + at.text + text.slice(at.offset), {
    uniqueKeys: false,
    logLevel: 'silent',
  });
  if (after.errors.length || duplicateKeys(after.contents).length) return undefined;
  return JSON.stringify(after.toJS()).includes('"name":"ENABLE_DNS_RESOLUTION_AT_EDGE","value":"true"')
    ? at
    : undefined;
}

function overlayInsertion(root: YAMLMap, text: string, eol: string): Insertion | undefined {
  const kubeSpec = mapOf(mapOf(mapOf(mapOf(root, 'spec'), 'components'), 'xcp'), 'kubeSpec');
  const overlays = pairOf(kubeSpec, 'overlays')?.value;
  if (isSeq(overlays)) {
    const edge = overlays.items.find((o) => stringOf(o, 'kind')?.value === 'EdgeXcp');
    if (isMap(edge)) {
      const patches = pairOf(edge, 'patches')?.value;
      if (isSeq(patches)) return appendToSeq(patches, text, PATCH, eol);
      if (patches === undefined)
        return insertInMap(
          edge,
          text,
          [],
          ['patches:', ...PATCH.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))],
          eol,
        );
      return undefined;
    }
    return appendToSeq(overlays, text, OVERLAY, eol);
  }
  const item = OVERLAY.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`));
  if (overlays === null)
    return insertInMap(root, text, ['spec', 'components', 'xcp', 'kubeSpec', 'overlays'], item, eol);
  if (overlays !== undefined) return undefined;
  return insertInMap(
    root,
    text,
    ['spec', 'components', 'xcp', 'kubeSpec'],
    ['overlays:', ...item.map((l) => `  ${l}`)],
    eol,
  );
}
