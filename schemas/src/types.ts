// The catalog of TSB kinds: one entry per (kind, apiVersion family), each with a stand-alone JSON Schema.
// The engine builds its registry from this in memory; `npm run schemas` writes the same schemas to
// schemas/*.schema.json for users of other editors (yaml-language-server) and a test keeps them in sync.

/** A JSON Schema (draft-07) object. Kept loose on purpose: schemas are data. */
export type JsonSchema = { [keyword: string]: unknown };

/** Which YAML dialect a kind belongs to: tctl (api.tsb.tetrate.io) or GitOps (tsb.tetrate.io). */
export type Dialect = 'tsb' | 'install' | 'onboarding' | 'other';

/** Parent a TSB object names in tctl metadata (or in tsb.tetrate.io/* GitOps annotations). */
export type ParentKey = 'organization' | 'tenant' | 'workspace' | 'group';

/** Group types that own group-scoped kinds (gateway / traffic / security / istio-internal). */
export type GroupType = 'gateway' | 'traffic' | 'security' | 'istiointernal';

export interface SchemaEntry {
  /** File stem: schemas/<id>.schema.json. Lower-case, dot-free, e.g. "workspace-setting", "install-ingress-gateway". */
  id: string;
  kind: string;
  /** Every apiVersion this schema applies to, e.g. ["api.tsb.tetrate.io/v2", "tsb.tetrate.io/v2"]. */
  apiVersions: string[];
  dialect: Dialect;
  /** One sentence for hover on `kind:` and for completion. */
  description: string;
  /** Parents required in tctl metadata, in hierarchy order (Workspace: organization, tenant). */
  parents: ParentKey[];
  /** For Group kinds and group-scoped kinds: which group type. */
  groupType?: GroupType;
  /** The whole kind is deprecated (e.g. gateway.tsb.tetrate.io IngressGateway config). */
  deprecated?: string;
  /** True when the public API is not clear enough for field checks: the kind is recognised, its spec accepted as is. */
  permissive?: boolean;
  schema: JsonSchema;
}
