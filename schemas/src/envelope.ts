// Root schemas: apiVersion/kind/metadata/spec/status envelopes, and the finished SchemaEntry.
import { K8S_META, TSB_META } from './common';
import { collectDefs, free, type S, use } from './dsl';
import type { Dialect, GroupType, ParentKey, SchemaEntry } from './types';

export const SCHEMA_BASE_URL = 'https://tsb-authoring.github.io/schemas/';

export const TENANCY_VERSIONS = ['api.tsb.tetrate.io/v2', 'tsb.tetrate.io/v2'];
export const INSTALL_VERSIONS = ['install.tetrate.io/v1alpha1'];
export const GROUP_VERSION: Record<GroupType, string> = {
  gateway: 'gateway.tsb.tetrate.io/v2',
  traffic: 'traffic.tsb.tetrate.io/v2',
  security: 'security.tsb.tetrate.io/v2',
  istiointernal: 'istiointernal.tsb.tetrate.io/v2',
};
export const GROUP_PARENTS: ParentKey[] = ['organization', 'tenant', 'workspace'];
export const GROUP_SCOPED_PARENTS: ParentKey[] = ['organization', 'tenant', 'workspace', 'group'];

export interface KindOptions {
  id: string;
  kind: string;
  apiVersions: string[];
  dialect: Dialect;
  description: string;
  parents: ParentKey[];
  groupType?: GroupType;
  deprecated?: string;
  /** The spec schema; omitted for permissive kinds (any object). */
  spec?: S;
  /** Name of the metadata definition (default: ObjectMeta for TSB kinds, KubernetesObjectMeta otherwise). */
  meta?: string;
  /** Root properties besides apiVersion/kind (onboarding config files have no metadata/spec). */
  rootProperties?: Record<string, S>;
}

function rootSchema(o: KindOptions, permissive: boolean): S {
  const kindProp: S = { const: o.kind, description: o.description };
  if (o.deprecated) Object.assign(kindProp, { deprecated: true, deprecationMessage: o.deprecated });
  const properties: Record<string, S> = {
    apiVersion: {
      type: 'string',
      enum: o.apiVersions,
      description: `API group and version: ${o.apiVersions.map((v) => `\`${v}\``).join(' or ')}.`,
    },
    kind: kindProp,
  };
  const required = ['apiVersion', 'kind'];
  if (o.rootProperties) {
    Object.assign(properties, o.rootProperties);
  } else {
    const meta = o.meta ?? (o.dialect === 'tsb' ? TSB_META : K8S_META);
    properties.metadata = use(
      meta,
      o.dialect === 'tsb'
        ? 'Object metadata: `name` and the parent chain (tctl), or Kubernetes metadata with `tsb.tetrate.io/*` parent annotations (GitOps).'
        : 'Kubernetes metadata: `name`, and the `namespace` the component is deployed in.',
    );
    properties.spec =
      o.spec ??
      free(
        `Specification of the ${o.kind} (not checked field by field: its public API is not documented well enough).`,
      );
    properties.status = free('Output only: status reported by TSB or the operator; ignored on apply.');
    required.push('metadata');
    if (Array.isArray((o.spec as { required?: unknown } | undefined)?.required)) required.push('spec');
  }
  const schema: S = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}${o.id}.schema.json`,
    title: `${o.kind} (${o.apiVersions.join(', ')})`,
    description: o.deprecated ? `${o.description} Deprecated: ${o.deprecated}` : o.description,
    type: 'object',
    properties,
    required,
    additionalProperties: !!(permissive && o.rootProperties),
  };
  const definitions = collectDefs(schema);
  if (Object.keys(definitions).length) schema.definitions = definitions;
  return schema;
}

export function kind(o: KindOptions): SchemaEntry {
  const permissive = o.spec === undefined;
  const e: SchemaEntry = {
    id: o.id,
    kind: o.kind,
    apiVersions: o.apiVersions,
    dialect: o.dialect,
    description: o.description,
    parents: o.parents,
    schema: rootSchema(o, permissive),
  };
  if (o.groupType) e.groupType = o.groupType;
  if (o.deprecated) e.deprecated = o.deprecated;
  if (permissive) e.permissive = true;
  return e;
}
