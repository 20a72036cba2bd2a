// DOM rendering of the preview's view model. Data only ever reaches the page as text nodes and attribute
// values set through DOM APIs (dom.ts); nothing here parses HTML.
import type { DownWorkload, SourceRef } from '../../../../server/src/engine/index';
import { Commands, type AppCommand } from '../protocol';
import { button, fileName, glyph, h, s, type Kids } from './dom';
import { t } from './l10n';
import type {
  CellView,
  GatewayView,
  LinkView,
  MarkedView,
  RouteView,
  ServiceRowView,
  TeachView,
  TopologyView,
  ViewModel,
  WhatIfView,
  WorkspaceView,
} from './viewModel';

export { mount } from './dom';
export type { Kids };

export interface RenderActions {
  reveal(source: SourceRef): void;
  toggleDown(target: DownWorkload): void;
  resetDown(): void;
  refresh(): void;
  copy(text: string): void;
  create(teach: TeachView): void;
  command(command: AppCommand): void;
}

export interface RenderStatus {
  /** Shown in the toolbar; announced politely. */
  statusText: string;
  error?: string;
  /** The result of the last action (copied, created), announced. */
  notice?: string;
}

function link(view: LinkView, key: string, a: RenderActions, cls = ''): HTMLElement {
  if (!view.source) return h('span', { class: `nolink ${cls}`.trim() }, view.text);
  const source = view.source;
  const b = button(key, `link ${cls}`.trim(), view.label, () => a.reveal(source), view.text);
  b.title = `${view.label} (${fileName(source.uri)}:${source.line + 1})`;
  return b;
}

export function teachBlock(tv: TeachView, a: RenderActions): HTMLElement {
  return h(
    'section',
    { class: 'teach', 'aria-label': tv.title, 'data-teach': tv.key },
    h('h3', {}, glyph('\u2139', 'glyph info'), ' ', tv.title),
    tv.body.map((p) => h('p', {}, p)),
    h(
      'div',
      { class: 'snippet' },
      h(
        'div',
        { class: 'snippet-bar' },
        h('span', { class: 'snippet-file' }, tv.fragment ? t('In {0}:', tv.snippetFile) : tv.snippetFile),
        h(
          'span',
          { class: 'snippet-actions' },
          tv.writeConfig
            ? button(
                `${tv.key}:write`,
                'primary',
                t('Write tsb.config.yaml from what was inferred'),
                () => a.command(Commands.writeConfig),
                t('Write tsb.config.yaml'),
              )
            : null,
          tv.fragment
            ? null
            : button(
                `${tv.key}:create`,
                'secondary',
                t('Create {0} with this YAML', tv.snippetFile),
                () => a.create(tv),
                t('Create file'),
              ),
          button(
            `${tv.key}:copy`,
            'secondary',
            t('Copy the YAML for {0}', tv.snippetFile),
            () => a.copy(tv.snippet),
            t('Copy'),
          ),
        ),
      ),
      h(
        'pre',
        { tabindex: '0', 'aria-label': t('YAML for {0}', tv.snippetFile) },
        h(
          'code',
          {},
          tv.snippet.split('\n').map((l, i, all) => yamlLine(l, i === all.length - 1)),
        ),
      ),
    ),
  );
}

/**
 * One line of YAML: a long line wraps (nothing is clipped) with a hanging indent below its own
 * indentation, so a continuation never looks like a key. The text itself is untouched (copy, screen
 * readers); the indent is set through the CSSOM, which the CSP allows.
 */
function yamlLine(line: string, last: boolean): HTMLElement {
  const hang = line.length - line.trimStart().length + 4;
  const el = h('span', { class: 'yaml-line' }, last ? line : `${line}\n`);
  el.style.paddingLeft = `${hang}ch`;
  el.style.textIndent = `-${hang}ch`;
  return el;
}

// ---------- matrix ----------

function statusBadge(row: ServiceRowView): HTMLElement {
  const g = row.status === 'failover' ? '\u2713' : row.status === 'no-failover' ? '\u2715' : '\u2212';
  return h('span', { class: `badge ${row.status}` }, glyph(g), ' ', row.statusText);
}

function cell(c: CellView): HTMLElement {
  const td = h('td', {
    class: `cell ${c.state}`,
    'data-cluster': c.cluster,
    'aria-label': c.ariaLabel,
    title: c.ariaLabel,
  });
  if (c.state === 'absent') {
    td.append(h('span', { class: 'absent-mark', 'aria-hidden': 'true' }, '\u2014'));
    return td;
  }
  td.append(
    h(
      'span',
      { class: 'cell-state', 'aria-hidden': 'true' },
      glyph(c.state === 'exposed' ? '\u25CF' : '\u25CB', `glyph dot ${c.state}`),
      ' ',
      c.text,
    ),
  );
  if (c.versions.length) {
    td.append(
      h(
        'span',
        { class: 'versions', 'aria-hidden': 'true' },
        c.versions.map((v) =>
          h(
            'span',
            { class: v.down ? 'chip down' : 'chip', title: v.down ? t('{0} marked down', v.version) : v.version },
            v.version,
          ),
        ),
      ),
    );
  }
  return td;
}

function matrix(ws: WorkspaceView, a: RenderActions): HTMLElement {
  const caption = h('caption', { class: 'visually-hidden' }, t('Services of {0} by cluster', ws.title.text));
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'svc-col' }, t('Service')),
      ws.clusters.map((c) => h('th', { scope: 'col' }, c)),
    ),
  );
  const body = h(
    'tbody',
    {},
    ws.rows.map((r) =>
      h(
        'tr',
        { class: `row ${r.status}`, 'data-service': r.name.text },
        h(
          'th',
          { scope: 'row', class: 'svc' },
          h(
            'div',
            { class: 'svc-head' },
            link(r.name, `${r.key}:name`, a, 'svc-name'),
            h('span', { class: 'ns' }, r.namespace),
            statusBadge(r),
          ),
          r.reason ? h('div', { class: `reason ${r.status}` }, r.reason) : null,
          h(
            'div',
            { class: 'selector' },
            h('span', { class: 'muted' }, `${r.selectorLabel} `),
            link(r.selector, `${r.key}:selector`, a),
          ),
          h('div', { class: 'labels muted' }, r.labelsText),
        ),
        r.cells.map(cell),
      ),
    ),
  );
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix' }, caption, head, body));
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend muted' },
    h('span', {}, glyph('\u25CF', 'glyph dot exposed'), ' ', t('Exposed: runs behind the east-west gateway')),
    h('span', {}, glyph('\u25CB', 'glyph dot local'), ' ', t('Not exposed: runs there, no failover')),
    h('span', {}, glyph('\u2014', 'glyph'), ' ', t('Does not run there')),
  );
}

function gateways(ws: WorkspaceView, a: RenderActions): HTMLElement | null {
  if (ws.gateways.length === 0) return null;
  const cols = ws.gateways[0]!.cells.map((c) => c.cluster);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'matrix gateways' },
      h('caption', { class: 'visually-hidden' }, t('East-west gateways of {0} by cluster', ws.title.text)),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'svc-col' }, t('Gateway selector')),
          cols.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        ws.gateways.map((g: GatewayView) =>
          h(
            'tr',
            { class: 'row', 'data-gateway': g.title.text },
            h(
              'th',
              { scope: 'row', class: 'svc' },
              h(
                'div',
                { class: 'svc-head' },
                link(g.title, `${g.key}:title`, a, 'svc-name'),
                h('span', { class: 'ns' }, g.entryText),
              ),
              g.installs.length
                ? h(
                    'div',
                    { class: 'selector' },
                    h('span', { class: 'muted' }, `${t('Installed by:')} `),
                    g.installs.map((i, n) => [n ? ', ' : '', link(i, `${g.key}:install:${n}`, a)]),
                  )
                : null,
              h(
                'div',
                { class: 'selector' },
                h('span', { class: 'muted' }, `${g.exposesText}${g.exposedSelectors.length ? ': ' : ''}`),
                g.exposedSelectors.map((sel) => h('code', { class: 'selector-chip' }, sel)),
              ),
              g.warning ? h('div', { class: 'reason no-failover' }, g.warning) : null,
            ),
            g.cells.map((c) =>
              h(
                'td',
                {
                  class: `cell ${c.deployed ? 'exposed' : 'absent'}`,
                  'data-cluster': c.cluster,
                  'aria-label': c.ariaLabel,
                  title: c.ariaLabel,
                },
                c.deployed
                  ? h(
                      'span',
                      { class: 'cell-state', 'aria-hidden': 'true' },
                      glyph('\u25CF', 'glyph dot exposed'),
                      ' ',
                      c.text,
                    )
                  : h('span', { class: 'absent-mark', 'aria-hidden': 'true' }, '\u2014'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---------- topology ----------

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

function workspace(ws: WorkspaceView, a: RenderActions): HTMLElement {
  const gw = gateways(ws, a);
  const topo = topology(ws.topology);
  return h(
    'section',
    { class: 'workspace', 'aria-labelledby': `${ws.key}:h`, 'data-workspace': ws.title.text },
    h(
      'header',
      { class: 'ws-head' },
      h(
        'h2',
        { id: `${ws.key}:h` },
        h('span', { class: 'muted kind' }, `${t('Workspace')} `),
        link(ws.title, `${ws.key}:title`, a),
      ),
      h(
        'p',
        { class: 'meta muted' },
        ws.metaText,
        ws.setting ? [' · ', link(ws.setting, `${ws.key}:setting`, a)] : null,
      ),
    ),
    ws.teach.map((x) => teachBlock(x, a)),
    gw ? [h('h3', {}, t('East-west gateways')), gw] : null,
    ws.rows.length
      ? [
          h('h3', {}, `${t('Services')} `, h('span', { class: 'count muted' }, ws.summaryText)),
          legend(),
          h('div', { class: 'ws-body' }, h('div', { class: 'ws-matrix' }, matrix(ws, a)), topo),
        ]
      : null,
    ws.lookalikes.length
      ? h(
          'ul',
          { class: 'notes' },
          ws.lookalikes.map((l) => h('li', {}, l)),
        )
      : null,
  );
}

// ---------- what-if ----------

function route(r: RouteView, a: RenderActions): HTMLElement {
  const g = r.outcome === 'local' ? '\u2192' : r.outcome === 'remote' ? '\u21C4' : '\u2715';
  return h(
    'li',
    {
      class: `route ${r.outcome}`,
      'aria-label': r.ariaLabel,
      'data-service': r.service.text,
      'data-subset': r.subsetText,
      'data-from': r.fromText,
    },
    h(
      'div',
      { class: 'route-head' },
      h('span', { class: `badge ${r.outcome}` }, glyph(g), ' ', r.outcomeText),
      link(r.service, `${r.key}:svc`, a, 'svc-name'),
      h('span', { class: 'subset' }, r.shownSubset),
      h(
        'span',
        { class: 'route-path' },
        h('span', { class: 'muted' }, r.fromText),
        ' ',
        glyph('\u2192', 'glyph arrow'),
        ' ',
        h('span', { class: 'to' }, r.toText),
      ),
    ),
    h('div', { class: 'reason muted' }, r.reason),
  );
}

function markedChip(m: MarkedView, a: RenderActions): HTMLElement {
  return h(
    'li',
    { class: `marked ${m.state}`, 'data-workload': m.text, 'data-cluster': m.target.cluster },
    glyph(m.state === 'down' ? '\u25CB' : '?', `glyph dot ${m.state === 'down' ? 'down' : 'gone'}`),
    ' ',
    h('span', { class: 'marked-name' }, m.text),
    ' ',
    h('span', { class: 'marked-detail muted' }, m.detail),
    ' ',
    button(m.key, 'link undo', m.buttonLabel, () => a.toggleDown(m.target), m.buttonText),
  );
}

/** Toggles per cluster: every workload, of exposed services and not. */
function whatIfSection(w: WhatIfView, a: RenderActions): HTMLElement {
  return h(
    'section',
    { class: 'whatif', 'aria-labelledby': 'whatif-h' },
    h(
      'div',
      { class: 'whatif-head' },
      h('h2', { id: 'whatif-h' }, w.title),
      w.downCount > 0
        ? button('whatif:reset', 'secondary', t('Bring every workload back up'), a.resetDown, t('Reset'))
        : null,
    ),
    h('p', { class: 'muted' }, w.hint),
    h(
      'div',
      { class: 'toggle-groups' },
      w.clusters.map((c) =>
        h(
          'div',
          { class: 'toggle-group', role: 'group', 'aria-label': c.label },
          h('h3', { class: 'cluster-name' }, c.cluster),
          h(
            'div',
            { class: 'toggles' },
            c.toggles.map((tg) => {
              const b = button(
                tg.key,
                `toggle${tg.down ? ' down' : ''}${tg.notExposed ? ' not-exposed' : ''}`,
                undefined,
                () => a.toggleDown(tg.target),
                glyph(tg.down ? '\u25CB' : '\u25CF', `glyph dot ${tg.down ? 'down' : 'up'}`),
                ' ',
                tg.text,
                tg.version ? h('span', { class: 'chip' }, tg.version) : null,
              );
              b.setAttribute('aria-pressed', String(tg.down));
              b.setAttribute('aria-label', tg.toggleLabel);
              b.title = tg.ariaLabel;
              b.dataset['cluster'] = c.cluster;
              b.dataset['workload'] = tg.text;
              return b;
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The answer, docked at the bottom of the panel while anything is marked down: the marked-down set
 * (each with its undo, including workloads that no longer exist) and where callers' traffic goes,
 * visible wherever the user has scrolled to.
 */
function whatIfDock(w: WhatIfView, a: RenderActions): HTMLElement {
  return h(
    'aside',
    { class: `whatif-dock${w.downCount ? ' active' : ''}`, 'aria-labelledby': 'dock-h', 'data-scroll-key': 'dock' },
    h(
      'div',
      { class: 'dock-head' },
      h('h2', { id: 'dock-h' }, w.answerTitle, ' ', h('span', { class: 'count muted' }, w.downText)),
      w.downCount > 0
        ? button('dock:reset', 'secondary', t('Bring every workload back up'), a.resetDown, t('Reset'))
        : null,
    ),
    w.marked.length
      ? h(
          'ul',
          { class: 'marked-list', 'aria-label': t('Marked down') },
          w.marked.map((m) => markedChip(m, a)),
        )
      : null,
    h(
      'div',
      { class: 'routes', role: 'region', 'aria-label': w.answerTitle, 'aria-live': 'polite' },
      w.routes.length === 0
        ? h(
            'p',
            { class: 'empty muted' },
            w.downCount
              ? t('None of the marked workloads exists any more: callers reach their local copy of each service.')
              : w.emptyText,
          )
        : h(
            'ul',
            { class: 'route-list' },
            w.routes.map((r) => route(r, a)),
          ),
    ),
  );
}

// ---------- page ----------

export function renderPage(vm: ViewModel | undefined, status: RenderStatus, a: RenderActions): HTMLElement {
  return h(
    'main',
    { class: 'page' },
    h(
      'header',
      { class: 'toolbar' },
      h('h1', {}, t('Failover Preview')),
      h('span', { class: 'status muted', role: 'status' }, status.notice ?? status.statusText),
      button(
        'toolbar:summary',
        'secondary',
        t('Open the project summary'),
        () => a.command(Commands.showSummary),
        t('Project summary'),
      ),
      button('toolbar:refresh', 'secondary', t('Refresh the failover model'), a.refresh, t('Refresh')),
    ),
    status.error
      ? h('div', { class: 'banner error', role: 'alert' }, glyph('\u26A0', 'glyph'), ' ', status.error)
      : null,
    vm
      ? [
          vm.notes.length
            ? h(
                'ul',
                { class: 'notes' },
                vm.notes.map((n) => h('li', {}, n)),
              )
            : null,
          vm.teach.map((x) => teachBlock(x, a)),
          vm.workspaces.map((ws) => workspace(ws, a)),
          vm.hasWorkloads ? whatIfSection(vm.whatIf, a) : null,
          vm.hasWorkloads || vm.whatIf.downCount ? whatIfDock(vm.whatIf, a) : null,
        ]
      : h('p', { class: 'loading muted' }, t('Loading the failover model\u2026')),
  );
}
