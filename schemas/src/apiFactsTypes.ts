// Shapes of the derived schema source (apiFacts.gen.ts).

/** One field of a TSB API message, compact: t type, r message ref, e enum values, l list, m map, q required, o oneof, d doc. */
export interface GenField {
  t: string;
  r?: string;
  e?: string[];
  l?: 1;
  m?: 1;
  q?: 1;
  o?: string;
  d?: string;
}

/** A field that only some TSB versions have (data/tsb-api/versions.json). */
export interface VersionFact {
  message: string;
  field: string;
  /** First version with the field. */
  since?: string;
  /** First version without it. */
  until?: string;
  /** What replaces it. */
  use?: string;
  /** Shape of a field the current API no longer has (`{"$overlay": true}` = a K8sObjectOverlay). */
  schema?: Record<string, unknown>;
  source?: string;
}
