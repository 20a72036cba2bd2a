import picomatch from 'picomatch';
import type { FileFacts } from '../workspace/facts';
import { relativeTo, type ProjectConfig } from '../workspace/config';
import { append, type FileIndex, joinPath, parentOf } from './fileIndex';
import type { ApplyCommand } from './shellRun';
import { kustomizeUnit } from './kustomize';
import { commas, msg, type Message } from '../l10n/message';
import { render } from '../l10n/translate';
import type { Evidence, InferenceNote, UnitSource } from '../deployment';
import type { SourceReading } from './sources';
import { pushTo } from '../collections';

// The apply steps a repository states, before they are grouped into units: tsb.config.yaml
// placements, apply commands of scripts, Makefiles and READMEs, Argo CD Applications and Flux
// Kustomizations, kustomizations nothing applies. Also the cluster names it mentions anywhere.

/** Files looked at between two yields. */
const FILES_PER_STEP = 2048;

/** What the inference reads (declared here, beside the first step that reads it). */
export interface InferenceInput {
  files: FileIndex;
  /** Facts of every YAML file, in URI order. */
  facts: readonly FileFacts[];
  sources: readonly { uri: string; reading: SourceReading }[];
  config?: ProjectConfig;
}

/** One apply step before grouping into units. */
export interface Step {
  source: string;
  kind: UnitSource;
  files: string[];
  /** Clusters as named; undefined = not named. */
  clusters?: string[];
  unknown?: Message;
  namespace?: string;
  mp: boolean;
  evidence: Evidence[];
  /** Steps of one README "one of the following" block share a choice id and are alternatives. */
  choice?: string;
  /** Units of one run (one script, one config): applied together. */
  run: string;
  /** Sources read in sequence (tutorial labs): re-applying a resource later is a new version. */
  sequence?: string;
  order: number;
}

/** A unit in the making: steps grouped, with the object keys it holds. */
export interface Draft extends Step {
  id: number;
  keys: Set<string>;
  hidden?: boolean;
}

/** Argo CD's name for the cluster it runs in. */
export const IN_CLUSTER = 'in-cluster';

/** Every step the repository states, the files tsb.config.yaml places, and the cluster names it mentions. */
export function* gatherSteps(
  input: InferenceInput,
  factsByUri: Map<string, FileFacts>,
  notes: InferenceNote[],
): Generator<void, { steps: Step[]; configured: Set<string>; known: Map<string, Evidence> }> {
  const { files, facts } = input;
  const steps: Step[] = [];

  // tsb.config.yaml placements: the user's word wins for the files they match.
  const configured = new Set<string>();
  const cfg = input.config;
  const configUri = cfg?.present ? `${cfg.rootUri}/tsb.config.yaml` : undefined;
  if (cfg && configUri && cfg.placements.length) {
    // A placement naming plain paths (no glob) is looked up, not matched against every file.
    const rels: [string, string][] = [];
    const byRel = new Map<string, string[]>();
    let n = 0;
    for (const f of facts) {
      if (++n % FILES_PER_STEP === 0) yield;
      const r = relativeTo(cfg.rootUri, f.uri);
      if (r === undefined) continue;
      rels.push([f.uri, r]);
      pushTo(byRel, r, f.uri);
    }
    for (const [i, p] of cfg.placements.entries()) {
      // Each placement is matched against every file: the language server answers requests in between.
      yield;
      const plain = p.files.map((g) => g.replace(/^\.\//, '')).every((g) => !picomatch.scan(g).isGlob);
      const pool = plain
        ? [...new Set(p.files.map((g) => g.replace(/^\.\//, '')))].flatMap((g) =>
            (byRel.get(g) ?? []).map((u): [string, string] => [u, g]),
          )
        : rels;
      const matched = pool.filter(([, r]) => p.match(r)).map(([u]) => u);
      if (plain) matched.sort();
      for (const u of matched) configured.add(u);
      steps.push({
        source: configUri,
        kind: 'config',
        files: matched,
        clusters: p.clusters,
        ...(p.namespace ? { namespace: p.namespace } : {}),
        mp: false,
        evidence: [{ uri: configUri, line: p.line, text: `files: ${p.files.join(', ')}` }],
        run: configUri,
        order: i,
      });
    }
  }

  // Kubernetes contexts named anywhere: what a per-cluster folder can be matched against.
  const known = new Map<string, Evidence>();
  const noteName = (name: string, ev: Evidence) => {
    if (name && !name.includes('${') && !known.has(name)) known.set(name, ev);
  };

  // Apply commands of scripts, Makefiles and READMEs.
  for (const { uri, reading } of input.sources) {
    yield;
    for (const n of reading.notes) notes.push(noteAt({ uri, line: n.line, text: n.text }, n.reason));
    for (const c of reading.contexts) noteName(c.name, { uri, line: c.line, text: `kube context ${c.name}` });
    const choiceOf = new Map<number, string>();
    reading.choices.forEach((ids, k) => {
      for (const i of ids) choiceOf.set(i, `${uri}#${k}`);
    });
    const sequence = sequenceOf(uri);
    const merged = mergeLoopIterations(reading.applies);
    merged.forEach((a, i) => {
      const expanded = expandApply(a, files, factsByUri, notes, uri);
      if (!expanded.files.length) return;
      const unknown =
        a.tool === 'tctl'
          ? undefined
          : !a.contexts
            ? msg('the current kube context (the command names none)')
            : a.contexts.some((c) => c.includes('${'))
              ? msg('a kube context the repository does not name ({contexts})', { contexts: commas(a.contexts) })
              : undefined;
      const choice = choiceOf.get(a.index);
      steps.push({
        source: uri,
        kind: 'command',
        files: expanded.files,
        ...(a.tool === 'kubectl' && a.contexts ? { clusters: a.contexts.filter((c) => !c.includes('${')) } : {}),
        ...(unknown ? { unknown } : {}),
        ...((a.namespace ?? expanded.namespace) ? { namespace: (a.namespace ?? expanded.namespace)! } : {}),
        mp: a.tool === 'tctl',
        evidence: a.evidence,
        run: uri,
        ...(sequence ? { sequence } : {}),
        order: i,
        ...(choice ? { choice } : {}),
      });
    });
    // `argocd app create` in a script.
    const scriptContexts = [...new Set(reading.contexts.map((c) => c.name))];
    reading.argo.forEach((a, i) => {
      if (!a.path) return;
      const expanded = argoFiles(a.path, true, undefined, undefined, files, factsByUri, notes, {
        uri,
        line: a.line,
        text: a.text,
      });
      const inCluster = !a.destName && (!a.destServer || a.destServer === 'https://kubernetes.default.svc');
      // In-cluster means the cluster Argo CD runs in: known when the script talks to a single cluster.
      const cluster =
        a.destName ?? (inCluster ? (scriptContexts.length === 1 ? scriptContexts[0] : IN_CLUSTER) : a.destServer!);
      steps.push({
        source: uri,
        kind: 'argocd',
        files: expanded.files,
        clusters: [cluster!],
        ...((a.destNamespace ?? expanded.namespace) ? { namespace: (a.destNamespace ?? expanded.namespace)! } : {}),
        mp: false,
        evidence: [{ uri, line: a.line, text: a.text }],
        run: `${uri}#argo:${a.app}`,
        order: 10000 + i,
        ...(cluster === IN_CLUSTER ? { unknown: msg('the cluster Argo CD runs in (in-cluster)') } : {}),
      });
    });
  }

  // Argo CD Applications, Flux Kustomizations in YAML.
  for (const f of facts) {
    for (const d of f.deploy) {
      if (d.kind === 'argo-app') {
        const ev = { uri: f.uri, line: d.ref.line, text: `Argo CD Application ${d.name}: path ${d.path ?? '(none)'}` };
        if (!d.path) continue;
        const dir = locateRepoPath(d.path, f.uri, files);
        if (!dir) {
          notes.push(noteAt(ev, msg('the folder {path} is not in this project', { path: d.path })));
          continue;
        }
        const expanded = argoFiles(dir, d.recurse, d.include, d.exclude, files, factsByUri, notes, ev);
        const inCluster = !d.destName && (!d.destServer || d.destServer === 'https://kubernetes.default.svc');
        const cluster = d.destName ?? (inCluster ? IN_CLUSTER : d.destServer!);
        steps.push({
          source: f.uri,
          kind: 'argocd',
          files: expanded.files,
          clusters: [cluster],
          ...((d.destNamespace ?? expanded.namespace) ? { namespace: (d.destNamespace ?? expanded.namespace)! } : {}),
          mp: false,
          evidence: [ev],
          run: `${f.uri}#${d.name}`,
          order: d.ref.line,
          ...(cluster === IN_CLUSTER
            ? { unknown: msg('the cluster this Application is created in (in-cluster)') }
            : {}),
        });
        if (d.destName) noteName(d.destName, ev);
      } else if (d.kind === 'argo-appset') {
        notes.push(
          noteAt(
            { uri: f.uri, line: d.ref.line, text: `ApplicationSet ${d.name}` },
            msg('ApplicationSet generators are not expanded'),
          ),
        );
      } else if (d.kind === 'flux') {
        const ev = { uri: f.uri, line: d.ref.line, text: `Flux Kustomization ${d.name}: path ${d.path ?? '(none)'}` };
        if (!d.path) continue;
        const dir = locateRepoPath(d.path.replace(/^\.\//, ''), f.uri, files);
        if (!dir) {
          notes.push(noteAt(ev, msg('the folder {path} is not in this project', { path: d.path })));
          continue;
        }
        const expanded = argoFiles(dir, true, undefined, undefined, files, factsByUri, notes, ev);
        steps.push({
          source: f.uri,
          kind: 'flux',
          files: expanded.files,
          unknown: msg('the cluster Flux runs in'),
          ...((d.targetNamespace ?? expanded.namespace)
            ? { namespace: (d.targetNamespace ?? expanded.namespace)! }
            : {}),
          mp: false,
          evidence: [ev],
          run: `${f.uri}#${d.name}`,
          order: d.ref.line,
        });
      }
    }
  }

  // Kustomizations no command or Application applies: still a unit (its namespace applies), cluster unknown.
  const applied = new Set(steps.flatMap((s) => s.files));
  for (const f of facts) {
    const k = f.deploy.find((d) => d.kind === 'kustomization');
    if (!k || applied.has(f.uri)) continue;
    const dir = parentOf(f.uri)!;
    const unit = kustomizeUnit(dir, files, factsByUri);
    if (!unit?.files.length) continue;
    steps.push({
      source: f.uri,
      kind: 'kustomize',
      files: unit.files,
      ...(unit.namespace ? { namespace: unit.namespace } : {}),
      unknown: msg('no command or Application applies this kustomization'),
      mp: false,
      evidence: [
        {
          uri: f.uri,
          line: k.ref.line,
          text: `kustomization${unit.namespace ? ` (namespace ${unit.namespace})` : ''}`,
        },
      ],
      run: f.uri,
      order: 0,
    });
  }

  // TSB names: a folder or context named like a TSB Cluster is that cluster.
  for (const f of facts) {
    for (const t of f.tsb)
      if (t.kind === 'Cluster') noteName(t.name, { uri: f.uri, line: t.nameRef.line, text: `TSB Cluster ${t.name}` });
    for (const c of f.controlPlanes)
      if (c.clusterName)
        noteName(c.clusterName, { uri: f.uri, line: c.source.line, text: `ControlPlane clusterName ${c.clusterName}` });
  }
  return { steps, configured, known };
}

/** A README in a numbered lab folder (`03-app-ingress/README.md`) is read in sequence with its siblings. */
function sequenceOf(uri: string): string | undefined {
  const dir = parentOf(uri);
  if (!dir) return undefined;
  const name = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1));
  return /^\d+[-_.]/.test(name) ? parentOf(dir) : uri;
}

/** One step per apply command, loop iterations of one line merged (same files: one step, all clusters). */
function mergeLoopIterations(applies: ApplyCommand[]): (ApplyCommand & { index: number; evidence: Evidence[] })[] {
  const out: (ApplyCommand & { index: number; evidence: Evidence[] })[] = [];
  const byKey = new Map<string, ApplyCommand & { index: number; evidence: Evidence[] }>();
  applies.forEach((a, index) => {
    const key = `${a.line}|${a.tool}|${a.namespace ?? ''}|${a.files.join(',')}|${a.kustomize.join(',')}`;
    const prev = byKey.get(key);
    if (prev?.contexts && a.contexts) {
      prev.contexts = [...new Set([...prev.contexts, ...a.contexts])];
      return;
    }
    const step = { ...a, ...(a.contexts ? { contexts: [...a.contexts] } : {}), index, evidence: [] };
    byKey.set(key, step);
    out.push(step);
  });
  return out.map((a) => ({ ...a, evidence: [{ uri: '', line: a.line, text: a.text }] }));
}

/** A note on something read but not understood: the reason in English and as a message. */
export function noteAt(ev: Evidence, why: Message): InferenceNote {
  return { uri: ev.uri, line: ev.line, text: ev.text, reason: render(why), reasonL10n: why };
}

/** Files of an apply command: plain files, plus kustomize folders expanded (with their namespace). */
function expandApply(
  a: ApplyCommand & { evidence: Evidence[] },
  files: FileIndex,
  facts: Map<string, FileFacts>,
  notes: InferenceNote[],
  source: string,
): { files: string[]; namespace?: string } {
  for (const e of a.evidence) e.uri = source;
  const out = [...a.files];
  let namespace: string | undefined;
  for (const dir of a.kustomize) {
    const k = kustomizeUnit(dir, files, facts);
    if (!k) {
      notes.push(
        noteAt(
          { uri: source, line: a.line, text: a.text },
          msg('no kustomization.yaml in {folder}', { folder: dir.slice(files.root.length + 1) || '.' }),
        ),
      );
      continue;
    }
    append(out, k.files);
    namespace ??= k.namespace;
  }
  return { files: [...new Set(out)], ...(namespace ? { namespace } : {}) };
}

/** An Argo CD or Flux source folder: its kustomization when it has one, else its manifests (recursively if asked). */
function argoFiles(
  dir: string,
  recurse: boolean,
  include: string | undefined,
  exclude: string | undefined,
  files: FileIndex,
  facts: Map<string, FileFacts>,
  notes: InferenceNote[],
  ev: Evidence,
): { files: string[]; namespace?: string } {
  const k = kustomizeUnit(dir, files, facts);
  if (k) return k;
  let list = files.filesIn(dir, recurse).filter((u) => /\.(ya?ml|json)$/i.test(u));
  if (include) {
    const inc = new Set(globAll(files, dir, include));
    list = list.filter((u) => inc.has(u));
  }
  if (exclude) {
    const exc = new Set(globAll(files, dir, exclude));
    list = list.filter((u) => !exc.has(u));
  }
  if (!list.length) notes.push(noteAt(ev, msg('the folder holds no manifests')));
  return { files: list };
}

/** `{a.yaml,b.yaml}` or a single glob, matched anywhere below `dir`. */
function globAll(files: FileIndex, dir: string, pattern: string): string[] {
  const pats = /^\{.*\}$/.test(pattern) ? pattern.slice(1, -1).split(',') : [pattern];
  return pats.flatMap((p) => files.glob(dir, p.includes('/') ? p : `**/${p}`).concat(files.glob(dir, p)));
}

/** A repository path (Argo CD `spec.source.path`): from the project root, else from the manifest's folder up. */
function locateRepoPath(path: string, from: string, files: FileIndex): string | undefined {
  const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.') return files.root;
  const candidates = [files.root];
  for (let d = parentOf(from); d?.startsWith(files.root); d = parentOf(d)) candidates.push(d);
  for (const base of candidates) {
    const u = joinPath(base, clean);
    if (u && files.isDir(u)) return u;
  }
  return undefined;
}
