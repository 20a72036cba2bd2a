// DOM rendering of the preview's view model. Data only ever reaches the page as text nodes and attribute
// values set through DOM APIs (dom.ts); nothing here parses HTML.
import { Commands } from '../protocol';
import { button, glyph, h } from './dom';
import { t } from './l10n';
import { gateways, legend, matrix } from './matrixRender';
import { link, type RenderActions, type RenderStatus } from './renderActions';
import { teachBlock } from './teachRender';
import { topology } from './topologyRender';
import { whatIfDock, whatIfSection } from './whatIfRender';
import type { ViewModel, WorkspaceView } from './viewModel';

export { mount } from './dom';
export type { Kids } from './dom';
export type { RenderActions, RenderStatus } from './renderActions';
export { teachBlock } from './teachRender';
export { topology } from './topologyRender';

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
