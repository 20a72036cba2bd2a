// The failover matrix of a workspace (one row per service, one cell per cluster), its legend and the
// gateways list.
import { glyph, h } from './dom';
import { t } from './l10n';
import { link, type RenderActions } from './renderActions';
import type { CellView, GatewayView, ServiceRowView, WorkspaceView } from './viewModel';

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

export function matrix(ws: WorkspaceView, a: RenderActions): HTMLElement {
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

export function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend muted' },
    h('span', {}, glyph('\u25CF', 'glyph dot exposed'), ' ', t('Exposed: runs behind the east-west gateway')),
    h('span', {}, glyph('\u25CB', 'glyph dot local'), ' ', t('Not exposed: runs there, no failover')),
    h('span', {}, glyph('\u2014', 'glyph'), ' ', t('Does not run there')),
  );
}

export function gateways(ws: WorkspaceView, a: RenderActions): HTMLElement | null {
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
