import type { FileFacts, DeployFact } from '../workspace/facts';
import { relativeTo } from '../workspace/config';
import { append, parentOf } from './fileIndex';
import { choicePoints, scopeOf, scopesConflict, type Scope } from './scopes';
import { matchClusters } from './clusterNames';
import { render } from '../l10n/translate';
import {
  SOURCE_STRENGTH,
  type Deployment,
  type FileDeployment,
  type InferenceNote,
  type Relation,
  type Unit,
} from '../deployment';
import { gatherSteps, type Draft, type InferenceInput, type Step } from './steps';
import { objectKeys, pairKey, successiveVersions } from './versions';
import { clusterFolder, controlPlaneDirs, unitNames } from './conventions';

export type { InferenceInput };
import { pushTo } from '../collections';
import { drain, workBudget } from '../util/steps';

// Infers deployment units from what a repository already says, strongest first: tsb.config.yaml,
// Argo CD Applications and Flux Kustomizations, apply commands in scripts, Makefiles and READMEs,
// kustomize, folder conventions. Pure: a function of file contents and the list of files.

const MAX_UNITS = 5000;

/** Facts looked at between two yields of the sliced inference. */
const SLICE = 512;
/** Object keys gathered between two yields. */
const KEYS_PER_STEP = 2048;

export function inferDeployment(input: InferenceInput): Deployment {
  return drain(inferDeploymentSteps(input));
}

/** The inference in slices (the language server answers requests between them); `inferDeployment` runs it to the end. */
export function* inferDeploymentSteps(input: InferenceInput): Generator<void, Deployment> {
  const { files, facts } = input;
  const factsByUri = new Map(facts.map((f) => [f.uri, f]));
  const notes: InferenceNote[] = [];
  const rel = (uri: string) => relativeTo(files.root, uri) ?? uri;
  const keysOf = objectKeys(factsByUri);

  const { steps, configured, known } = yield* gatherSteps(input, factsByUri, notes);
  const cfg = input.config;
  const configUri = cfg?.present ? `${cfg.rootUri}/tsb.config.yaml` : undefined;

  // Group steps into units: consecutive steps of one source with the same target, until a step
  // applies a new version of something the unit already holds.
  const drafts: Draft[] = [];
  const bySource = new Map<string, Step[]>();
  for (const s of steps) pushTo(bySource, s.run, s);
  // Counted in files looked at: one step can apply a folder of thousands of files.
  const spend = workBudget(SLICE);
  const keySpend = workBudget(KEYS_PER_STEP);
  for (const list of bySource.values()) {
    let cur: Draft | undefined;
    // The files of `cur`, for membership tests (a unit can hold thousands).
    let curFiles = new Set<string>();
    const sorted = list.sort((a, b) => a.order - b.order);
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i]!;
      if (spend(8)) yield;
      // The objects a unit holds are compared with the next step's only: the last step's are not needed.
      const keys = new Set<string>();
      if (i < sorted.length - 1) {
        for (const u of s.files) {
          const ks = keysOf(u);
          for (const k of ks) keys.add(k);
          // Counted in keys (built the first time, a few microseconds each): one file can hold thousands.
          if (keySpend(1 + ks.length)) yield;
        }
      }
      const fresh = s.files.filter((u) => !curFiles.has(u));
      const redefines = cur ? fresh.some((u) => keysOf(u).some((k) => cur!.keys.has(k))) : false;
      if (cur && s.kind === 'command' && sameTarget(cur, s) && cur.choice === s.choice && !s.choice && !redefines) {
        append(cur.files, fresh);
        for (const u of fresh) curFiles.add(u);
        for (const k of keys) cur.keys.add(k);
        for (const e of s.evidence) cur.evidence.push(e);
        continue;
      }
      cur = { ...s, files: [...new Set(s.files)], evidence: [...s.evidence], id: drafts.length, keys };
      curFiles = new Set(cur.files);
      drafts.push(cur);
      if (drafts.length >= MAX_UNITS) break;
    }
  }
  yield;

  // Folder conventions for YAML files no stronger evidence places: a folder named like a known cluster,
  // a folder holding a ControlPlane of one cluster.
  const covered = new Set<string>();
  // A folder some command applies file by file: the files it leaves out are left out on purpose.
  const chosen = new Set<string | undefined>();
  for (const d of drafts) {
    for (const u of d.files) {
      covered.add(u);
      if (d.kind === 'command') chosen.add(parentOf(u));
    }
    if (spend(d.files.length + 1)) yield;
  }
  const cpDirs = controlPlaneDirs(facts);
  const conventions = new Map<string, Draft>();
  const inConvention = new Set<string>();
  const knownLower = new Map([...known].map(([k, v]) => [k.toLowerCase(), { name: k, ev: v }]));
  yield;
  let n = 0;
  for (const f of facts) {
    if (++n % SLICE === 0) yield;
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
  }
  // Everything else: one hidden unit per folder (a folder is the natural `apply -f DIR` set).
  const loose = new Map<string, Draft>();
  for (const f of facts) {
    if (++n % SLICE === 0) yield;
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
    if (spend(d.files.length + 1)) yield;
  }

  yield;
  // Alternatives.
  const points = choicePoints(
    drafts.filter((d) => !d.hidden).map((d) => [d.source, ...d.files]),
    files.root,
  );
  yield;
  const scopes: Scope[] = [];
  for (const d of drafts) {
    scopes.push(scopeOf([d.source, ...d.files], points));
    if (spend(d.files.length + 1)) yield;
  }
  const versions: [string, string][] = [];
  yield;
  const never = successiveVersions(drafts, keysOf, versions);
  yield;
  const byChoice = new Map<string, Draft[]>();
  for (const d of drafts) if (d.choice) pushTo(byChoice, d.choice, d);
  for (const list of byChoice.values())
    for (const d of list) for (const e of list) if (e !== d) never.add(pairKey(d.id, e.id));
  const relationOfUnits = (a: Draft, b: Draft): Relation => {
    if (a === b) return 'together';
    if (never.has(pairKey(a.id, b.id)) || scopesConflict(scopes[a.id]!, scopes[b.id]!)) return 'never';
    return a.run === b.run ? 'together' : 'maybe';
  };

  yield;
  // Cluster names: as the repository names them, matched to TSB names where it can be told.
  const matches = matchClusters(drafts, facts, factsByUri);
  yield;

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

  yield;
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

function sameTarget(a: Step, b: Step): boolean {
  return (
    a.mp === b.mp &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    (a.unknown ? render(a.unknown) : '') === (b.unknown ? render(b.unknown) : '') &&
    [...(a.clusters ?? [])].sort().join(',') === [...(b.clusters ?? [])].sort().join(',')
  );
}

export type { DeployFact };
