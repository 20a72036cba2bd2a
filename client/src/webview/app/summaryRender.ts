// DOM rendering of the project summary (same rules as render.ts: DOM APIs only, no HTML parsing).
import { Commands, type AppCommand } from '../protocol';
import { button, glyph, h } from './dom';
import { t } from './l10n';
import type { LocationView, SummaryView, UnitView } from './summaryView';

export interface SummaryActions {
  open(uri: string, line: number): void;
  command(command: AppCommand): void;
  refresh(): void;
}

function location(l: LocationView, key: string, a: SummaryActions): HTMLElement {
  return h(
    'span',
    { class: 'location' },
    button(key, 'link', l.label, () => a.open(l.uri, l.line), l.text),
    l.code ? [' ', h('code', { class: 'evidence-code' }, l.code)] : null,
  );
}

function unit(u: UnitView, a: SummaryActions): HTMLElement {
  return h(
    'li',
    { class: `unit${u.alternative ? ' alternative' : ''}`, 'data-unit': u.name },
    h(
      'div',
      { class: 'unit-head' },
      h('span', { class: 'unit-name' }, u.name),
      h('span', { class: 'unit-target' }, glyph('\u2192', 'glyph arrow'), ' ', u.targetText),
      u.namespaceText ? h('span', { class: 'muted' }, u.namespaceText) : null,
      u.alternative ? h('span', { class: 'badge alternative' }, t('either/or')) : null,
    ),
    u.alternativesText ? h('p', { class: 'muted alternatives' }, u.alternativesText) : null,
    u.evidence.length
      ? h(
          'div',
          { class: 'evidence' },
          h('span', { class: 'muted' }, `${t('Evidence:')} `),
          h(
            'ul',
            { class: 'evidence-list' },
            u.evidence.map((e, i) => h('li', {}, location(e, `${u.key}:ev:${i}`, a))),
          ),
        )
      : null,
    h(
      'details',
      { class: 'unit-files' },
      h('summary', {}, u.filesText),
      h(
        'ul',
        {},
        u.files.map((f, i) => h('li', {}, location(f, `${u.key}:file:${i}`, a))),
      ),
    ),
  );
}

export function renderSummary(
  v: SummaryView | undefined,
  status: { statusText: string; error?: string },
  a: SummaryActions,
): HTMLElement {
  if (!v) {
    return h(
      'main',
      { class: 'page summary' },
      h(
        'header',
        { class: 'toolbar' },
        h('h1', {}, t('TSB project summary')),
        h('span', { class: 'status muted', role: 'status' }, status.statusText),
      ),
      status.error
        ? h('div', { class: 'banner error', role: 'alert' }, status.error)
        : h('p', { class: 'loading muted' }, t('Waiting for the language server\u2026')),
    );
  }
  const p = v.placement;
  return h(
    'main',
    { class: 'page summary' },
    h(
      'header',
      { class: 'toolbar' },
      h('h1', {}, v.title),
      h('span', { class: 'status muted', role: 'status' }, status.statusText),
      button(
        'summary:preview',
        'secondary',
        t('Open the failover preview'),
        () => a.command(Commands.showFailoverPreview),
        t('Failover preview'),
      ),
      button('summary:refresh', 'secondary', t('Refresh the summary'), a.refresh, t('Refresh')),
    ),
    status.error
      ? h('div', { class: 'banner error', role: 'alert' }, glyph('\u26A0', 'glyph'), ' ', status.error)
      : null,
    h('p', { class: 'headline' }, v.headline),
    h(
      'dl',
      { class: 'facts' },
      v.facts.map((f) => h('div', { class: 'fact' }, h('dt', {}, f.label), h('dd', {}, f.value))),
    ),
    h(
      'section',
      { class: 'placement', 'aria-labelledby': 'placement-h' },
      h('h2', { id: 'placement-h' }, p.title, ' ', h('span', { class: 'count muted' }, p.text)),
      p.configs.length
        ? h(
            'div',
            {},
            h('h3', {}, t('From tsb.config.yaml')),
            h(
              'ul',
              { class: 'configs' },
              p.configs.map((c, i) => h('li', {}, location(c, `config:${i}`, a))),
            ),
          )
        : null,
      p.units.length
        ? h(
            'div',
            {},
            h('h3', {}, t('Inferred from the repository')),
            h(
              'ul',
              { class: 'units' },
              p.units.map((u) => unit(u, a)),
            ),
          )
        : null,
      p.unplaced.length
        ? h(
            'details',
            { class: 'unplaced' },
            h('summary', {}, t('Placed by nothing ({0})', p.unplaced.length)),
            h(
              'ul',
              { class: 'plain' },
              p.unplaced.map((f, i) => h('li', {}, location(f, `unplaced:${i}`, a))),
            ),
          )
        : null,
      p.notes.length
        ? h(
            'details',
            { class: 'inference-notes' },
            h('summary', {}, t('Read but not understood ({0})', p.notes.length)),
            h(
              'ul',
              { class: 'plain' },
              p.notes.map((n, i) => h('li', {}, location(n, `note:${i}`, a))),
            ),
          )
        : null,
      p.unknown
        ? h(
            'div',
            { class: 'actions' },
            h(
              'p',
              {},
              t(
                'Without placements, the cross-cluster checks and the failover preview do not know which clusters run what. The failover preview suggests a tsb.config.yaml written from this repository\u2019s folders, to copy or create.',
              ),
            ),
            button(
              'summary:suggest',
              'secondary',
              t('Open the failover preview and its suggested tsb.config.yaml'),
              () => a.command(Commands.showFailoverPreview),
              t('Show the suggested tsb.config.yaml'),
            ),
          )
        : null,
      v.canWriteConfig
        ? h(
            'div',
            { class: 'actions' },
            button(
              'summary:write',
              'primary',
              t('Write tsb.config.yaml from what was inferred'),
              () => a.command(Commands.writeConfig),
              t('Write tsb.config.yaml'),
            ),
            h('span', { class: 'muted' }, ' ', t('States what was inferred, so tsb-lint in CI sees the same.')),
          )
        : null,
    ),
    v.missing.length
      ? h(
          'section',
          { class: 'missing', 'aria-labelledby': 'missing-h' },
          h('h2', { id: 'missing-h' }, t('What is missing')),
          h(
            'ul',
            {},
            v.missing.map((m) => h('li', {}, glyph('\u26A0', 'glyph warn'), ' ', m)),
          ),
        )
      : null,
    v.workspaces.length
      ? h(
          'section',
          { 'aria-labelledby': 'ws-h' },
          h('h2', { id: 'ws-h' }, t('Workspaces')),
          h(
            'ul',
            { class: 'plain' },
            v.workspaces.map((w, i) => h('li', {}, w.text, ' \u00B7 ', location(w.location, `ws:${i}`, a))),
          ),
        )
      : null,
    v.gateways.length
      ? h(
          'section',
          { 'aria-labelledby': 'gw-h' },
          h('h2', { id: 'gw-h' }, t('Gateway install CRs')),
          h(
            'ul',
            { class: 'plain' },
            v.gateways.map((g, i) =>
              h('li', {}, h('code', {}, g.text), ' \u00B7 ', location(g.location, `gw:${i}`, a)),
            ),
          ),
        )
      : null,
  );
}
