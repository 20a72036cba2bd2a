import type { JsonSchema } from '../../../../schemas/src/types';
import { enumOf, isDeprecated, keywordOf, propertiesOf, typesOf } from '../schema/schemaNav';
import { mdName } from './markdown';

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

export function deprecation(s: JsonSchema | undefined, root: JsonSchema): string | undefined {
  if (!s) return undefined;
  const msg = keywordOf(s, root, 'deprecationMessage');
  if (msg) return msg;
  return isDeprecated(s, root) ? 'Deprecated.' : undefined;
}

/** Markdown documentation of a field. */
export function fieldMarkdown(name: string | undefined, s: JsonSchema | undefined, root: JsonSchema, required = false): string {
  if (!s) return '';
  const parts: string[] = [];
  const t = typeLabel(s, root);
  if (name) parts.push(`**${mdName(name)}**${t ? ` \`${t}\`` : ''}${required ? ' — required' : ''}`);
  const dep = deprecation(s, root);
  if (dep) parts.push(`⚠️ **Deprecated.** ${dep === 'Deprecated.' ? '' : dep}`.trim());
  const desc = keywordOf(s, root, 'markdownDescription') ?? keywordOf(s, root, 'description');
  if (desc) parts.push(desc);
  const e = enumOf(s, root);
  if (e && e.length > 6) parts.push(`Allowed values: ${e.map((v) => `\`${String(v)}\``).join(', ')}`);
  return parts.join('\n\n');
}
