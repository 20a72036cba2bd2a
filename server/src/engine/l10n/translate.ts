// Rendering messages in a language. English is the template itself; Simplified Chinese comes from the
// reviewed bundle zh-cn.json (English template -> Chinese template, the same placeholders). A message
// missing from the bundle is shown in English (and remembered, for the tests).
import type { Arg, ListArg, Message } from './message';
import zhCn from './zh-cn.json';

export type Locale = 'en' | 'zh-cn';

const BUNDLES: Record<Exclude<Locale, 'en'>, Readonly<Record<string, string>>> = {
  'zh-cn': zhCn as Record<string, string>,
};

/**
 * The language for a locale name as clients and environments spell it: `zh-cn`, `zh-CN`, `zh_CN.UTF-8`,
 * `zh-Hans`, `zh-tw`… are Chinese (the only translation is Simplified Chinese); anything else, or
 * nothing, is English.
 */
export function toLocale(name: string | undefined | null): Locale {
  return typeof name === 'string' && /^zh(?:$|[-_.@])/i.test(name.trim()) ? 'zh-cn' : 'en';
}

/** The bundle of a language (tests). */
export function bundle(locale: Exclude<Locale, 'en'>): Readonly<Record<string, string>> {
  return BUNDLES[locale];
}

const missing = new Set<string>();

/** Message ids rendered in another language without a translation since the process started (tests). */
export function missingTranslations(): string[] {
  return [...missing];
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** A message in `locale`. Arguments are inserted once (text in them is never read as a placeholder). */
export function render(m: Message, locale: Locale = 'en'): string {
  let template = m.key;
  if (locale !== 'en') {
    const t = BUNDLES[locale][m.key];
    if (typeof t === 'string') template = t;
    else missing.add(m.key);
  }
  const args = m.args;
  if (!args) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = Object.hasOwn(args, name) ? args[name] : undefined;
    return v === undefined ? whole : renderArg(v, locale);
  });
}

export function renderArg(v: Arg, locale: Locale): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('list' in v) return renderList(v, locale);
  return render(v, locale);
}

function renderList(l: ListArg, locale: Locale): string {
  const items = l.list.map((x) => renderArg(x, locale));
  if (locale === 'zh-cn') {
    switch (l.join) {
      case 'or':
        return items.join(' 或 ');
      case 'and':
        return items.join(' 和 ');
      case 'andLast':
        return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 和 ${items[items.length - 1]}`;
      case 'pipe':
        return items.join(' | ');
      default:
        return items.join('、');
    }
  }
  switch (l.join) {
    case 'or':
      return items.join(' or ');
    case 'and':
      return items.join(' and ');
    case 'andLast':
      return items.length <= 2
        ? items.join(' and ')
        : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
    case 'pipe':
      return items.join(' | ');
    default:
      return items.join(', ');
  }
}
