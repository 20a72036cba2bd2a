// A teaching block: what a missing piece of configuration does, with a YAML snippet to copy or create.
import { Commands } from '../protocol';
import { button, glyph, h } from './dom';
import { t } from './l10n';
import type { RenderActions } from './renderActions';
import type { TeachView } from './viewModel';

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
