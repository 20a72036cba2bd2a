import Ajv from 'ajv';

/**
 * Editor-only keywords our schemas carry (VS Code JSON / yaml-language-server understand them).
 * ajv's strict mode rejects unknown keywords, so they are registered as annotations.
 */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'errorMessage',
  'patternErrorMessage',
  'deprecationMessage',
  'defaultSnippets',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'doNotSuggest',
  // TSB versions that have a field (schemas/src/facts.ts), read by the field walk.
  'x-tsb-since',
  'x-tsb-until',
  'x-tsb-use',
  // errorMessage as a message template and its values (shown in the user's language).
  'x-tsb-message',
] as const;

/** One ajv instance configuration for the engine and for the schema tests. */
export function createAjv(opts: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    // `source`: keep the generated code, for validators compiled ahead of time (scripts/validators.ts).
    ...(opts.source ? { code: { source: true } } : {}),
    allErrors: true,
    strict: true,
    // Keep the failing schema on each error: messages use errorMessage/patternErrorMessage from it.
    // (A schemaPath is relative to the $ref'd definition it fails in, so it cannot replace this.)
    verbose: true,
    // Unknown fields are reported by the engine's own walker (nearest name, mis-indentation),
    // not through ajv's additionalProperties errors; keep the schemas strict for other editors.
    allowUnionTypes: true,
  });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}
