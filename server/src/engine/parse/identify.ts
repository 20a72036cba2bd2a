import { isScalar, type Pair, type YAMLMap, type Scalar } from 'yaml';
import { editDistance } from '../util/nearest';
import { findKeyIgnoringCase } from '../util/caseTolerant';

export type Family = 'tetrate' | 'kubernetes' | 'other';

/** What a resource is, read tolerantly: a misspelled or mis-cased apiVersion/kind key still identifies it. */
export interface Identity {
  apiVersion?: string;
  kind?: string;
  apiVersionPair?: Pair<Scalar, unknown>;
  kindPair?: Pair<Scalar, unknown>;
  /** API group ("api.tsb.tetrate.io"); "" for the Kubernetes core group. */
  group: string;
  family: Family;
}

function findKey(map: YAMLMap, wanted: string, accept: (value: unknown) => boolean): Pair<Scalar, unknown> | undefined {
  const keyOf = (item: unknown) => {
    const pair = item as Pair<Scalar, unknown>;
    return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
  };
  // Exact first (the common case, no distance computed), then case-insensitive, then a near miss.
  const found = findKeyIgnoringCase(map.items, keyOf, wanted);
  if (found) return found as Pair<Scalar, unknown>;
  const lower = wanted.toLowerCase();
  for (const item of map.items) {
    const key = keyOf(item);
    if (key === undefined || Math.abs(key.length - wanted.length) > 2) continue;
    const pair = item as Pair<Scalar, unknown>;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (editDistance(key.toLowerCase(), lower) <= 2 && accept(value)) return pair;
  }
  return undefined;
}

export function identify(map: YAMLMap): Identity {
  const apiVersionPair = findKey(map, 'apiVersion', (v) => typeof v === 'string' && /^[\w.-]+\/[\w.-]+$|^v\d/.test(v));
  const kindPair = findKey(map, 'kind', (v) => typeof v === 'string' && /^[A-Z]\w*$/.test(v));
  const apiVersion = scalarString(apiVersionPair);
  const kind = scalarString(kindPair);
  const group = apiVersion?.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  const family: Family =
    /(^|\.)tetrate\.io$/.test(group) || /(^|\.)tsb\.tetrate\./.test(group)
      ? 'tetrate'
      : apiVersion &&
          (group === '' || /^(apps|batch|networking\.istio\.io|security\.istio\.io|[a-z.]*k8s\.io)$/.test(group))
        ? 'kubernetes'
        : 'other';
  // Assigned one by one in this order rather than spread from conditional literals: an object spread
  // costs a runtime call each, and this runs for every document.
  const id = {} as Identity;
  if (apiVersion !== undefined) id.apiVersion = apiVersion;
  if (kind !== undefined) id.kind = kind;
  if (apiVersionPair) id.apiVersionPair = apiVersionPair;
  if (kindPair) id.kindPair = kindPair;
  id.group = group;
  id.family = family;
  return id;
}

function scalarString(pair: Pair<Scalar, unknown> | undefined): string | undefined {
  if (!pair || !isScalar(pair.value)) return undefined;
  const v = pair.value.value;
  return typeof v === 'string' ? v.trim() : undefined;
}
