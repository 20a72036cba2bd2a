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
] as const;

/** One ajv instance configuration for the engine and for the schema tests. */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // Keep the failing schema on each error: messages use errorMessage/patternErrorMessage from it.
    verbose: true,
    // Unknown fields are reported by the engine's own walker (nearest name, mis-indentation),
    // not through ajv's additionalProperties errors; keep the schemas strict for other editors.
    allowUnionTypes: true,
  });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}
