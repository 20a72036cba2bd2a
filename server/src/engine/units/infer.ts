import type { FileFacts, DeployFact, TsbObjectFact } from '../workspace/facts';
import { relativeTo } from '../workspace/config';
import { append, parentOf } from './fileIndex';
import { choicePoints, scopeOf, scopesConflict, type Scope } from './scopes';
import { matchClusters } from './clusterNames';
import { render } from '../l10n/translate';
import {
  SOURCE_STRENGTH,
  type Deployment,
  type Evidence,
  type FileDeployment,
  type InferenceNote,
  type Relation,
  type Unit,
} from '../deployment';
import { gatherSteps, type InferenceInput, type Step } from './steps';

export type { InferenceInput };
import { pushTo } from '../collections';

// Infers deployment units from what a repository already says, strongest first: tsb.config.yaml,
// Argo CD Applications and Flux Kustomizations, apply commands in scripts, Makefiles and READMEs,
// kustomize, folder conventions. Pure: a function of file contents and the list of files.

interface Draft extends Step {
  id: number;
  keys: Set<string>;
  hidden?: boolean;
}

const MAX_UNITS = 5000;

export function inferDeployment(input: InferenceInput): Deployment {
  const { files, facts } = input;
  const factsByUri = new Map(facts.map((f) => [f.uri, f]));
  const notes: InferenceNote[] = [];
  const rel = (uri: string) => relativeTo(files.root, uri) ?? uri;
  const keysOf = objectKeys(factsByUri);

  const { steps, configured, known } = gatherSteps(input, factsByUri, notes);
  const cfg = input.config;
  const configUri = cfg?.present ? `${cfg.rootUri}/tsb.config.yaml` : undefined;

  // Group steps into units: consecutive steps of one source with the same target, until a step
  // applies a new version of something the unit already holds.
  const drafts: Draft[] = [];
  const bySource = new Map<string, Step[]>();
  for (const s of steps) pushTo(bySource, s.run, s);
  for (const list of bySource.values()) {
    let cur: Draft | undefined;
    for (const s of list.sort((a, b) => a.order - b.order)) {
      const keys = new Set(s.files.flatMap((u) => keysOf(u)));
      const fresh = s.files.filter((u) => !cur?.files.includes(u));
      const redefines = cur ? fresh.some((u) => keysOf(u).some((k) => cur!.keys.has(k))) : false;
      if (cur && s.kind === 'command' && sameTarget(cur, s) && cur.choice === s.choice && !s.choice && !redefines) {
        append(cur.files, fresh);
        for (const k of keys) cur.keys.add(k);
        for (const e of s.evidence) cur.evidence.push(e);
        continue;
      }
      cur = { ...s, files: [...new Set(s.files)], evidence: [...s.evidence], id: drafts.length, keys };
      drafts.push(cur);
      if (drafts.length >= MAX_UNITS) break;
    }
  }

  // Folder conventions for YAML files no stronger evidence places: a folder named like a known cluster,
  // a folder holding a ControlPlane of one cluster.
  const covered = new Set(drafts.flatMap((d) => d.files));
  // A folder some command applies file by file: the files it leaves out are left out on purpose.
  const chosen = new Set(drafts.filter((d) => d.kind === 'command').flatMap((d) => d.files.map((u) => parentOf(u))));
  const cpDirs = controlPlaneDirs(facts);
  const conventions = new Map<string, Draft>();
  const inConvention = new Set<string>();
  const knownLower = new Map([...known].map(([k, v]) => [k.toLowerCase(), { name: k, ev: v }]));
  for (const f of facts) {
    if (covered.has(f.uri) || configured.has(f.uri) || chosen.has(parentOf(f.uri))) continue;
    const hit = clusterFolder(f.uri, files.root, knownLower, cpDirs);
    if (!hit) continue;
    let d = conventions.get(hit.dir);
    if (!d) {
      d = {
        id: drafts.length,
        source: hit.dir,
        kind: 'convention',
        files: [],
        clusters: [hit.cluster],
        mp: false,
        evidence: [hit.evidence],
        run: hit.dir,
        order: 0,
        keys: new Set(),
      };
      conventions.set(hit.dir, d);
      drafts.push(d);
    }
    d.files.push(f.uri);
    inConvention.add(f.uri);
    for (const k of keysOf(f.uri)) d.keys.add(k);
  }
  // Everything else: one hidden unit per folder (a folder is the natural `apply -f DIR` set).
  const loose = new Map<string, Draft>();
  for (const f of facts) {
    if (covered.has(f.uri) || configured.has(f.uri) || inConvention.has(f.uri)) continue;
    const dir = parentOf(f.uri) ?? f.uri;
    let d = loose.get(dir);
    if (!d) {
      // Under a tsb.config.yaml the user says the folder is one project: its loose files go together.
      d = {
        id: drafts.length,
        source: dir,
        kind: 'convention',
        files: [],
        mp: false,
        evidence: [],
        run: configUri ?? dir,
        order: 0,
        keys: new Set(),
        hidden: true,
      };
      loose.set(dir, d);
      drafts.push(d);
    }
    d.files.push(f.uri);
  }

  // Management plane: tctl, or GitOps-form TSB resources (they reach the management plane through the cluster).
  for (const d of drafts) {
    if (!d.mp) d.mp = d.files.some((u) => factsByUri.get(u)?.tsb.some((t) => t.form === 'gitops'));
    d.files.sort();
  }

  // Alternatives.
  const points = choicePoints(
    drafts.filter((d) => !d.hidden).map((d) => [d.source, ...d.files]),
    files.root,
  );
  const scopes: Scope[] = drafts.map((d) => scopeOf([d.source, ...d.files], points));
  const versions: [string, string][] = [];
  const never = successiveVersions(drafts, keysOf, versions);
  const byChoice = new Map<string, Draft[]>();
  for (const d of drafts) if (d.choice) pushTo(byChoice, d.choice, d);
  for (const list of byChoice.values())
    for (const d of list) for (const e of list) if (e !== d) never.add(pairKey(d.id, e.id));
  const relationOfUnits = (a: Draft, b: Draft): Relation => {
    if (a === b) return 'together';
    if (never.has(pairKey(a.id, b.id)) || scopesConflict(scopes[a.id]!, scopes[b.id]!)) return 'never';
    return a.run === b.run ? 'together' : 'maybe';
  };

  // Cluster names: as the repository names them, matched to TSB names where it can be told.
  const matches = matchClusters(drafts, facts, factsByUri);

  // Public units (hidden folder groups are internal).
  const visible = drafts.filter((d) => !d.hidden);
  const names = unitNames(visible, rel);
  // Alternatives from the pairs that are never together and the choice folders, not from every pair of units.
  const neverWith = new Map<number, number[]>();
  for (const k of never) {
    const [a, b] = k.split(':').map(Number) as [number, number];
    pushTo(neverWith, a, b);
    pushTo(neverWith, b, a);
  }
  const byOption = new Map<string, Map<string, Draft[]>>();
  for (const e of visible) {
    for (const [dir, option] of scopes[e.id]!) {
      let m = byOption.get(dir);
      if (!m) byOption.set(dir, (m = new Map()));
      pushTo(m, option, e);
    }
  }
  const isVisible = new Set(visible.map((d) => d.id));
  const unitAlternatives = (d: Draft): string[] => {
    const ids = new Set<number>();
    for (const id of neverWith.get(d.id) ?? []) if (isVisible.has(id)) ids.add(id);
    for (const [dir, option] of scopes[d.id]!) {
      for (const [o, list] of byOption.get(dir) ?? []) if (o !== option) for (const e of list) ids.add(e.id);
    }
    ids.delete(d.id);
    return [...ids].map((id) => names.get(id)!);
  };
  const units: Unit[] = visible.map((d) => {
    const alternatives = unitAlternatives(d);
    const clusters = [...new Set(d.clusters ?? [])].sort();
    return {
      id: d.id,
      name: names.get(d.id)!,
      files: d.files,
      clusters,
      clusterMatches: clusters.flatMap((c) => {
        const m = matches.get(c);
        return m && m.tsb !== c ? [{ name: c, tsb: m.tsb, why: render(m.why), whyL10n: m.why }] : [];
      }),
      managementPlane: d.mp,
      namespace: d.namespace ?? null,
      evidence: d.evidence,
      alternativeTo: alternatives.sort(),
      source: d.kind,
      ...(d.unknown ? { clustersUnknown: render(d.unknown), clustersUnknownL10n: d.unknown } : {}),
    };
  });

  // Per file: the units of the strongest kind that hold it.
  const unitsOf = new Map<string, Draft[]>();
  for (const d of drafts) for (const u of d.files) pushTo(unitsOf, u, d);
  const deployments = new Map<string, FileDeployment>();
  const deploymentOf = (uri: string): FileDeployment => {
    let dep = deployments.get(uri);
    if (dep) return dep;
    const all = unitsOf.get(uri) ?? [];
    const top = Math.max(0, ...all.filter((d) => !d.hidden).map((d) => SOURCE_STRENGTH[d.kind]));
    const strongest = all.filter((d) => !d.hidden && SOURCE_STRENGTH[d.kind] === top);
    const clusters = new Set<string>();
    // `in-cluster` stays a cluster of its own: the same one for every Application that names it.
    for (const d of strongest) for (const c of d.clusters ?? []) clusters.add(matches.get(c)?.tsb ?? c);
    const namespace = strongest.find((d) => d.namespace)?.namespace;
    const unknown = strongest.find((d) => d.unknown)?.unknown;
    dep = {
      clusters: [...clusters].sort(),
      ...(namespace ? { namespace } : {}),
      placed: strongest.length > 0,
      units: strongest.map((d) => d.id),
      ...(unknown ? { unknown } : {}),
    };
    deployments.set(uri, dep);
    return dep;
  };
  const memo = new Map<string, Relation>();
  // tsb.config.yaml `alternatives:`: files matching different globs of one group are never together.
  const alternativesOf = new Map<string, number[]>();
  const configAlternatives = (uri: string): number[] => {
    let v = alternativesOf.get(uri);
    if (!v) {
      const r = cfg ? relativeTo(cfg.rootUri, uri) : undefined;
      v = cfg && r !== undefined ? cfg.alternatives.map((g) => g(r)) : [];
      alternativesOf.set(uri, v);
    }
    return v;
  };
  const relation = (a: string, b: string): Relation => {
    if (a === b) return 'together';
    if (cfg?.alternatives.length) {
      const [x, y] = [configAlternatives(a), configAlternatives(b)];
      if (x.some((i, k) => i >= 0 && y[k]! >= 0 && i !== y[k])) return 'never';
    }
    const ua = unitsOf.get(a);
    const ub = unitsOf.get(b);
    if (!ua || !ub) return 'maybe';
    let best: Relation = 'never';
    for (const x of ua) {
      for (const y of ub) {
        const k = pairKey(x.id, y.id);
        let r = memo.get(k);
        if (r === undefined) memo.set(k, (r = relationOfUnits(x, y)));
        if (r === 'together') return r;
        if (r === 'maybe') best = r;
      }
    }
    return best;
  };
  const unitNamesOf = (uri: string) =>
    (unitsOf.get(uri) ?? [])
      .filter((d) => !d.hidden)
      .sort((a, b) => SOURCE_STRENGTH[b.kind] - SOURCE_STRENGTH[a.kind])
      .map((d) => names.get(d.id)!);
  const unplaced = facts
    .filter((f) => hasObjects(f) && !(unitsOf.get(f.uri) ?? []).some((d) => !d.hidden))
    .map((f) => f.uri);
  const alternativeGroups: string[][] = [];
  for (const dir of [...points].sort()) {
    const options = [
      ...new Set(
        drafts
          .flatMap((d) => d.files)
          .filter((u) => u.startsWith(dir + '/'))
          .map((u) => u.slice(dir.length + 1).split('/')[0]!),
      ),
    ];
    if (options.length > 1) alternativeGroups.push(options.sort().map((o) => `${dir}/${o}/**`));
  }
  for (const pair of versions) alternativeGroups.push(pair);
  for (const list of byChoice.values()) alternativeGroups.push(list.flatMap((e) => e.files.slice(0, 1)));
  return {
    units,
    notes,
    unplaced,
    configured: configured.size > 0,
    alternativeGroups,
    deploymentOf,
    relation,
    unitNames: unitNamesOf,
  };
}

function hasObjects(f: FileFacts): boolean {
  return (
    f.tsb.length +
      f.installGateways.length +
      f.controlPlanes.length +
      f.namespaces.length +
      f.services.length +
      f.workloads.length >
    0
  );
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function sameTarget(a: Step, b: Step): boolean {
  return (
    a.mp === b.mp &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    (a.unknown ? render(a.unknown) : '') === (b.unknown ? render(b.unknown) : '') &&
    [...(a.clusters ?? [])].sort().join(',') === [...(b.clusters ?? [])].sort().join(',')
  );
}

/**
 * The same resource applied by two steps of one run (or of one sequence of labs) to the same place:
 * the later step applies a new version, so the two are never in effect together.
 */
function successiveVersions(
  drafts: Draft[],
  keysOf: (uri: string) => string[],
  files: [string, string][],
): Set<string> {
  const never = new Set<string>();
  const bySequence = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.kind !== 'command') continue;
    const seq = d.sequence ?? d.run;
    pushTo(bySequence, seq, d);
  }
  for (const list of bySequence.values()) {
    if (list.length < 2) continue;
    const holders = new Map<string, { d: Draft; file: string }[]>();
    for (const d of list) for (const u of d.files) for (const k of keysOf(u)) pushTo(holders, k, { d, file: u });
    for (const hs of holders.values()) {
      for (let i = 0; i < hs.length; i++) {
        for (let j = i + 1; j < hs.length; j++) {
          const a = hs[i]!;
          const b = hs[j]!;
          if (a.d === b.d || a.file === b.file) continue;
          if (a.d.mp !== b.d.mp || (!a.d.mp && !overlap(a.d.clusters, b.d.clusters))) continue;
          never.add(pairKey(a.d.id, b.d.id));
          if (!files.some(([x, y]) => x === a.file && y === b.file)) files.push([a.file, b.file]);
        }
      }
    }
  }
  return never;
}

function overlap(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.some((x) => b.includes(x));
}

/** Identity keys of the objects a file defines: TSB objects by kind and parents, Kubernetes objects by kind/namespace/name. */
function objectKeys(facts: Map<string, FileFacts>): (uri: string) => string[] {
  const cache = new Map<string, string[]>();
  return (uri) => {
    let keys = cache.get(uri);
    if (keys) return keys;
    const f = facts.get(uri);
    keys = [];
    if (f) {
      for (const t of f.tsb) keys.push(tsbKey(t));
      // A Namespace declared again (each app manifest often carries its own) is not a new version.
      for (const o of f.objects ?? []) if (!o.startsWith('Namespace|')) keys.push(o);
      for (const g of f.installGateways) keys.push(`install:${g.kind}|${g.namespace ?? ''}|${g.name}`);
    }
    cache.set(uri, keys);
    return keys;
  };
}

export function tsbKey(o: TsbObjectFact): string {
  const group = o.apiVersion.replace(/^tsb\.tetrate\.io\//, 'api.tsb.tetrate.io/').split('/')[0];
  return [group, o.kind, o.organization ?? '', o.tenant ?? '', o.workspace ?? '', o.group ?? '', o.name].join('|');
}

function controlPlaneDirs(facts: readonly FileFacts[]): Map<string, { cluster: string; evidence: Evidence }> {
  const byDir = new Map<string, { cluster: string; evidence: Evidence }[]>();
  for (const f of facts) {
    for (const c of f.controlPlanes) {
      if (!c.clusterName) continue;
      const dir = parentOf(f.uri)!;
      pushTo(byDir, dir, {
        cluster: c.clusterName,
        evidence: { uri: f.uri, line: c.source.line, text: `ControlPlane clusterName: ${c.clusterName}` },
      });
    }
  }
  const out = new Map<string, { cluster: string; evidence: Evidence }>();
  // Two ControlPlanes of different clusters in one folder say nothing about that folder.
  for (const [dir, list] of byDir) if (new Set(list.map((x) => x.cluster)).size === 1) out.set(dir, list[0]!);
  return out;
}

/** The nearest folder above a file that is named like a known cluster, or holds one cluster's ControlPlane. */
function clusterFolder(
  uri: string,
  root: string,
  lower: Map<string, { name: string; ev: Evidence }>,
  cpDirs: Map<string, { cluster: string; evidence: Evidence }>,
): { dir: string; cluster: string; evidence: Evidence } | undefined {
  for (let dir = parentOf(uri); dir && (dir === root || dir.startsWith(root + '/')); dir = parentOf(dir)) {
    const cp = cpDirs.get(dir);
    if (cp) return { dir, cluster: cp.cluster, evidence: cp.evidence };
    const name = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1)).toLowerCase();
    const hit = lower.get(name);
    if (hit && dir !== root)
      return { dir, cluster: hit.name, evidence: { ...hit.ev, text: `folder named like ${hit.ev.text}` } };
  }
  return undefined;
}

/** Readable, unique names: `path/of/script (run.sh)`, with the target when one source makes several units. */
function unitNames(drafts: Draft[], rel: (uri: string) => string): Map<number, string> {
  const base = (d: Draft): string => {
    const src = rel(d.source);
    if (d.kind === 'config')
      return `tsb.config.yaml placement ${d.order + 1} (${d.evidence[0]?.text.replace(/^files: /, '') ?? ''})`;
    if (d.kind === 'convention') return `${src}/ (${d.evidence[0]?.text ?? 'folder'})`;
    const slash = src.lastIndexOf('/');
    const dir = slash >= 0 ? src.slice(0, slash) : '.';
    const file = slash >= 0 ? src.slice(slash + 1) : src;
    if (d.kind === 'argocd' && d.run.includes('#'))
      return `${dir} (${file}: Argo CD ${d.run.slice(d.run.lastIndexOf(':') + 1).replace(/^.*#/, '')})`;
    if (d.kind === 'flux') return `${dir} (${file}: Flux ${d.run.slice(d.run.lastIndexOf('#') + 1)})`;
    return `${dir} (${file})`;
  };
  const target = (d: Draft) =>
    d.mp && !d.clusters?.length
      ? 'management plane'
      : d.clusters?.length
        ? d.clusters.join(', ')
        : d.unknown
          ? 'current context'
          : '?';
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(base(d), (counts.get(base(d)) ?? 0) + 1);
  const out = new Map<number, string>();
  const used = new Map<string, number>();
  for (const d of drafts) {
    let name = base(d);
    if ((counts.get(name) ?? 0) > 1) name = `${name} -> ${target(d)}`;
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    out.set(d.id, n > 1 ? `${name} #${n}` : name);
  }
  return out;
}

export type { DeployFact };
