import type { GroupType, ParentKey } from '../../../../schemas/src/types';
import { findKeyIgnoringCase } from '../util/caseTolerant';

// Reads a TSB object's name and parent chain from either dialect:
// tctl keeps parents in metadata, GitOps in tsb.tetrate.io/* annotations.

export interface TsbMeta {
  form: 'tctl' | 'gitops';
  name?: string;
  namespace?: string;
  organization?: string;
  tenant?: string;
  workspace?: string;
  group?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export const GROUP_ANNOTATION: Record<GroupType, string> = {
  gateway: 'tsb.tetrate.io/gatewayGroup',
  traffic: 'tsb.tetrate.io/trafficGroup',
  security: 'tsb.tetrate.io/securityGroup',
  istiointernal: 'tsb.tetrate.io/istioInternalGroup',
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== null && x !== undefined && typeof x !== 'object') out[k] = String(x);
    }
  }
  return out;
}

/** Case-tolerant field read: `Metadata` still finds metadata (key-case is reported separately). */
export function field(obj: unknown, name: string): unknown {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const o = obj as Record<string, unknown>;
  if (name in o) return o[name];
  const k = findKeyIgnoringCase(Object.keys(o), (x) => x, name);
  return k === undefined ? undefined : o[k];
}

export function readTsbMeta(value: unknown, apiVersion: string | undefined, groupType: GroupType | undefined): TsbMeta {
  const md = field(value, 'metadata');
  const annotations = stringMap(field(md, 'annotations'));
  const labels = stringMap(field(md, 'labels'));
  const hasTctlParents = ['organization', 'tenant', 'workspace', 'group'].some((k) => field(md, k) !== undefined);
  const hasGitopsParents = Object.keys(annotations).some((k) => k.startsWith('tsb.tetrate.io/'));
  const form: TsbMeta['form'] =
    apiVersion === 'tsb.tetrate.io/v2' ||
    (!hasTctlParents && (hasGitopsParents || field(md, 'namespace') !== undefined))
      ? 'gitops'
      : 'tctl';
  const pick = (key: ParentKey): string | undefined => {
    if (form === 'tctl') return str(field(md, key));
    if (key === 'group') return groupType ? str(annotations[GROUP_ANNOTATION[groupType]]) : undefined;
    return str(annotations[`tsb.tetrate.io/${key}`]);
  };
  const out: TsbMeta = { form, labels, annotations };
  const name = str(field(md, 'name'));
  if (name) out.name = name;
  const ns = str(field(md, 'namespace'));
  if (ns) out.namespace = ns;
  for (const k of ['organization', 'tenant', 'workspace', 'group'] as const) {
    const v = pick(k);
    if (v) out[k] = v;
  }
  return out;
}
