import { pushTo } from '../collections';
import { drain } from '../util/steps';
import type { ResolvedProject } from './resolved';
import type { TsbObjectFact } from './facts';
import type { Labels } from '../types';
import { labelsMatch, parseNsPattern, type NsPattern } from './selectors';

// Lookups over one resolved project, built once per derive and shared by the failover model and the
// cross-file rules, so that no rule scans every object for each object (the derive stays linear):
// objects by namespace and name, by label pair (a selector is answered from the bucket of its rarest
// pair), workspaces by the namespaces and namespace prefixes they name.

type Services = ResolvedProject['services'];
type Workloads = ResolvedProject['workloads'];
type Gateways = ResolvedProject['installGateways'];

export interface ProjectIndex {
  workloadsByNs: Map<string | undefined, Workloads>;
  servicesByName: Map<string, Services>;
  servicesByNs: Map<string | undefined, Services>;
  /** `<namespace>/<name>` */
  servicesByNsName: Map<string, Services>;
  gatewaysByNs: Map<string | undefined, Gateways>;
  workspaces: TsbObjectFact[];
  /** Workspaces naming this exact namespace (any cluster part). */
  workspacesByNs: Map<string, TsbObjectFact[]>;
  /** Workspaces with a wildcard namespace part (they may also name exact namespaces). */
  wildWorkspaces: TsbObjectFact[];
  /** Wildcard workspaces by the prefix before `*` (`*` alone: the prefix ''). */
  wildByPrefix: Map<string, TsbObjectFact[]>;
  /** The lengths of those prefixes, ascending (a namespace is looked up once per length). */
  wildPrefixLengths: number[];
  /** Position of each workspace in `workspaces`. */
  workspaceOrder: Map<TsbObjectFact, number>;
  /** Position of each Service in `project.services`. */
  serviceOrder: Map<ResolvedProject['services'][number], number>;
  /** Namespaces that hold Services, sorted (prefix ranges). */
  serviceNamespaces: string[];
}

/** Objects indexed between two yields of `indexSteps`. */
const OBJECTS_PER_STEP = 2048;

function* group<T, K>(xs: readonly T[], key: (x: T) => K): Generator<void, Map<K, T[]>> {
  const m = new Map<K, T[]>();
  let n = 0;
  for (const x of xs) {
    if (++n % OBJECTS_PER_STEP === 0) yield;
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function indexOf(project: ResolvedProject): ProjectIndex {
  return memo(project, 'index', () => drain(buildIndex(project)));
}

/** Builds the project's index in steps, if not built yet (the derive does so before the rules use it). */
export function* indexSteps(project: ResolvedProject): Generator<void, void> {
  if (project.derived.has('index')) return;
  const ix = yield* buildIndex(project);
  project.derived.set('index', ix);
}

function* buildIndex(project: ResolvedProject): Generator<void, ProjectIndex> {
  const workspaces = project.tsb.filter((t) => t.kind === 'Workspace');
  const workspacesByNs = new Map<string, TsbObjectFact[]>();
  const wildWorkspaces: TsbObjectFact[] = [];
  const wildByPrefix = new Map<string, TsbObjectFact[]>();
  // Counts namespace patterns too: one workspace can name tens of thousands.
  let n = 0;
  for (const ws of workspaces) {
    const exact = new Set<string>();
    const prefixes = new Set<string>();
    for (const ns of ws.namespaces) {
      if (++n % OBJECTS_PER_STEP === 0) yield;
      const p = parseNsPattern(ns.name);
      if (!p) continue;
      if (p.namespace.endsWith('*')) prefixes.add(p.namespace.slice(0, -1));
      else exact.add(p.namespace);
    }
    if (++n % OBJECTS_PER_STEP === 0) yield;
    if (prefixes.size) wildWorkspaces.push(ws);
    for (const pre of prefixes) pushTo(wildByPrefix, pre, ws);
    for (const ns of exact) pushTo(workspacesByNs, ns, ws);
  }
  const servicesByNs = yield* group(project.services, (s) => s.namespace);
  const workloadsByNs = yield* group(project.workloads, (w) => w.namespace);
  const servicesByName = yield* group(project.services, (s) => s.fact.name);
  const servicesByNsName = yield* group(project.services, (s) => `${s.namespace ?? ''}/${s.fact.name}`);
  const gatewaysByNs = yield* group(project.installGateways, (g) => g.namespace);
  const workspaceOrder = new Map<TsbObjectFact, number>();
  for (let i = 0; i < workspaces.length; i++) {
    if ((i + 1) % OBJECTS_PER_STEP === 0) yield;
    workspaceOrder.set(workspaces[i]!, i);
  }
  const serviceOrder = new Map<Services[number], number>();
  for (let i = 0; i < project.services.length; i++) {
    if ((i + 1) % OBJECTS_PER_STEP === 0) yield;
    serviceOrder.set(project.services[i]!, i);
  }
  const prefixLengths = [...new Set([...wildByPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  return {
    workloadsByNs,
    servicesByName,
    servicesByNs,
    servicesByNsName,
    gatewaysByNs,
    workspaces,
    workspacesByNs,
    wildWorkspaces,
    wildByPrefix,
    wildPrefixLengths: prefixLengths,
    workspaceOrder,
    serviceOrder,
    serviceNamespaces: [...servicesByNs.keys()].filter((k): k is string => k !== undefined).sort(),
  };
}

/** Workspaces that may own `namespace`, in project order (callers still check clusters). */
export function workspacesFor(project: ResolvedProject, namespace: string): TsbObjectFact[] {
  const ix = indexOf(project);
  const exact = ix.workspacesByNs.get(namespace);
  if (!ix.wildWorkspaces.length) return exact ?? [];
  // Wildcards whose prefix starts the namespace: one lookup per length some prefix has.
  let first: TsbObjectFact[] | undefined;
  let found: Set<TsbObjectFact> | undefined;
  for (const k of ix.wildPrefixLengths) {
    if (k > namespace.length) break;
    const l = ix.wildByPrefix.get(namespace.slice(0, k));
    if (!l) continue;
    if (!first && !exact) first = l;
    else {
      found ??= new Set<TsbObjectFact>([...(exact ?? []), ...(first ?? [])]);
      for (const w of l) found.add(w);
    }
  }
  // Only the exact ones, or one list of wildcards (in workspace order, each once).
  if (!found) return first ? [...first] : (exact ?? []);
  if (found.size === (exact?.length ?? 0)) return exact ?? [];
  return [...found].sort((a, b) => ix.workspaceOrder.get(a)! - ix.workspaceOrder.get(b)!);
}

/** The first index in sorted `xs` whose value is >= `x`. */
function lowerBound(xs: readonly string[], x: string): number {
  let a = 0;
  let b = xs.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (xs[m]! < x) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * The Services a workspace's namespaceSelector may own: the buckets of the namespaces it names (in the
 * order named); with wildcards, also the namespaces starting with a prefix it names, or every Service
 * for `*`, in project order. A malformed name selects nothing. Callers still check ownership per cluster.
 */
export function servicesOwnedBy(project: ResolvedProject, ws: TsbObjectFact): ResolvedProject['services'] {
  const pats = ws.namespaces.map((n) => parseNsPattern(n.name)).filter((p) => p !== undefined);
  const ix = indexOf(project);
  if (!pats.some((p) => p.namespace.includes('*'))) {
    if (pats.length === 1) return ix.servicesByNs.get(pats[0]!.namespace) ?? [];
    return [...new Set(pats.flatMap((p) => ix.servicesByNs.get(p.namespace) ?? []))];
  }
  if (pats.some((p) => p.namespace === '*')) return project.services;
  // Prefixes: the namespaces in their sorted range; in project order, like the whole list would be.
  const namespaces = new Set<string>();
  for (const p of pats) {
    if (!p.namespace.endsWith('*')) {
      namespaces.add(p.namespace);
      continue;
    }
    const prefix = p.namespace.slice(0, -1);
    for (
      let i = lowerBound(ix.serviceNamespaces, prefix);
      i < ix.serviceNamespaces.length && ix.serviceNamespaces[i]!.startsWith(prefix);
      i++
    )
      namespaces.add(ix.serviceNamespaces[i]!);
  }
  const out: Services = [];
  for (const ns of namespaces) for (const s of ix.servicesByNs.get(ns) ?? []) out.push(s);
  return out.sort((a, b) => ix.serviceOrder.get(a)! - ix.serviceOrder.get(b)!);
}

// ---------------------------------------------------------------------------------------- selectors

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

/**
 * Objects by label pair, answering "which of these carry every pair of a selector" from the bucket of
 * the selector's rarest pair; answers keep the objects' order.
 */
export class LabelIndex<T> {
  private readonly buckets = new Map<string, T[]>();

  constructor(
    private readonly items: Iterable<T>,
    labelsOf: (x: T) => Labels,
    empty = false,
  ) {
    this.labelsOf = labelsOf;
    if (!empty) for (const x of items) this.add(x);
  }

  /** The index of `items`, built in steps (a namespace or a workspace may hold 100,000 objects). */
  static *steps<T>(items: readonly T[], labelsOf: (x: T) => Labels): Generator<void, LabelIndex<T>> {
    const ix = new LabelIndex(items, labelsOf, true);
    for (let i = 0; i < items.length; i++) {
      if ((i + 1) % OBJECTS_PER_STEP === 0) yield;
      ix.add(items[i]!);
    }
    return ix;
  }

  private add(x: T): void {
    for (const [k, v] of Object.entries(this.labelsOf(x))) pushTo(this.buckets, pairKey(k, v), x);
  }

  private readonly labelsOf: (x: T) => Labels;

  /** The smallest bucket among the selector's pairs (every match is in it); undefined for an empty selector. */
  private bucket(selector: Labels): T[] | undefined {
    let best: T[] | undefined;
    for (const [k, v] of Object.entries(selector)) {
      const b = this.buckets.get(pairKey(k, v));
      if (!b) return [];
      if (!best || b.length < best.length) best = b;
    }
    return best;
  }

  /** Items whose labels carry every pair of `selector` (none for an empty selector), in order. */
  matching(selector: Labels, accept?: (x: T) => boolean): T[] {
    const b = this.bucket(selector);
    if (!b) return [];
    return b.filter((x) => labelsMatch(selector, this.labelsOf(x)) && (!accept || accept(x)));
  }

  /** Up to `limit` items carrying at least one pair of `selector`, in order, each once. */
  sharingAnyPair(selector: Labels, limit: number): T[] {
    const lists: T[][] = [];
    for (const [k, v] of Object.entries(selector)) {
      const b = this.buckets.get(pairKey(k, v));
      if (b?.length) lists.push(b);
    }
    // One pair's bucket is already in order and holds each item once.
    if (lists.length <= 1) return lists.length ? lists[0]!.slice(0, limit) : [];
    const seen = new Set<T>();
    for (const b of lists) {
      for (const x of b) {
        seen.add(x);
        if (seen.size >= limit) break;
      }
    }
    // In item order: sorted by position, as numbers.
    const at = new Float64Array(seen.size);
    let n = 0;
    for (const x of seen) at[n++] = this.position(x);
    at.sort();
    const all = this.itemList();
    const out: T[] = [];
    for (let i = 0; i < n && out.length < limit; i++) out.push(all[at[i]!]!);
    return out;
  }

  private positions: Map<T, number> | undefined;
  private list: T[] | undefined;
  private itemList(): T[] {
    return (this.list ??= [...this.items]);
  }
  private position(x: T): number {
    if (!this.positions) {
      this.positions = new Map();
      const all = this.itemList();
      for (let i = 0; i < all.length; i++) this.positions.set(all[i]!, i);
    }
    return this.positions.get(x)!;
  }

  /** The first item matching `selector` that `accept` accepts. */
  first(selector: Labels, accept?: (x: T) => boolean): T | undefined {
    const b = this.bucket(selector);
    if (b) for (const x of b) if (labelsMatch(selector, this.labelsOf(x)) && (!accept || accept(x))) return x;
    return undefined;
  }
}

/** A value computed once per resolved project (and so once per derive), kept by the resolved project. */
export function memo<T>(project: ResolvedProject, key: string, make: () => T): T {
  const m = project.derived;
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  m.set(key, v);
  return v;
}

const workloadIndexes = (project: ResolvedProject) =>
  memo(project, 'workloadLabels', () => new Map<string | undefined, LabelIndex<Workloads[number]>>());

/** Workloads in `namespace` whose pod labels carry every pair of `selector`, in project order. */
export function workloadsMatching(
  project: ResolvedProject,
  namespace: string | undefined,
  selector: Labels,
): Workloads {
  const byNs = workloadIndexes(project);
  let li = byNs.get(namespace);
  if (!li) {
    li = new LabelIndex(indexOf(project).workloadsByNs.get(namespace) ?? [], (w) => w.fact.podLabels);
    byNs.set(namespace, li);
  }
  return li.matching(selector);
}

/** Builds the workload index of `namespace` in steps, if not built yet (before `workloadsMatching` asks). */
export function* workloadIndexSteps(project: ResolvedProject, namespace: string | undefined): Generator<void, void> {
  const byNs = workloadIndexes(project);
  if (byNs.has(namespace)) return;
  const li = yield* LabelIndex.steps(indexOf(project).workloadsByNs.get(namespace) ?? [], (w) => w.fact.podLabels);
  byNs.set(namespace, li);
}

/** Install gateways in `namespace` whose labels carry every pair of `labels`, in project order. */
export function gatewaysMatching(
  project: ResolvedProject,
  namespace: string | undefined,
  labels: Labels,
  accept?: (g: Gateways[number]) => boolean,
): Gateways {
  const byNs = memo(project, 'gatewayLabels', () => new Map<string | undefined, LabelIndex<Gateways[number]>>());
  let li = byNs.get(namespace);
  if (!li) {
    li = new LabelIndex(indexOf(project).gatewaysByNs.get(namespace) ?? [], (g) => g.fact.labels);
    byNs.set(namespace, li);
  }
  return li.matching(labels, accept);
}

/** Every install gateway by label pair (any namespace). */
export function allGatewayLabels(project: ResolvedProject): LabelIndex<Gateways[number]> {
  return memo(project, 'allGatewayLabels', () => new LabelIndex(project.installGateways, (g) => g.fact.labels));
}

/** Every Service by label pair (any namespace). */
export function allServiceLabels(project: ResolvedProject): LabelIndex<Services[number]> {
  return memo(project, 'allServiceLabels', () => new LabelIndex(project.services, (s) => s.fact.labels));
}

/**
 * The first of a list of selectors that `labels` satisfies (the first exposedServices entry that
 * selects a Service): each selector is filed under one of its pairs, so a lookup costs the number of
 * the labels' pairs, not the number of selectors.
 */
export class SelectorList {
  private readonly byPair = new Map<string, number[]>();

  constructor(readonly selectors: readonly Labels[]) {
    selectors.forEach((s, i) => {
      const first = Object.entries(s)[0];
      if (first) pushTo(this.byPair, pairKey(first[0], first[1]), i);
    });
  }

  /** Position of the first selector all of whose pairs `labels` carries, or -1. */
  firstMatch(labels: Labels): number {
    let best = -1;
    for (const [k, v] of Object.entries(labels)) {
      for (const i of this.byPair.get(pairKey(k, v)) ?? []) {
        if (best >= 0 && i >= best) break;
        if (labelsMatch(this.selectors[i]!, labels)) {
          best = i;
          break;
        }
      }
    }
    return best;
  }
}

// ------------------------------------------------------------------------------ namespace ownership

/** A workspace's namespaceSelector compiled: exact names in sets, the rest (wildcards, prefixes) in a list. */
interface NsMatcher {
  /** Exact namespaces under `*` (any cluster). */
  anyCluster: Set<string>;
  /** cluster -> exact namespaces under that exact cluster name. */
  byCluster: Map<string, Set<string>>;
  /** Patterns with a wildcard in either part. */
  other: NsPattern[];
}

// Pure memo keyed by identity: a fact is immutable and lives with its document's analysis, and so does its matcher.
const matchers = new WeakMap<TsbObjectFact, NsMatcher>();

export function nsMatcher(ws: TsbObjectFact): NsMatcher {
  let m = matchers.get(ws);
  if (m) return m;
  m = { anyCluster: new Set(), byCluster: new Map(), other: [] };
  for (const n of ws.namespaces) {
    const p = parseNsPattern(n.name);
    if (!p) continue;
    if (p.namespace.endsWith('*') || (p.cluster !== '*' && p.cluster.endsWith('*'))) m.other.push(p);
    else if (p.cluster === '*') m.anyCluster.add(p.namespace);
    else {
      let s = m.byCluster.get(p.cluster);
      if (!s) m.byCluster.set(p.cluster, (s = new Set()));
      s.add(p.namespace);
    }
  }
  matchers.set(ws, m);
  return m;
}
