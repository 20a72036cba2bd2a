import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import { RULES, RULE_IDS, type SeveritySetting } from '../problems';
import type { RawProblem } from '../types';
import { nearest } from '../util/nearest';
import { BUDGETS, formatCount } from '../budgets';
import { compileGlob } from './glob';
import { commas, msg, type Message } from '../l10n/message';
import { duplicateKeys } from '../parse/parsedChunk';
import { KNOWN_VERSIONS, versionIndex } from '../schema/versions';

// tsb.config.yaml: where files are applied (placements) and per-rule severities.
// A bad config is itself diagnosed and degrades to what could be read; it never stops analysis.

export const CONFIG_FILE = 'tsb.config.yaml';

export interface Placement {
  files: string[];
  clusters: string[];
  namespace?: string;
  match: (relativePath: string) => boolean;
  /** 0-based line of the placement entry in tsb.config.yaml (evidence for the unit it defines). */
  line: number;
}

export interface ProjectConfig {
  /** URI of the folder holding tsb.config.yaml (no trailing slash). */
  rootUri: string;
  placements: Placement[];
  rules: Record<string, SeveritySetting>;
  ignore: ((relativePath: string) => boolean)[];
  problems: RawProblem[];
  /** True when the file exists (false: defaults, no placements). */
  present: boolean;
  /** `tsbVersion:` — the TSB version the files are applied to (fields other versions lack are errors). */
  tsbVersion?: string;
  /**
   * `alternatives:` — groups of globs whose files are never applied together (scenarios, environments,
   * successive versions): `alternativeOf(rel)` gives, per group, the index of the glob a file matches.
   */
  alternatives: ((relativePath: string) => number)[];
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const TOP_KEYS = ['placements', 'alternatives', 'rules', 'ignore', 'tsbVersion'];
const PLACEMENT_KEYS = ['files', 'clusters', 'namespace'];

export function emptyConfig(rootUri: string): ProjectConfig {
  return { rootUri, placements: [], rules: {}, ignore: [], problems: [], present: false, alternatives: [] };
}

function keyOf(p: Pair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

export function parseConfig(rootUri: string, text: string): ProjectConfig {
  const cfg: ProjectConfig = { ...emptyConfig(rootUri), present: true };
  // Duplicate keys are found in linear time (yaml's own check compares each key with every earlier one).
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  for (const d of duplicateKeys(doc.contents))
    cfg.problems.push({
      rule: 'yaml-syntax',
      message: msg('{error}: the second value would silently replace the first.', { error: d.message }),
      start: d.pos[0],
      end: d.pos[1],
    });
  const problem = (node: Node | Pair['key'] | null | undefined, message: Message, data?: RawProblem['data']) => {
    const r = (node as Node | undefined)?.range ?? [0, 1, 1];
    cfg.problems.push({
      rule: 'config-invalid',
      message,
      start: r[0],
      end: Math.max(r[1], r[0] + 1),
      ...(data ? { data } : {}),
    });
  };
  for (const e of doc.errors)
    cfg.problems.push({
      rule: 'yaml-syntax',
      message: msg('{error}', { error: e.message.split('\n')[0]! }),
      start: e.pos[0],
      end: Math.max(e.pos[1], e.pos[0] + 1),
    });
  if (doc.errors.length || cfg.problems.length) return cfg;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return cfg;
  if (!isMap(root)) {
    problem(root, msg('tsb.config.yaml must be a mapping with `placements` and optionally `rules` and `ignore`.'));
    return cfg;
  }
  for (const item of root.items) {
    const pair = item as Pair<Scalar, Node | null>;
    const key = keyOf(pair);
    if (key === undefined) continue;
    if (key === 'placements') {
      readPlacements(pair.value, cfg, problem);
      // Offsets to lines in one pass over the text (placements come in order; a slice and split of the
      // text per placement was quadratic: 100,000 placements took seconds).
      let line = 0;
      let at = 0;
      for (const p of cfg.placements) {
        for (let i = text.indexOf('\n', at); i !== -1 && i < p.line; i = text.indexOf('\n', i + 1)) {
          line++;
          at = i + 1;
        }
        p.line = line;
      }
    } else if (key === 'alternatives') readAlternatives(pair.value, cfg, problem);
    else if (key === 'tsbVersion') readTsbVersion(pair.value ?? pair.key, text, cfg, problem);
    else if (key === 'rules') readRules(pair.value, cfg, problem);
    else if (key === 'ignore') {
      for (const g of globList(pair.value, problem, 'ignore')) cfg.ignore.push(g.match);
    } else {
      const guess = nearest(key, TOP_KEYS);
      problem(
        pair.key,
        guess
          ? msg('`{key}` is not a tsb.config.yaml setting; did you mean `{guess}`?', { key, guess })
          : msg('`{key}` is not a tsb.config.yaml setting; known settings: {known}.', { key, known: commas(TOP_KEYS) }),
        guess ? { fix: 'rename-key', to: guess } : undefined,
      );
    }
  }
  return cfg;
}

function readTsbVersion(node: Node | Pair['key'] | null, text: string, cfg: ProjectConfig, problem: Report): void {
  // As written: a plain `1.10` is the number 1.1 to YAML, but means TSB 1.10.
  const v =
    isScalar(node) && node.range && (typeof node.value === 'string' || typeof node.value === 'number')
      ? typeof node.value === 'number'
        ? text.slice(node.range[0], node.range[1]).trim()
        : node.value
      : undefined;
  if (v !== undefined && versionIndex(v) !== undefined) cfg.tsbVersion = v;
  else
    problem(
      node,
      msg('`tsbVersion` must be a TSB version such as 1.12 or current ({versions}).', { versions: KNOWN_VERSIONS }),
    );
}

type Report = (node: Node | Pair['key'] | null | undefined, message: Message, data?: RawProblem['data']) => void;

/**
 * The globs of `files` or `ignore`, compiled by the linear-time matcher: a glob it refuses (extglobs,
 * `**` inside a name, too long) gets a config-invalid diagnostic and is left out; so is any glob past the
 * per-list budget.
 */
function globList(
  node: Node | null,
  problem: Report,
  what: string,
): { glob: string; match: (rel: string) => boolean }[] {
  const out: { glob: string; match: (rel: string) => boolean }[] = [];
  const add = (n: Node, glob: string) => {
    const c = compileGlob(what === 'files' ? glob.replace(/^\.\//, '') : glob);
    if ('error' in c) problem(n, msg('{error} This glob is ignored.', { error: c.error }));
    else out.push({ glob, match: c.match });
  };
  if (isScalar(node) && typeof node.value === 'string') {
    add(node, node.value);
    return out;
  }
  if (isSeq(node)) {
    let n = 0;
    for (const it of node.items) {
      if (++n > BUDGETS.globsPerList) {
        problem(
          it as Node,
          msg('`{field}` lists {count} globs; only the first {limit} are used.', {
            field: what,
            count: formatCount(node.items.length),
            limit: formatCount(BUDGETS.globsPerList),
          }),
        );
        break;
      }
      if (isScalar(it) && typeof it.value === 'string') add(it, it.value);
      else problem(it as Node, msg('Each entry of `{field}` must be a glob string such as apps/**.', { field: what }));
    }
    return out;
  }
  problem(node, msg('`{field}` must be a glob string or a list of globs, such as apps/**.', { field: what }));
  return out;
}

function readPlacements(node: Node | null, cfg: ProjectConfig, problem: Report): void {
  if (!isSeq(node)) {
    problem(node, msg('`placements` must be a list of entries with `files`, `clusters` and optionally `namespace`.'));
    return;
  }
  let count = 0;
  for (const it of node.items) {
    if (++count > BUDGETS.placements) {
      problem(
        it as Node,
        msg(
          '`placements` has {count} entries; only the first {limit} are used (a limit that keeps time and memory bounded).',
          { count: formatCount(node.items.length), limit: formatCount(BUDGETS.placements) },
        ),
      );
      break;
    }
    if (!isMap(it)) {
      problem(
        it as Node,
        msg('Each placement is a mapping: `files: apps/**`, `clusters: [cluster-1]`, optional `namespace`.'),
      );
      continue;
    }
    let files: { glob: string; match: (rel: string) => boolean }[] = [];
    /** Its globs were diagnosed already: no second message that it has none. */
    let refused = false;
    let clusters: string[] = [];
    let namespace: string | undefined;
    for (const p of it.items) {
      const pair = p as Pair<Scalar, Node | null>;
      const key = keyOf(pair);
      if (key === 'files') {
        const before = cfg.problems.length;
        files = globList(pair.value, problem, 'files');
        refused = cfg.problems.length > before;
      } else if (key === 'clusters') {
        if (
          isSeq(pair.value) &&
          pair.value.items.every((c) => isScalar(c) && (typeof c.value === 'string' || typeof c.value === 'number'))
        ) {
          clusters = pair.value.items.map((c) => String((c as Scalar).value));
          if (!clusters.length)
            problem(
              pair.value,
              msg('`clusters` is empty: name at least one cluster, for example [cluster-1, cluster-2].'),
            );
        } else if (isScalar(pair.value) && typeof pair.value.value === 'string') {
          clusters = [pair.value.value];
        } else
          problem(
            pair.value ?? pair.key,
            msg('`clusters` must be a list of cluster names, for example [cluster-1, cluster-2].'),
          );
      } else if (key === 'namespace') {
        if (
          isScalar(pair.value) &&
          typeof pair.value.value === 'string' &&
          /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(pair.value.value)
        )
          namespace = pair.value.value;
        else
          problem(
            pair.value ?? pair.key,
            msg('`namespace` must be a Kubernetes namespace name (lower-case letters, digits and dashes).'),
          );
      } else if (key !== undefined) {
        const guess = nearest(key, PLACEMENT_KEYS);
        problem(
          pair.key,
          guess
            ? msg('`{key}` is not a placement field; did you mean `{guess}`?', { key, guess })
            : msg('`{key}` is not a placement field; placements have {known}.', { key, known: commas(PLACEMENT_KEYS) }),
          guess ? { fix: 'rename-key', to: guess } : undefined,
        );
      }
    }
    if (!files.length) {
      if (!refused) problem(it, msg('This placement has no `files` glob, so it applies to nothing.'));
      continue;
    }
    cfg.placements.push({
      files: files.map((f) => f.glob),
      clusters,
      ...(namespace ? { namespace } : {}),
      match: (rel) => files.some((m) => m.match(rel)),
      line: it.range?.[0] ?? 0,
    });
  }
}

function readAlternatives(node: Node | null, cfg: ProjectConfig, problem: Report): void {
  if (!isSeq(node)) {
    problem(
      node,
      msg(
        '`alternatives` must be a list of groups, each a list of globs never applied together, for example [[scenarios/a/**, scenarios/b/**]].',
      ),
    );
    return;
  }
  for (const it of node.items) {
    const globs = isSeq(it) ? globList(it as Node, problem, 'alternatives') : [];
    if (globs.length < 2) {
      problem(
        it as Node,
        msg('Each group of `alternatives` lists at least two globs, for example [envs/dev/**, envs/prod/**].'),
      );
      continue;
    }
    cfg.alternatives.push((rel) => globs.findIndex((g) => g.match(rel)));
  }
}

function readRules(node: Node | null, cfg: ProjectConfig, problem: Report): void {
  if (!isMap(node)) {
    problem(node, msg('`rules` must map rule ids to off, hint, info, warning or error.'));
    return;
  }
  for (const p of node.items) {
    const pair = p as Pair<Scalar, Node | null>;
    const key = keyOf(pair);
    if (key === undefined) continue;
    if (!RULES.has(key)) {
      const guess = nearest(key, RULE_IDS, 4);
      problem(
        pair.key,
        guess
          ? msg('`{key}` is not a rule id; did you mean `{guess}`?', { key, guess })
          : msg('`{key}` is not a rule id.', { key }),
        guess ? { fix: 'rename-key', to: guess } : undefined,
      );
      continue;
    }
    const v = isScalar(pair.value) ? String(pair.value.value) : undefined;
    if (!v || !SEVERITIES.includes(v)) {
      problem(
        pair.value ?? pair.key,
        msg('The severity of `{key}` must be one of {severities}.', { key, severities: commas(SEVERITIES) }),
      );
      continue;
    }
    cfg.rules[key] = v as SeveritySetting;
  }
}

/** Path of `uri` relative to the config's folder, or undefined when outside it. */
export function relativeTo(rootUri: string, uri: string): string | undefined {
  const base = rootUri.endsWith('/') ? rootUri : rootUri + '/';
  if (!uri.startsWith(base)) return undefined;
  return decodeURIComponent(uri.slice(base.length));
}

export interface FilePlacement {
  clusters: string[];
  namespace?: string;
  /** Placements configured in the governing tsb.config.yaml at all. */
  configured: boolean;
}

export function placementOf(cfg: ProjectConfig | undefined, uri: string): FilePlacement {
  if (!cfg) return { clusters: [], configured: false };
  const rel = relativeTo(cfg.rootUri, uri);
  if (rel === undefined) return { clusters: [], configured: false };
  const clusters = new Set<string>();
  let namespace: string | undefined;
  for (const p of cfg.placements) {
    if (!p.match(rel)) continue;
    for (const c of p.clusters) clusters.add(c);
    namespace ??= p.namespace;
  }
  return { clusters: [...clusters], ...(namespace ? { namespace } : {}), configured: cfg.placements.length > 0 };
}
