// The topology of a workspace drawn as SVG, themed by CSS classes; its title and description say the
// same in words for screen readers.
import { glyph, h, s } from './dom';
import { t } from './l10n';
import type { TopologyView } from './viewModel';

/** The topology as SVG, themed by CSS classes; its title and description say the same in words. */
export function topology(v: TopologyView): HTMLElement | null {
  if (v.empty) return null;
  const id = v.key.replace(/[^\w-]/g, '_');
  const arrow = `${id}-arrow`;
  const svg = s(
    'svg',
    {
      class: 'topology-svg',
      viewBox: `0 0 ${v.width} ${v.height}`,
      width: String(v.width),
      height: String(v.height),
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      preserveAspectRatio: 'xMinYMin meet',
    },
    s('title', { id: `${id}-title` }, v.title),
    s('desc', { id: `${id}-desc` }, v.description),
    s(
      'defs',
      {},
      s(
        'marker',
        {
          id: arrow,
          viewBox: '0 0 10 10',
          refX: '9',
          refY: '5',
          markerWidth: '5',
          markerHeight: '5',
          orient: 'auto-start-reverse',
        },
        s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'topo-arrowhead' }),
      ),
    ),
    v.columns.map((c) =>
      s(
        'g',
        { class: 'topo-column', 'data-cluster': c.cluster },
        s('rect', {
          x: String(c.x),
          y: '4',
          width: String(c.w),
          height: String(v.height - 8),
          rx: '4',
          class: 'topo-col-bg',
        }),
        s('text', { x: String(c.x + c.w / 2), y: '22', class: 'topo-col-label', 'text-anchor': 'middle' }, c.cluster),
      ),
    ),
    v.gateways.map((g) =>
      s(
        'g',
        { class: 'topo-gateway', 'data-key': g.key },
        s('title', {}, g.title),
        s('path', {
          d: `M${g.x} ${g.y - 9} L${g.x + 9} ${g.y} L${g.x} ${g.y + 9} L${g.x - 9} ${g.y} z`,
          class: 'topo-gw-shape',
        }),
        s('text', { x: String(g.x + 14), y: String(g.y + 4), class: 'topo-gw-label' }, t('east-west')),
      ),
    ),
    v.links.map((l) =>
      s(
        'g',
        { class: `topo-link ${l.kind}` },
        s('title', {}, l.title),
        s('path', {
          d: l.d,
          class: 'topo-link-path',
          ...(l.kind === 'remote' ? { 'marker-end': `url(#${arrow})` } : {}),
        }),
        l.hop
          ? s('path', {
              d: `M${l.hop.x} ${l.hop.y - 6} L${l.hop.x + 6} ${l.hop.y} L${l.hop.x} ${l.hop.y + 6} L${l.hop.x - 6} ${l.hop.y} z`,
              class: 'topo-hop',
            })
          : null,
      ),
    ),
    v.nodes.map((n) =>
      s(
        'g',
        { class: `topo-node ${n.state}`, 'data-node': n.key },
        s('title', {}, n.title),
        s('rect', {
          x: String(n.x),
          y: String(n.y),
          width: String(n.w),
          height: String(n.h),
          rx: '4',
          class: 'topo-node-box',
        }),
        s(
          'text',
          { x: String(n.x + n.w / 2), y: String(n.y + n.h / 2 + 4), 'text-anchor': 'middle', class: 'topo-node-label' },
          n.state === 'down' ? `\u25CB ${n.label}` : n.label,
        ),
      ),
    ),
    v.blocked.map((b) =>
      s(
        'g',
        { class: 'topo-blocked' },
        s('title', {}, b.title),
        s('text', { x: String(b.x), y: String(b.y + 5), class: 'topo-blocked-mark' }, '\u2715'),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'topology', 'aria-label': v.title },
    svg,
    h(
      'figcaption',
      { class: 'topo-legend muted' },
      h(
        'span',
        {},
        h('span', { class: 'legend-swatch path', 'aria-hidden': 'true' }),
        ' ',
        t('can fail over (east-west)'),
      ),
      h(
        'span',
        {},
        h('span', { class: 'legend-swatch remote', 'aria-hidden': 'true' }),
        ' ',
        t('callers\u2019 traffic in the what-if'),
      ),
      h('span', {}, glyph('\u25C6', 'glyph hop'), ' ', t('east-west hop')),
    ),
  );
}
