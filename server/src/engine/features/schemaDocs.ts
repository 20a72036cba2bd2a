import type { JsonSchema } from '../../../../schemas/src/types';
import { enumOf, isDeprecated, keywordOf, propertiesOf, typesOf } from '../schema/schemaNav';
import { mdName } from './markdown';
import { commas, msg, schemaText, type Message } from '../l10n/message';
import { render, type Locale } from '../l10n/translate';

// Schema facts in words, shared by completion documentation and hover.

export function isObjectSchema(s: JsonSchema | undefined, root: JsonSchema): boolean {
  return !!s && (typesOf(s, root).includes('object') || propertiesOf(s, root).size > 0);
}

export function isArraySchema(s: JsonSchema | undefined, root: JsonSchema): boolean {
  return !!s && (typesOf(s, root).includes('array') || s['items'] !== undefined);
}

export function typeLabel(s: JsonSchema | undefined, root: JsonSchema): string {
  if (!s) return '';
  const e = enumOf(s, root);
  if (e && e.length <= 6) return e.map((v) => JSON.stringify(v)).join(' | ');
  const types = typesOf(s, root);
  if (types.length) return types.join(' | ');
  if (isObjectSchema(s, root)) return 'object';
  return '';
}

/** Why a field is deprecated: its schema's note, `''` when the schema says only that it is, else undefined. */
export function deprecation(s: JsonSchema | undefined, root: JsonSchema): string | undefined {
  if (!s) return undefined;
  const note = keywordOf(s, root, 'deprecationMessage');
  if (note) return note;
  return isDeprecated(s, root) ? '' : undefined;
}

/**
 * Markdown documentation of a field: our words in `locale`; the description is the TSB API reference's
 * (English, like the reference itself).
 */
export function fieldMarkdown(
  name: string | undefined,
  s: JsonSchema | undefined,
  root: JsonSchema,
  required = false,
  locale: Locale = 'en',
): string {
  if (!s) return '';
  const say = (m: Message) => render(m, locale);
  const parts: string[] = [];
  const t = typeLabel(s, root);
  if (name) parts.push(`**${mdName(name)}**${t ? ` \`${t}\`` : ''}${required ? say(msg(' — required')) : ''}`);
  const dep = deprecation(s, root);
  if (dep !== undefined)
    parts.push(dep ? say(msg('⚠️ **Deprecated.** {why}', { why: schemaText(dep) })) : say(msg('⚠️ **Deprecated.**')));
  const desc = keywordOf(s, root, 'markdownDescription') ?? keywordOf(s, root, 'description');
  if (desc) parts.push(desc);
  const e = enumOf(s, root);
  if (e && e.length > 6)
    parts.push(say(msg('Allowed values: {values}', { values: commas(e.map((v) => `\`${String(v)}\``)) })));
  return parts.join('\n\n');
}
