import { msg, type Message } from './l10n/message';
import { computeFailoverSteps } from './model/failover';
import type { FailoverModel } from './model/failoverTypes';
import { crossFileSteps, type LocatedProblem } from './crossFile/crossRules';
import type { Deployment } from './deployment';
import { FileIndex } from './units/fileIndex';
import { tsbKey } from './units/versions';
import { inferDeploymentSteps } from './units/infer';
import { readSource, type SourceReading } from './units/sources';
import { drain } from './util/steps';
import { indexSteps } from './workspace/projectIndex';
import { CONFIG_FILE, type ProjectConfig } from './workspace/config';
import type { FileFacts } from './workspace/facts';
import { lastingCaches, resolveProject, resolveProjectSteps, type ResolvedProject } from './workspace/resolved';

// A project's cross-file results, derived from its files' facts, configs and deploy sources in two
// stages (deployment resolved, then the failover model and the cross-file checks), with what they keep
// between derives. Owned by one Project: created with it and dropped with it.

/** What the cross-file steps read of their project. */
export interface DeriveInput {
  /** Every file's facts, in URI order. */
  facts(): FileFacts[];
  configFor(uri: string): ProjectConfig | undefined;
  /** The config of a root, by its URI. */
  config(root: string): ProjectConfig | undefined;
  /** Deploy scripts, Makefiles and READMEs by URI. */
  readonly sources: ReadonlyMap<string, string>;
  /** Increases whenever anything the results depend on changes. */
  version(): number;
  /** Increases whenever the set of files changes. */
  fileSetVersion(): number;
}

/** The first stage of the cross-file results: facts with deployment applied (what hover and completion read). */
export interface Resolved {
  /** One resolved project per tsb.config.yaml root ('' for files under none). */
  groups: Map<string, ResolvedProject>;
  /** Groups whose deployment could not be worked out (resolved with none), and why. */
  failed: Map<string, unknown>;
  /** The first file of each group (where a failure is reported). */
  first: Map<string, string>;
  /** All groups together, built only when asked for (multi-root workspaces). */
  merged?: ResolvedProject;
}

/** The second stage: the failover model and the cross-file problems. */
export interface Checked {
  model: FailoverModel;
  byUri: Map<string, LocatedProblem[]>;
}

/** Files indexed between two yields. */
const FILES_PER_STEP = 2048;

export class Derive {
  private resolvedState: Resolved | undefined;
  private checkedState: Checked | undefined;
  /** The last complete results, kept after a change for readers that prefer an answer now. */
  private lastResolved: Resolved | undefined;
  private lastChecked: Checked | undefined;
  private readonly readings = new Map<string, { text: string; index: FileIndex; reading: SourceReading }>();
  /** Per project root: the files paths in scripts resolve against, rebuilt when the set of files changes. */
  private readonly indexes = new Map<string, { generation: number; value: FileIndex }>();
  /** What the cross-file steps keep from one derive to the next (name indexes). */
  private readonly lasting = lastingCaches();

  constructor(private readonly input: DeriveInput) {}

  /** The project changed: the results are computed again when next asked for. */
  invalidate(): void {
    this.resolvedState = undefined;
    this.checkedState = undefined;
  }

  /** The cross-file results are up to date. */
  get checked(): boolean {
    return this.checkedState !== undefined;
  }

  /**
   * The resolved results: up to date, or (with `stale`) the last complete ones — none yet while the
   * workspace is first read: resolving a half-read workspace on the spot, again after every file, is
   * what made requests during a large scan slow.
   */
  resolved(stale: boolean): Resolved {
    if (this.resolvedState) return this.resolvedState;
    if (stale) return this.lastResolved ?? this.nothingYet();
    return drain(this.resolveSteps());
  }

  private empty: Resolved | undefined;

  private nothingYet(): Resolved {
    this.empty ??= {
      groups: new Map([['', resolveProject([], NO_DEPLOYMENT, this.lasting)]]),
      failed: new Map(),
      first: new Map(),
    };
    return this.empty;
  }

  /** How many TSB objects of each identity a project holds (computed once per resolved project). */
  private readonly identities = new WeakMap<ResolvedProject, Map<string, number>>();

  /**
   * Whether the up-to-date results hold every TSB object of `uri` once only (no other definition of
   * the same kind, parents and name): then no cross-file result depends on their specs.
   */
  definedOnce(uri: string): boolean {
    const r = this.resolvedState;
    if (!r || r.failed.size) return false;
    for (const p of r.groups.values()) {
      let counts = this.identities.get(p);
      for (const o of p.tsb) {
        if (o.source.uri !== uri) continue;
        if (!counts) {
          counts = new Map();
          for (const x of p.tsb) {
            const k = tsbKey(x);
            counts.set(k, (counts.get(k) ?? 0) + 1);
          }
          this.identities.set(p, counts);
        }
        if ((counts.get(tsbKey(o)) ?? 0) > 1) return false;
      }
    }
    return true;
  }

  /**
   * The checked results: up to date, or (with `stale`) the last complete ones — none yet while the
   * workspace is first read. A request that answers from them never runs a whole check on the spot
   * (a hover on a selector during a large scan did, once per file read).
   */
  checkedResults(stale: boolean): Checked {
    if (this.checkedState) return this.checkedState;
    if (stale) return this.lastChecked ?? NOTHING_CHECKED;
    return drain(this.checkSteps());
  }

  /** The up-to-date or last complete resolved results, without computing anything. */
  known(): Resolved | undefined {
    return this.resolvedState ?? this.lastResolved;
  }

  /** All groups of `d` together (multi-root workspaces): each file keeps its own project's deployment. */
  merged(d: Resolved): ResolvedProject {
    if (!d.merged) {
      const keyOf = (u: string) => this.input.configFor(u)?.rootUri ?? '';
      const parts = new Map([...d.groups].map(([k, r]) => [k, r.deployment]));
      d.merged = resolveProject(this.input.facts(), mergeDeployments(parts, keyOf), this.lasting);
    }
    return d.merged;
  }

  *resolveSteps(): Generator<void, Resolved> {
    if (this.resolvedState) return this.resolvedState;
    const generation = this.input.version();
    // Each tsb.config.yaml bounds a project: two example folders opened side by side, or checked in
    // one command, do not see each other's resources. Files under no config form one more project.
    const groups = new Map<string, FileFacts[]>();
    // In URI order, whatever order files arrived in (a scan analyses several at once): "first
    // definition" and "already claimed by" must not depend on timing, and match tsb-lint's order.
    for (const f of this.input.facts()) {
      const key = this.input.configFor(f.uri)?.rootUri ?? '';
      const list = groups.get(key);
      if (list) list.push(f);
      else groups.set(key, [f]);
    }
    yield;
    const resolvedGroups = new Map<string, ResolvedProject>();
    const failed = new Map<string, unknown>();
    const first = new Map<string, string>();
    for (const [key, facts] of groups) {
      first.set(key, facts[0]!.uri);
      // A step that fails loses its own results only (reported once, on the group's first file, by checkSteps).
      try {
        resolvedGroups.set(key, yield* this.resolveGroup(key === '' ? undefined : this.input.config(key), facts));
      } catch (err) {
        failed.set(key, err);
        resolvedGroups.set(key, resolveProject([], NO_DEPLOYMENT, this.lasting));
      }
      yield;
    }
    const r: Resolved = { groups: resolvedGroups, failed, first };
    if (generation === this.input.version()) {
      this.resolvedState = r;
      this.lastResolved = r;
    }
    return r;
  }

  *checkSteps(): Generator<void, Checked> {
    if (this.checkedState) return this.checkedState;
    const generation = this.input.version();
    const resolved = yield* this.resolveSteps();
    const byUri = new Map<string, LocatedProblem[]>();
    const add = (p: LocatedProblem) => {
      const list = byUri.get(p.uri);
      if (list) list.push(p);
      else byUri.set(p.uri, [p]);
    };
    const models: FailoverModel[] = [];
    for (const [key, r] of resolved.groups) {
      // A cross-file step that fails loses its own results only: the file's own problems, the other
      // steps and the other projects are kept, and the failure is reported once, on the first file.
      const uri = resolved.first.get(key)!;
      const failed = (what: Message, err: unknown) =>
        add({
          uri,
          rule: 'internal-error',
          ref: { uri, line: 0, character: 0, endLine: 0, endCharacter: 0 },
          message: msg(
            'The {what} of this project failed unexpectedly ({error}); please report it. Checks of single files are unaffected.',
            {
              what,
              error: String((err as Error)?.message ?? err)
                .split('\n')[0]!
                .slice(0, 160),
            },
          ),
        });
      if (resolved.failed.has(key)) failed(msg('cross-file analysis'), resolved.failed.get(key));
      let model: FailoverModel;
      try {
        // The lookups the model and the rules share, built in steps rather than by whichever asks first.
        yield* indexSteps(r);
        model = yield* computeFailoverSteps(r);
      } catch (err) {
        failed(msg('failover model'), err);
        model = emptyModel();
      }
      models.push(model);
      try {
        for (const p of yield* crossFileSteps(r, model)) add(p);
      } catch (err) {
        failed(msg('cross-file checks'), err);
      }
    }
    const c: Checked = { model: models.length === 1 ? models[0]! : mergeModels(models), byUri };
    if (generation === this.input.version()) {
      this.checkedState = c;
      this.lastChecked = c;
    }
    return c;
  }

  /** Facts of one project (a tsb.config.yaml root, or files under none) with its deployment inferred. */
  private *resolveGroup(config: ProjectConfig | undefined, facts: FileFacts[]): Generator<void, ResolvedProject> {
    const inGroup = (uri: string) => this.input.configFor(uri) === config;
    const index = yield* this.fileIndex(config?.rootUri ?? '', config, facts, inGroup);
    const sources = [...this.input.sources]
      .filter(([u]) => inGroup(u))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([uri, text]) => {
        let cached = this.readings.get(uri);
        if (!cached || cached.text !== text || cached.index !== index) {
          cached = { text, index, reading: readSource(uri, text, index) };
          this.readings.set(uri, cached);
        }
        return { uri, reading: cached.reading };
      });
    const deployment = yield* inferDeploymentSteps({ files: index, facts, sources, ...(config ? { config } : {}) });
    yield;
    return yield* resolveProjectSteps(facts, deployment, this.lasting);
  }

  /** The files of one project (YAML and deploy sources) as the deployment reader sees them; paths resolve within its folder. */
  private *fileIndex(
    key: string,
    config: ProjectConfig | undefined,
    facts: FileFacts[],
    inGroup: (uri: string) => boolean,
  ): Generator<void, FileIndex> {
    const cached = this.indexes.get(key);
    if (cached?.generation === this.input.fileSetVersion()) return cached.value;
    const generation = this.input.fileSetVersion();
    const uris = [...facts.map((f) => f.uri), ...[...this.input.sources.keys()].filter(inGroup)];
    if (config) uris.push(`${config.rootUri}/${CONFIG_FILE}`);
    const value = new FileIndex();
    for (let i = 0; i < uris.length; i++) {
      value.add(uris[i]!);
      if ((i + 1) % FILES_PER_STEP === 0) yield;
    }
    this.indexes.set(key, { generation, value });
    return value;
  }
}

function mergeDeployments(parts: Map<string, Deployment>, keyOf: (uri: string) => string): Deployment {
  const of = (uri: string) => parts.get(keyOf(uri));
  const all = [...parts.values()];
  return {
    units: all.flatMap((d) => d.units),
    notes: all.flatMap((d) => d.notes),
    unplaced: all.flatMap((d) => d.unplaced),
    configured: all.some((d) => d.configured),
    alternativeGroups: all.flatMap((d) => d.alternativeGroups),
    deploymentOf: (uri) => of(uri)?.deploymentOf(uri) ?? { clusters: [], placed: false, units: [] },
    relation: (a, b) => (keyOf(a) === keyOf(b) ? (of(a)?.relation(a, b) ?? 'maybe') : 'never'),
    unitNames: (uri) => of(uri)?.unitNames(uri) ?? [],
  };
}

/** What a project whose deployment could not be worked out is resolved with: nothing placed, nothing related. */
const NO_DEPLOYMENT: Deployment = {
  units: [],
  notes: [],
  unplaced: [],
  configured: false,
  alternativeGroups: [],
  deploymentOf: () => ({ clusters: [], placed: false, units: [] }),
  relation: () => 'maybe',
  unitNames: () => [],
};

function emptyModel(): FailoverModel {
  return { workspaces: [], clusters: [], placementsConfigured: false, notes: [] };
}

/** What a request reads before the first check has completed: no cross-file problems, an empty model. */
const NOTHING_CHECKED: Checked = {
  model: emptyModel(),
  byUri: new Map(),
};

function mergeModels(models: FailoverModel[]): FailoverModel {
  if (!models.length) return emptyModel();
  const notes = new Map<string, Message | undefined>();
  // A note about something missing holds for the merged model only if it holds for every part.
  models[0]!.notes.forEach((n, i) => {
    if (!notes.has(n) && models.every((m) => m.notes.includes(n))) notes.set(n, models[0]!.notesL10n?.[i]);
  });
  const notesL10n = [...notes.values()];
  return {
    workspaces: models.flatMap((m) => m.workspaces),
    clusters: [...new Set(models.flatMap((m) => m.clusters))].sort(),
    placementsConfigured: models.some((m) => m.placementsConfigured),
    notes: [...notes.keys()],
    ...(notesL10n.every((n) => n !== undefined) ? { notesL10n: notesL10n as Message[] } : {}),
  };
}
