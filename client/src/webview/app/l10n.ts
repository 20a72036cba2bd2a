// Messages of the webview app, in the user's language. The host sends the extension's vscode.l10n bundle
// for the display language (keys are the English messages, as vscode.l10n.t uses them); without one,
// the English message is shown. `{0}`, `{1}`... are replaced by the arguments, which are never translated
// (names from the YAML, rule ids, field names).
import { render, toLocale, type Locale, type Message } from '../../../../server/src/engine/index';

let bundle: Record<string, string> = {};
let locale: Locale = 'en';

/** The extension's bundle, and the display language for the engine's messages (the what-if's reasons). */
export function setBundle(b: Record<string, string> | null | undefined, language?: string): void {
  bundle = b && typeof b === 'object' ? b : {};
  locale = toLocale(language);
}

/** A text the engine computed in the app (the what-if): its message in the display language, else the text. */
export function engineText(message: Message | undefined, english: string): string {
  return message ? render(message, locale) : english;
}

export function t(message: string, ...args: (string | number)[]): string {
  const text = typeof bundle[message] === 'string' ? bundle[message]! : message;
  return args.length
    ? text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])))
    : text;
}

/** "a, b and c" in the current language (the separators are messages too). */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return t('{0} and {1}', items.slice(0, -1).join(t(', ')), items[items.length - 1]!);
}
