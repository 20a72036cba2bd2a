import { pushTo } from '../../collections';
import type { ResolvedProject } from '../../workspace/resolved';
import { msg } from '../../l10n/message';
import type { TsbObjectFact } from '../../workspace/facts';
import type { SourceRef } from '../../types';
import { parseNsPattern, nsPatternsOverlap, type NsPattern } from '../../workspace/selectors';
import { ifTogether, related, where, type LocatedProblem } from './context';

// namespace-owned-twice: two workspaces (or two groups of one type) claim the same cluster/namespace.

interface Claim {
  owner: TsbObjectFact;
  name: string;
  ref: SourceRef;
  pattern: NsPattern;
  seq: number;
}

/** Every claim of one ownership scope, indexed by namespace, namespace prefix and wildcard. */
interface ScopeClaims {
  count: number;
  exact: Map<string, Claim[]>;
  /** Sorted exact namespaces (prefix ranges). */
  exactKeys: string[];
  /** Claims of the namespace part `*`. */
  star: Claim[];
  /** Claims of `prefix*` by prefix. */
  byPrefix: Map<string, Claim[]>;
  prefixes: string[];
  /** The lengths of those prefixes, ascending (a name is looked up once per length some prefix has). */
  prefixLengths: number[];
}

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
 * The claims of earlier owners (sequence below `before`) that `pb` may overlap, in the order a claim
 * is compared: exact namespaces in the order they were first claimed, then wildcards in claim order.
 * Found through the indexes, so the cost follows the overlaps, not the number of claims.
 */
function earlierClaims(sc: ScopeClaims, pb: NsPattern, before: number): Claim[] {
  const visible = (xs: readonly Claim[] | undefined, into: Claim[]) => {
    if (xs)
      for (const x of xs) {
        if (x.seq >= before) break;
        into.push(x);
      }
  };
  const exact: Claim[] = [];
  const wild: Claim[] = [];
  visible(sc.star, wild);
  if (pb.namespace.endsWith('*')) {
    const prefix = pb.namespace.slice(0, -1);
    // Exact namespaces starting with the prefix, in the order each was first claimed.
    const keys: string[] = [];
    for (
      let i = lowerBound(sc.exactKeys, prefix);
      i < sc.exactKeys.length && sc.exactKeys[i]!.startsWith(prefix);
      i++
    ) {
      const k = sc.exactKeys[i]!;
      if (sc.exact.get(k)![0]!.seq < before) keys.push(k);
    }
    keys.sort((a, b) => sc.exact.get(a)![0]!.seq - sc.exact.get(b)![0]!.seq);
    for (const k of keys) visible(sc.exact.get(k), exact);
    // Prefixes that extend this one, and prefixes this one extends.
    const seen = new Set<string>();
    for (let i = lowerBound(sc.prefixes, prefix); i < sc.prefixes.length && sc.prefixes[i]!.startsWith(prefix); i++) {
      seen.add(sc.prefixes[i]!);
      visible(sc.byPrefix.get(sc.prefixes[i]!), wild);
    }
    for (const k of sc.prefixLengths) {
      if (k >= prefix.length) break;
      if (k >= 1 && !seen.has(prefix.slice(0, k))) visible(sc.byPrefix.get(prefix.slice(0, k)), wild);
    }
  } else {
    visible(sc.exact.get(pb.namespace), exact);
    for (const k of sc.prefixLengths) {
      if (k > pb.namespace.length) break;
      if (k >= 1) visible(sc.byPrefix.get(pb.namespace.slice(0, k)), wild);
    }
  }
  wild.sort((a, b) => a.seq - b.seq);
  for (const w of wild) exact.push(w);
  return exact;
}

/** Owners and claims looked at between two yields. */
const OWNERS_PER_STEP = 2048;

export function* namespaceOwnership(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  let tick = 0;
  // Workspaces own namespaces exclusively across the whole organization; groups within their workspace.
  const scope = (o: TsbObjectFact) =>
    o.kind === 'Workspace' ? `ws|${o.organization}` : `g|${o.groupType}|${o.organization}|${o.tenant}|${o.workspace}`;
  // Every claim first, indexed per scope; then each owner's claims are compared with those of the
  // owners before it, and each is reported once, against the first owner it overlaps.
  const scopes = new Map<string, ScopeClaims>();
  const owners: { b: TsbObjectFact; sc: ScopeClaims; claims: Claim[] }[] = [];
  for (const b of p.tsb) {
    if (++tick % OWNERS_PER_STEP === 0) yield;
    if (!b.namespaces.length || (b.kind !== 'Workspace' && b.kind !== 'Group')) continue;
    const key = scope(b);
    let sc = scopes.get(key);
    if (!sc)
      scopes.set(
        key,
        (sc = {
          count: 0,
          exact: new Map(),
          exactKeys: [],
          star: [],
          byPrefix: new Map(),
          prefixes: [],
          prefixLengths: [],
        }),
      );
    const claims: Claim[] = [];
    for (const nb of b.namespaces) {
      // One Workspace can name thousands of namespaces: claims count as much as owners.
      if (++tick % OWNERS_PER_STEP === 0) yield;
      const pb = parseNsPattern(nb.name);
      if (!pb) continue;
      const claim: Claim = { owner: b, name: nb.name, ref: nb.ref, pattern: pb, seq: sc.count++ };
      claims.push(claim);
      if (pb.namespace === '*') sc.star.push(claim);
      else if (pb.namespace.endsWith('*')) pushTo(sc.byPrefix, pb.namespace.slice(0, -1), claim);
      else pushTo(sc.exact, pb.namespace, claim);
    }
    if (claims.length) owners.push({ b, sc, claims });
  }
  for (const sc of scopes.values()) {
    sc.exactKeys = [...sc.exact.keys()].sort();
    sc.prefixes = [...sc.byPrefix.keys()].sort();
    sc.prefixLengths = [...new Set(sc.prefixes.map((x) => x.length))].sort((a, b) => a - b);
  }
  yield;
  for (const { b, sc, claims } of owners) {
    if (++tick % OWNERS_PER_STEP === 0) yield;
    const before = claims[0]!.seq;
    for (const { name, ref, pattern: pb } of claims) {
      if (++tick % OWNERS_PER_STEP === 0) yield;
      let hit: Claim | undefined;
      let together = false;
      for (const c of earlierClaims(sc, pb, before)) {
        if (c.owner === b || c.owner.name === b.name || !nsPatternsOverlap(c.pattern, pb)) continue;
        const r = p.relation(c.owner.source.uri, b.source.uri);
        if (r === 'together') {
          hit = c;
          together = true;
          break;
        }
        if (r === 'maybe') hit ??= c;
      }
      if (!hit) continue;
      const args = {
        name: name,
        other: hit.name,
        owner: hit.owner.name,
        where: where(hit.ref),
        groupType: String(b.groupType),
      };
      const text =
        b.kind === 'Workspace'
          ? name === hit.name
            ? msg(
                '{name} is already claimed by workspace {owner} ({where}): workspaces own their namespaces exclusively.',
                args,
              )
            : msg(
                '{name} overlaps {other}, which is already claimed by workspace {owner} ({where}): workspaces own their namespaces exclusively.',
                args,
              )
          : name === hit.name
            ? msg(
                '{name} is already claimed by group {owner} ({where}): {groupType} groups own their namespaces exclusively.',
                args,
              )
            : msg(
                '{name} overlaps {other}, which is already claimed by group {owner} ({where}): {groupType} groups own their namespaces exclusively.',
                args,
              );
      out.push({
        uri: b.source.uri,
        rule: 'namespace-owned-twice',
        ref,
        ...(together ? {} : { severity: 'hint' as const }),
        message: together ? text : ifTogether(p, hit.owner.source.uri, b.source.uri, text),
        related: [related(hit.ref, msg('claimed by {owner}', { owner: hit.owner.name }))],
      });
    }
  }
}
