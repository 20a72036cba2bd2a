// DOM rendering of the view model. Data only ever reaches the page as text nodes and attribute
// values set through DOM APIs; nothing here parses HTML.
import type { DownWorkload, SourceRef } from '../../../../server/src/engine/model/failoverTypes';
import type {
  CellView, GatewayView, LinkView, RouteView, ServiceRowView, TeachView, ViewModel, WhatIfView, WorkspaceView,
} from './viewModel';

export interface RenderActions {
  reveal(source: SourceRef): void;
  toggleDown(target: DownWorkload): void;
  resetDown(): void;
  refresh(): void;
}

export interface RenderStatus {
  /** Shown in the toolbar; announced politely. */
  statusText: string;
  error?: string;
}

type Child = Node | string | null | undefined | false;
/** Children may nest arrays (conditional groups); they are flattened in order. */
export type Kids = Child | readonly Kids[];
type Attrs = Record<string, string | boolean | undefined>;

/** createElement with attributes (set with setAttribute, never parsed) and text/element children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Kids[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, kids: Kids): void {
  if (kids === null || kids === undefined || kids === false) return;
  if (typeof kids === 'string') el.append(document.createTextNode(kids));
  else if (kids instanceof Node) el.append(kids);
  else for (const k of kids) append(el, k);
}

function button(key: string, cls: string, label: string | undefined, onClick: () => void, ...children: Kids[]): HTMLButtonElement {
  const b = h('button', { type: 'button', class: cls, 'data-key': key, 'aria-label': label }, ...children);
  b.addEventListener('click', onClick);
  return b;
}

function link(view: LinkView, key: string, a: RenderActions, cls = ''): HTMLElement {
  if (!view.source) return h('span', { class: `nolink ${cls}`.trim() }, view.text);
  const source = view.source;
  const b = button(key, `link ${cls}`.trim(), view.label, () => a.reveal(source), view.text);
  b.title = `${view.label} (${fileName(source.uri)}:${source.line + 1})`;
  return b;
}

function fileName(uri: string): string {
  const tail = uri.split(/[\\/]/).pop() ?? uri;
  try { return decodeURIComponent(tail); } catch { return tail; }
}

const glyph = (text: string, cls = 'glyph') => h('span', { class: cls, 'aria-hidden': 'true' }, text);

function teachBlock(t: TeachView): HTMLElement {
  return h('section', { class: 'teach', 'aria-label': t.title },
    h('h3', {}, glyph('\u2139', 'glyph info'), ' ', t.title),
    t.body.map((p) => h('p', {}, p)),
    h('div', { class: 'snippet' },
      h('div', { class: 'snippet-file' }, t.snippetFile),
      h('pre', { tabindex: '0', 'aria-label': `YAML for ${t.snippetFile}` }, h('code', {}, t.snippet))));
}

// ---------- matrix ----------

function statusBadge(row: ServiceRowView): HTMLElement {
  const g = row.status === 'failover' ? '\u2713' : row.status === 'no-failover' ? '\u2715' : '\u2212';
  return h('span', { class: `badge ${row.status}` }, glyph(g), ' ', row.statusText);
}

function cell(c: CellView): HTMLElement {
  const td = h('td', { class: `cell ${c.state}`, 'data-cluster': c.cluster, 'aria-label': c.ariaLabel, title: c.ariaLabel });
  if (c.state === 'absent') {
    td.append(h('span', { class: 'absent-mark', 'aria-hidden': 'true' }, '\u2014'));
    return td;
  }
  td.append(h('span', { class: 'cell-state', 'aria-hidden': 'true' }, glyph(c.state === 'exposed' ? '\u25CF' : '\u25CB', `glyph dot ${c.state}`), ' ', c.text));
  if (c.versions.length) {
    td.append(h('span', { class: 'versions', 'aria-hidden': 'true' },
      c.versions.map((v) => h('span', { class: v.down ? 'chip down' : 'chip', title: v.down ? `${v.version} marked down` : v.version }, v.version))));
  }
  return td;
}

function matrix(ws: WorkspaceView, a: RenderActions): HTMLElement {
  const caption = h('caption', { class: 'visually-hidden' }, `Services of ${ws.title.text} by cluster`);
  const head = h('thead', {}, h('tr', {},
    h('th', { scope: 'col', class: 'svc-col' }, 'Service'),
    ws.clusters.map((c) => h('th', { scope: 'col' }, c))));
  const body = h('tbody', {}, ws.rows.map((r) => h('tr', { class: `row ${r.status}`, 'data-service': r.name.text },
    h('th', { scope: 'row', class: 'svc' },
      h('div', { class: 'svc-head' }, link(r.name, `${r.key}:name`, a, 'svc-name'), h('span', { class: 'ns' }, r.namespace), statusBadge(r)),
      r.reason ? h('div', { class: `reason ${r.status}` }, r.reason) : null,
      h('div', { class: 'selector' }, h('span', { class: 'muted' }, r.status === 'excluded' ? 'Decided by: ' : 'Selected by: '), link(r.selector, `${r.key}:selector`, a)),
      h('div', { class: 'labels muted' }, `labels ${r.labelsText}`)),
    r.cells.map(cell))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix' }, caption, head, body));
}

function legend(): HTMLElement {
  return h('p', { class: 'legend muted' },
    h('span', {}, glyph('\u25CF', 'glyph dot exposed'), ' Exposed: runs behind the east-west gateway'),
    h('span', {}, glyph('\u25CB', 'glyph dot local'), ' Not exposed: runs there, no failover'),
    h('span', {}, glyph('\u2014', 'glyph'), ' Does not run there'));
}

function gateways(ws: WorkspaceView, a: RenderActions): HTMLElement | null {
  if (ws.gateways.length === 0) return null;
  const cols = ws.gateways[0]!.cells.map((c) => c.cluster);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix gateways' },
    h('caption', { class: 'visually-hidden' }, `East-west gateways of ${ws.title.text} by cluster`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'svc-col' }, 'Gateway selector'), cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ws.gateways.map((g: GatewayView) => h('tr', { class: 'row', 'data-gateway': g.title.text },
      h('th', { scope: 'row', class: 'svc' },
        h('div', { class: 'svc-head' }, link(g.title, `${g.key}:title`, a, 'svc-name'), h('span', { class: 'ns' }, g.entryText)),
        g.installs.length
          ? h('div', { class: 'selector' }, h('span', { class: 'muted' }, 'Installed by: '), g.installs.map((i, n) => [n ? ', ' : '', link(i, `${g.key}:install:${n}`, a)]))
          : null,
        h('div', { class: 'selector' }, h('span', { class: 'muted' }, `${g.exposesText}${g.exposedSelectors.length ? ': ' : ''}`),
          g.exposedSelectors.map((s) => h('code', { class: 'selector-chip' }, s))),
        g.warning ? h('div', { class: 'reason no-failover' }, g.warning) : null),
      g.cells.map((c) => h('td', { class: `cell ${c.deployed ? 'exposed' : 'absent'}`, 'data-cluster': c.cluster, 'aria-label': c.ariaLabel, title: c.ariaLabel },
        c.deployed
          ? h('span', { class: 'cell-state', 'aria-hidden': 'true' }, glyph('\u25CF', 'glyph dot exposed'), ' ', c.text)
          : h('span', { class: 'absent-mark', 'aria-hidden': 'true' }, '\u2014'))))))));
}

function workspace(ws: WorkspaceView, a: RenderActions): HTMLElement {
  const gw = gateways(ws, a);
  return h('section', { class: 'workspace', 'aria-labelledby': `${ws.key}:h`, 'data-workspace': ws.title.text },
    h('header', { class: 'ws-head' },
      h('h2', { id: `${ws.key}:h` }, h('span', { class: 'muted kind' }, 'Workspace '), link(ws.title, `${ws.key}:title`, a)),
      h('p', { class: 'meta muted' }, ws.metaText, ws.setting ? [' · ', link(ws.setting, `${ws.key}:setting`, a)] : null)),
    ws.teach.map(teachBlock),
    gw ? [h('h3', {}, 'East-west gateways'), gw] : null,
    ws.rows.length ? [
      h('h3', {}, 'Services ', h('span', { class: 'count muted' }, ws.summaryText)),
      legend(),
      matrix(ws, a),
    ] : null,
    ws.lookalikes.length ? h('ul', { class: 'notes' }, ws.lookalikes.map((l) => h('li', {}, l))) : null);
}

// ---------- what-if ----------

function route(r: RouteView, a: RenderActions): HTMLElement {
  const g = r.outcome === 'local' ? '\u2192' : r.outcome === 'remote' ? '\u21C4' : '\u2715';
  return h('li', { class: `route ${r.outcome}`, 'aria-label': r.ariaLabel, 'data-service': r.service.text, 'data-subset': r.subsetText, 'data-from': r.fromText },
    h('div', { class: 'route-head' },
      h('span', { class: `badge ${r.outcome}` }, glyph(g), ' ', r.outcomeText),
      link(r.service, `${r.key}:svc`, a, 'svc-name'),
      h('span', { class: 'subset' }, r.shownSubset)),
    h('div', { class: 'route-path' }, h('span', { class: 'muted' }, r.fromText), ' ', glyph('\u2192', 'glyph arrow'), ' ', h('span', { class: 'to' }, r.toText)),
    h('div', { class: 'reason muted' }, r.reason));
}

function whatIf(w: WhatIfView, a: RenderActions): HTMLElement {
  return h('section', { class: 'whatif', 'aria-labelledby': 'whatif-h' },
    h('div', { class: 'whatif-head' },
      h('h2', { id: 'whatif-h' }, 'What if a workload goes down?'),
      w.downCount > 0 ? button('whatif:reset', 'secondary', 'Bring every workload back up', a.resetDown, 'Reset') : null),
    h('p', { class: 'muted' }, w.hint),
    h('div', { class: 'toggle-groups' }, w.clusters.map((c) => h('div', { class: 'toggle-group', role: 'group', 'aria-label': `Workloads in ${c.cluster}` },
      h('h3', { class: 'cluster-name' }, c.cluster),
      h('div', { class: 'toggles' }, c.toggles.map((t) => {
        const b = button(t.key, t.down ? 'toggle down' : 'toggle', undefined, () => a.toggleDown(t.target),
          glyph(t.down ? '\u25CB' : '\u25CF', `glyph dot ${t.down ? 'down' : 'up'}`), ' ', t.text,
          t.version ? h('span', { class: 'chip' }, t.version) : null);
        b.setAttribute('aria-pressed', String(t.down));
        b.setAttribute('aria-label', `Mark ${t.text} down in ${c.cluster}`);
        b.title = t.ariaLabel;
        b.dataset['cluster'] = c.cluster;
        b.dataset['workload'] = t.text;
        return b;
      }))))),
    h('div', { class: 'routes', role: 'region', 'aria-label': 'Where callers\u2019 traffic goes', 'aria-live': 'polite' },
      h('h3', {}, 'Where callers\u2019 traffic goes ', h('span', { class: 'count muted' }, w.downText)),
      w.routes.length === 0 && w.unknown.length === 0
        ? h('p', { class: 'empty muted' }, 'Every workload is up: callers reach their local copy of each service.')
        : null,
      w.routes.length ? h('ul', { class: 'route-list' }, w.routes.map((r) => route(r, a))) : null,
      w.unknown.length ? h('ul', { class: 'route-list' }, w.unknown.map((u) => h('li', { class: 'route none unknown' },
        h('div', { class: 'route-head' }, h('span', { class: 'badge none' }, glyph('?'), ' Unknown'), h('code', {}, u.text),
          button(u.key, 'link', `Forget ${u.text}`, () => a.toggleDown(u.target), 'Forget')),
        h('div', { class: 'reason muted' }, u.reason)))) : null));
}

// ---------- page ----------

export function renderPage(vm: ViewModel | undefined, status: RenderStatus, a: RenderActions): HTMLElement {
  return h('main', { class: 'page' },
    h('header', { class: 'toolbar' },
      h('h1', {}, 'Failover Preview'),
      h('span', { class: 'status muted', role: 'status' }, status.statusText),
      button('toolbar:refresh', 'secondary', 'Refresh the failover model', a.refresh, 'Refresh')),
    status.error ? h('div', { class: 'banner error', role: 'alert' }, glyph('\u26A0', 'glyph'), ' ', status.error) : null,
    vm ? [
      vm.notes.length ? h('ul', { class: 'notes' }, vm.notes.map((n) => h('li', {}, n))) : null,
      vm.teach.map(teachBlock),
      vm.workspaces.map((ws) => workspace(ws, a)),
      vm.workspaces.some((ws) => ws.rows.length > 0) ? whatIf(vm.whatIf, a) : null,
    ] : h('p', { class: 'loading muted' }, 'Loading the failover model\u2026'));
}

/**
 * Swaps the page in one synchronous step (no blank frame), then puts focus and scroll back where
 * they were: focusable elements carry a stable data-key.
 */
export function mount(root: HTMLElement, page: HTMLElement): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['key'] : undefined;
  const x = window.scrollX;
  const y = window.scrollY;
  root.replaceChildren(page);
  root.removeAttribute('aria-busy');
  if (active) {
    const next = [...root.querySelectorAll<HTMLElement>('[data-key]')].find((el) => el.dataset['key'] === active);
    next?.focus({ preventScroll: true });
  }
  window.scrollTo(x, y);
}
