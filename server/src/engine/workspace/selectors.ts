// Label and namespace-selector matching shared by the cross-file rules and the failover model.

import type { Labels } from '../types';

export type { Labels };

/** Every pair of `selector` is present in `labels` (Kubernetes equality-based selection). */
export function labelsMatch(selector: Labels, labels: Labels): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

export function formatLabels(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** A namespaceSelector name split into cluster and namespace parts (`*`, `prefix*` or a name). */
export interface NsPattern {
  cluster: string;
  namespace: string;
}

export function parseNsPattern(name: string): NsPattern | undefined {
  const m = /^([^/]+)\/([^/]+)$/.exec(name);
  return m ? { cluster: m[1]!, namespace: m[2]! } : undefined;
}

function partMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** Does the pattern select namespace `ns` in `cluster` (cluster undefined = any cluster)? */
export function nsPatternMatches(p: NsPattern, ns: string, cluster?: string): boolean {
  return partMatches(p.namespace, ns) && (cluster === undefined || partMatches(p.cluster, cluster));
}

function partsOverlap(a: string, b: string): boolean {
  if (a === '*' || b === '*') return true;
  const ap = a.endsWith('*');
  const bp = b.endsWith('*');
  if (ap && bp) {
    const x = a.slice(0, -1);
    const y = b.slice(0, -1);
    return x.startsWith(y) || y.startsWith(x);
  }
  if (ap) return b.startsWith(a.slice(0, -1));
  if (bp) return a.startsWith(b.slice(0, -1));
  return a === b;
}

/** Can some cluster/namespace be selected by both patterns? */
export function nsPatternsOverlap(a: NsPattern, b: NsPattern): boolean {
  return partsOverlap(a.cluster, b.cluster) && partsOverlap(a.namespace, b.namespace);
}
