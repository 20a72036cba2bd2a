// Text from the workspace (names, labels, namespaces) inside the markdown of hovers and completion
// documentation. Such text is data: it must never become a link, an image, HTML or a heading there.
import { msg } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

/** Longest piece of workspace text shown in one place. */
const MAX_SHOWN = 200;

/** Control characters and line breaks as escapes, so one value stays on one line. */
function visible(s: string, max = MAX_SHOWN): string {
  const out = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/**
 * Workspace text as a markdown code span: rendered literally (no links, images, emphasis or HTML),
 * whatever backticks it holds.
 */
export function mdCode(s: string): string {
  const text = visible(s);
  let longest = 0;
  for (const m of text.match(/`+/g) ?? []) longest = Math.max(longest, m.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose that holds workspace text (a diagnostic's message): outside its code spans, what could open a
 * link, an image, HTML, emphasis or an autolink is escaped (`[ ] < > * _ \`, `http:`, `www.`). Code
 * spans are kept as they are: messages mark names as code with backticks, and a code span renders
 * literally (escapes inside one would show).
 */
export function mdText(s: string): string {
  const escapeText = (t: string) =>
    t
      .replace(/[\\[\]<>*_]/g, (c) => `\\${c}`)
      .replace(/\b(https?|ftp|file|data|javascript):/gi, '$1\\:')
      .replace(/\bwww\./gi, 'www\\.');
  const text = visible(s, 2000);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/`[^`]*`/g)) {
    out += escapeText(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

/** A name that may come from the workspace: plain identifiers as they are, anything else as code. */
export function mdName(s: string): string {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(s) ? s : mdCode(s);
}

/** `items` as a markdown list of at most `max` lines, then one line counting the rest. */
export function mdList(items: readonly string[], max: number, locale: Locale = 'en'): string {
  const shown = items.slice(0, max).map((i) => `- ${i}`);
  if (items.length > max) shown.push(`- ${render(msg('… and {count} more', { count: items.length - max }), locale)}`);
  return shown.join('\n');
}
