// The what-if section (mark workloads down, see where traffic goes) and its dock of marked workloads.
import { button, glyph, h } from './dom';
import { t } from './l10n';
import { link, type RenderActions } from './renderActions';
import type { MarkedView, RouteView, WhatIfView } from './viewModel';

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
export function whatIfSection(w: WhatIfView, a: RenderActions): HTMLElement {
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
export function whatIfDock(w: WhatIfView, a: RenderActions): HTMLElement {
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
