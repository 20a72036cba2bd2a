// What the preview page can ask of its host (reveal, mark down, copy...), the toolbar status it shows,
// and the link that reveals a configuration source.
import type { DownWorkload, SourceRef } from '../../../../server/src/engine/index';
import type { AppCommand } from '../protocol';
import { button, fileName, h } from './dom';
import type { LinkView, TeachView } from './viewModel';

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

export function link(view: LinkView, key: string, a: RenderActions, cls = ''): HTMLElement {
  if (!view.source) return h('span', { class: `nolink ${cls}`.trim() }, view.text);
  const source = view.source;
  const b = button(key, `link ${cls}`.trim(), view.label, () => a.reveal(source), view.text);
  b.title = `${view.label} (${fileName(source.uri)}:${source.line + 1})`;
  return b;
}
