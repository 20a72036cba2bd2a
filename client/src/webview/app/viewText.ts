// PURE: small pieces of text and links shared by the preview's view models (no DOM; see viewModel.ts).
import type { Labels, SourceRef } from '../../../../server/src/engine/index';
import { t } from './l10n';

/** A piece of text that opens YAML when clicked (source undefined: plain text). */
export interface LinkView {
  text: string;
  source?: SourceRef;
  /** Accessible name of the link. */
  label: string;
}

export function labelsText(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? t('(no labels)') : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function gatewayText(gw: { namespace: string; labels: Labels }): string {
  return `${gw.namespace}/${labelsText(gw.labels)}`;
}

export function sentence(s: string): string {
  const x = s.trim();
  if (!x) return x;
  // Chinese (from the server, in the display language): no capital (it may start with a name), its own full stop.
  if (/[\u4e00-\u9fff]/.test(x)) return /[。！？]$/.test(x) ? x : `${x}。`;
  const up = x[0]!.toUpperCase() + x.slice(1);
  return /[.!?。]$/.test(up) ? up : `${up}.`;
}

export function srcOf(source: SourceRef | undefined): { source?: SourceRef } {
  return source ? { source } : {};
}
