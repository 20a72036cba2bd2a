// PURE: the topology drawing of one workspace, as coordinates and words. Clusters are columns, each
// service a node in every cluster where it runs, the east-west gateway on top of the clusters that
// deploy it. Dashed links join the copies a service can fail over between; when workloads are marked
// down, arrows show where callers' traffic goes, and the east-west hop is marked on the way.
// topologyRender.ts draws it as SVG; the same facts are said in words (title, description) for screen readers.
import { list, t } from './l10n';

export type NodeState = 'exposed' | 'local' | 'down';

export interface TopologyInput {
  key: string;
  clusters: string[];
  /** Clusters where a selected east-west gateway is deployed. */
  gatewayClusters: string[];
  gatewayText: string;
  services: {
    key: string;
    name: string;
    namespace: string;
    cells: { cluster: string; state: 'exposed' | 'local' | 'absent'; down: boolean }[];
  }[];
  routes: {
    service: string;
    namespace: string;
    from: string;
    to: string[];
    outcome: 'local' | 'remote' | 'none';
    subset: string;
  }[];
}

export interface TopologyNode {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  state: NodeState;
  label: string;
  title: string;
}
export interface TopologyLink {
  key: string;
  d: string;
  kind: 'path' | 'remote';
  title: string;
  hop?: { x: number; y: number };
}
export interface TopologyView {
  key: string;
  width: number;
  height: number;
  title: string;
  description: string;
  columns: { cluster: string; x: number; w: number; gateway: boolean }[];
  gateways: { key: string; x: number; y: number; title: string }[];
  nodes: TopologyNode[];
  links: TopologyLink[];
  blocked: { key: string; x: number; y: number; title: string }[];
  /** Nothing to draw (no service runs in any cluster). */
  empty: boolean;
}

const COL_W = 190;
const NODE_W = 142;
const NODE_H = 26;
const TOP = 78;
const ROW_H = 44;
const PAD = 12;

const short = (s: string, n = 20) => (s.length > n ? `${s.slice(0, n - 1)}\u2026` : s);

export function topologyView(input: TopologyInput): TopologyView {
  const cols = input.clusters.map((cluster, i) => ({
    cluster,
    x: PAD + i * COL_W,
    w: COL_W - 2 * PAD,
    gateway: input.gatewayClusters.includes(cluster),
  }));
  const colOf = new Map(cols.map((c) => [c.cluster, c]));
  const nodes: TopologyNode[] = [];
  const at = new Map<string, TopologyNode>();
  const running = input.services.filter((s) => s.cells.some((c) => c.state !== 'absent'));
  running.forEach((s, row) => {
    for (const cell of s.cells) {
      const col = colOf.get(cell.cluster);
      if (!col || cell.state === 'absent') continue;
      const state: NodeState = cell.down ? 'down' : cell.state;
      const n: TopologyNode = {
        key: `${s.key}@${cell.cluster}`,
        x: col.x + (col.w - NODE_W) / 2,
        y: TOP + row * ROW_H,
        w: NODE_W,
        h: NODE_H,
        state,
        label: short(s.name),
        title:
          state === 'down'
            ? t('{0} in {1}: marked down', s.name, cell.cluster)
            : state === 'exposed'
              ? t('{0} in {1}: exposed through the east-west gateway', s.name, cell.cluster)
              : t('{0} in {1}: runs, not exposed', s.name, cell.cluster),
      };
      nodes.push(n);
      at.set(`${s.namespace}/${s.name}@${cell.cluster}`, n);
    }
  });
  const links: TopologyLink[] = [];
  const sentences: string[] = [];
  // Where a service can fail over: dashed links between its exposed copies in neighbouring columns.
  for (const s of running) {
    const exposed = s.cells.filter((c) => c.state === 'exposed').map((c) => c.cluster);
    const runsIn = s.cells.filter((c) => c.state !== 'absent').map((c) => c.cluster);
    for (let i = 0; i + 1 < exposed.length; i++) {
      const a = at.get(`${s.namespace}/${s.name}@${exposed[i]}`)!;
      const b = at.get(`${s.namespace}/${s.name}@${exposed[i + 1]}`)!;
      const y = a.y + a.h / 2;
      links.push({
        key: `path:${s.key}:${i}`,
        kind: 'path',
        d: `M${a.x + a.w} ${y} L${b.x} ${y}`,
        title: t(
          '{0} can fail over between {1} and {2} through the east-west gateway',
          s.name,
          exposed[i]!,
          exposed[i + 1]!,
        ),
      });
    }
    sentences.push(
      exposed.length >= 2
        ? t('{0} runs in {1}, exposed in {2}: it can fail over.', s.name, list(runsIn), list(exposed))
        : t('{0} runs in {1}: it cannot fail over.', s.name, list(runsIn)),
    );
  }
  // Where callers' traffic goes in the what-if.
  const blocked: TopologyView['blocked'] = [];
  input.routes.forEach((r, i) => {
    const from = at.get(`${r.namespace}/${r.service}@${r.from}`);
    if (!from) return;
    if (r.outcome === 'none') {
      blocked.push({
        key: `blocked:${i}`,
        x: from.x + from.w + 8,
        y: from.y + from.h / 2,
        title: t('Callers of {0} ({1}) in {2} have no route', r.service, r.subset, r.from),
      });
      sentences.push(t('Callers of {0} ({1}) in {2} have no route.', r.service, r.subset, r.from));
      return;
    }
    if (r.outcome === 'local') {
      sentences.push(t('Callers of {0} ({1}) in {2} stay local.', r.service, r.subset, r.from));
      return;
    }
    for (const to of r.to) {
      const target = at.get(`${r.namespace}/${r.service}@${to}`);
      if (!target) continue;
      // Above the row: from the top of the down copy, arching over, to the top of the copy that takes the traffic.
      const x1 = from.x + from.w / 2;
      const x2 = target.x + target.w / 2;
      const y = from.y;
      const lift = 22;
      const d = `M${x1} ${y} C${x1} ${y - lift} ${x2} ${y - lift} ${x2} ${target.y - 2}`;
      const hop = { x: (x1 + x2) / 2, y: y - lift * 0.75 };
      links.push({
        key: `remote:${i}:${to}`,
        kind: 'remote',
        d,
        hop,
        title: t(
          'Callers of {0} ({1}) in {2} fail over to {3} through the east-west gateway {4}',
          r.service,
          r.subset,
          r.from,
          to,
          input.gatewayText,
        ),
      });
    }
    sentences.push(
      t(
        'Callers of {0} ({1}) in {2} fail over to {3} through the east-west gateway.',
        r.service,
        r.subset,
        r.from,
        list(r.to),
      ),
    );
  });
  const gateways = cols
    .filter((c) => c.gateway)
    .map((c) => ({
      key: `gw:${c.cluster}`,
      x: c.x + c.w / 2,
      y: 44,
      title: t('East-west gateway {0} in {1}', input.gatewayText, c.cluster),
    }));
  if (input.gatewayClusters.length)
    sentences.unshift(t('East-west gateway deployed in {0}.', list(input.gatewayClusters)));
  return {
    key: input.key,
    width: Math.max(cols.length, 1) * COL_W,
    height: TOP + Math.max(running.length, 1) * ROW_H,
    title: t('Topology: services by cluster'),
    description: sentences.join(' '),
    columns: cols,
    gateways,
    nodes,
    links,
    blocked,
    empty: running.length === 0,
  };
}
