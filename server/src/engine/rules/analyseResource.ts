import { isMap, isScalar, type Pair, type Scalar } from 'yaml';
import type { SchemaEntry, JsonSchema } from '../../../../schemas/src/types';
import type { Resource } from '../parse/parsedChunk';
import { identify, type Identity } from '../parse/identify';
import { coveredBy, PLACEHOLDER_NOTICE, templatedValues } from '../parse/templates';
import { field, readTsbMeta, GROUP_ANNOTATION } from '../parse/tsbMeta';
import type { SchemaRegistry } from '../schema/registry';
import type { RawProblem } from '../types';
import { commas, msg, ors, schemaText, type Message } from '../l10n/message';
import { editDistance, nearest } from '../util/nearest';
import { walkFields } from './fieldWalk';
import type { Relocation, Rename } from './fieldPaths';
import { mapSchemaErrors } from './schemaErrors';
import { kubernetesValueProblems, tsbValueProblems } from './valueRules';
import { findKeyIgnoringCase } from '../util/caseTolerant';

// Single-document rules for one resource: identification (unknown-kind, tolerant apiVersion/kind keys),
// the schema walk (unknown-field, key-case, deprecated-field), ajv validation (missing-field,
// invalid-type, invalid-value) and the TSB parent chain in metadata or GitOps annotations.

export interface ResourceAnalysis {
  identity: Identity;
  entry?: SchemaEntry;
  problems: RawProblem[];
  /** Mis-indented blocks read where they belong (by validation and by the cross-file facts). */
  relocations?: Relocation[];
}

export function analyseResource(res: Resource, text: string, registry: SchemaRegistry): ResourceAnalysis {
  const identity = identify(res.node);
  const problems: RawProblem[] = [];
  let inferred = false;
  if (!identity.apiVersion && !identity.apiVersionPair && identity.kind) {
    // No apiVersion at all: a TSB kind with a TSB parent chain is still recognised, and reported.
    const guess = inferApiVersion(res.value, identity.kind, registry);
    if (guess) {
      identity.apiVersion = guess;
      identity.group = guess.slice(0, guess.lastIndexOf('/'));
      identity.family = 'tetrate';
      inferred = true;
      const r = identity.kindPair!.key.range!;
      problems.push({
        rule: 'missing-field',
        message: msg('This {kind} has no `apiVersion`; from its metadata it is `apiVersion: {apiVersion}`.', {
          kind: identity.kind,
          apiVersion: guess,
        }),
        start: r[0],
        end: identity.kindPair!.value && isScalar(identity.kindPair!.value) ? identity.kindPair!.value.range![1] : r[1],
        data: { fix: 'add-field', field: 'apiVersion', snippet: `apiVersion: ${guess}`, indent: 0, before: true },
      });
    }
  }
  if (identity.family === 'kubernetes' && identity.kind)
    return { identity, problems: [...problems, ...kubernetesValueProblems(res.node, identity)] };
  if (identity.family !== 'tetrate' || !identity.apiVersion) return { identity, problems };

  const kind = identity.kind;
  if (!kind) {
    const guess = guessKindFromSpec(res.value, identity.apiVersion, registry);
    const r = identity.apiVersionPair!.key.range!;
    problems.push({
      rule: 'missing-field',
      message: guess
        ? msg('This {apiVersion} document has no `kind`; from its fields it looks like a {kind}.', {
            apiVersion: identity.apiVersion,
            kind: guess,
          })
        : msg('This {apiVersion} document has no `kind`.', { apiVersion: identity.apiVersion }),
      start: r[0],
      end:
        identity.apiVersionPair!.value && isScalar(identity.apiVersionPair!.value)
          ? identity.apiVersionPair!.value.range![1]
          : r[1],
      ...(guess ? { data: { fix: 'add-field' as const, field: 'kind', snippet: `kind: ${guess}`, indent: 0 } } : {}),
    });
    return { identity, problems };
  }
  const entry = registry.lookup(identity.apiVersion, kind);
  if (!entry) {
    problems.push(unknownKind(identity, kind, registry));
    return { identity, problems };
  }

  const schema = entry.schema as JsonSchema;
  const walk = walkFields(res.node, schema, kind, text);
  // apiVersion/kind keys that are misspelled (not only mis-cased) were found by fuzzy identification.
  for (const [pair, want] of [
    [identity.apiVersionPair, 'apiVersion'],
    [identity.kindPair, 'kind'],
  ] as const) {
    const key = pair ? String(pair.key.value) : want;
    if ((inferred && want === 'apiVersion') || (pair && key !== want && key.toLowerCase() !== want.toLowerCase())) {
      const m = walk.meant.get('') ?? new Set<string>();
      m.add(want);
      walk.meant.set('', m);
    }
  }
  for (const p of walk.problems) problems.push(p);

  if (entry.deprecated && identity.kindPair?.value && isScalar(identity.kindPair.value)) {
    const r = identity.kindPair.value.range!;
    problems.push({
      rule: 'deprecated-field',
      message: msg('{kind} ({apiVersion}) is deprecated: {why}', {
        kind,
        apiVersion: identity.apiVersion,
        why: schemaText(entry.deprecated),
      }),
      start: r[0],
      end: r[1],
    });
  }

  const value = normalise(res.value, walk.renames, walk.relocations);
  const validate = registry.validator(entry);
  if (!validate(value) && validate.errors) {
    // A value with a placeholder ($PORT, {{ .Values.x }}) is filled in before apply: no type check on it.
    const templated = validate.errors.length ? templatedValues(res.node, text) : [];
    const errors = templated.length
      ? validate.errors.filter((e) => !coveredBy(e.instancePath, templated))
      : validate.errors;
    if (errors.length < validate.errors.length) {
      const hit = validate.errors.map((e) => coveredBy(e.instancePath, templated)).filter((t) => t !== undefined);
      const first = hit.reduce((a, b) => (b.start < a.start ? b : a));
      problems.push({ rule: 'file-skipped', message: PLACEHOLDER_NOTICE, start: first.start, end: first.end });
    }
    for (const p of mapSchemaErrors(errors, res.node, schema, kind, text, walk)) problems.push(p);
  }

  if (entry.dialect === 'tsb' && !entry.permissive) problems.push(...parentChecks(res, entry, identity, text));
  problems.push(...tsbValueProblems(res.node, res.value, identity, entry));
  const analysis: ResourceAnalysis = { identity, entry, problems };
  if (walk.relocations.length) analysis.relocations = walk.relocations.map(({ from, to }) => ({ from, to }));
  return analysis;
}

function unknownKind(identity: Identity, kind: string, registry: SchemaRegistry): RawProblem {
  const apiVersion = identity.apiVersion!;
  const valueRange = (p: Pair<Scalar, unknown> | undefined) =>
    p?.value && isScalar(p.value) && p.value.range ? p.value.range : (p?.key.range ?? [0, 1, 1]);
  const elsewhere = registry.entriesForKind(kind);
  if (elsewhere.length) {
    const versions = elsewhere.flatMap((e) => e.apiVersions);
    const to = nearest(apiVersion, versions, 40) ?? versions[0]!;
    const r = valueRange(identity.apiVersionPair);
    return {
      rule: 'unknown-kind',
      message: msg('{apiVersion} has no kind {kind}; {kind} is {versions}.', {
        apiVersion,
        kind,
        versions: ors(versions),
      }),
      start: r[0],
      end: r[1],
      data: { fix: 'replace-value', to, candidates: versions },
    };
  }
  const known = registry.kindsOf(apiVersion);
  // A fix is offered only for an obvious typo within the same group: a kind this tool does not know
  // may well be real (TSB has kinds beyond its schemas), and rewriting it to another kind breaks it.
  const nearKind = registry.nearestKind(kind, apiVersion);
  const guess = nearKind && known.includes(nearKind) && obviousTypo(kind, nearKind) ? nearKind : undefined;
  const r = valueRange(identity.kindPair);
  if (known.length === 0) {
    const near = nearest(apiVersion, registry.apiVersions(), 6);
    const group = near && obviousTypo(apiVersion, near) ? near : undefined;
    return {
      rule: 'unknown-kind',
      message: group
        ? guess
          ? msg(
              '{apiVersion} is not a TSB API version this tool knows; did you mean {group}? ({kind} is a known kind.)',
              { apiVersion, group, kind: guess },
            )
          : msg('{apiVersion} is not a TSB API version this tool knows; did you mean {group}?', { apiVersion, group })
        : guess
          ? msg('{apiVersion} is not a TSB API version this tool knows. ({kind} is a known kind.)', {
              apiVersion,
              kind: guess,
            })
          : msg('{apiVersion} is not a TSB API version this tool knows.', { apiVersion }),
      start: valueRange(identity.apiVersionPair)[0],
      end: valueRange(identity.apiVersionPair)[1],
      ...(group ? { data: { fix: 'replace-value' as const, to: group } } : {}),
    };
  }
  return {
    rule: 'unknown-kind',
    message: guess
      ? msg('{apiVersion} has no kind {kind} that this tool knows; did you mean {guess}?', { apiVersion, kind, guess })
      : msg('{apiVersion} has no kind {kind} that this tool knows. Its kinds are {kinds}.', {
          apiVersion,
          kind,
          kinds: commas(known),
        }),
    start: r[0],
    end: r[1],
    ...(guess ? { data: { fix: 'replace-value' as const, to: guess, candidates: known } } : {}),
  };
}

/** A misspelling rather than another word: case only, or one edit (two for longer names). */
function obviousTypo(written: string, known: string): boolean {
  const a = written.toLowerCase();
  const b = known.toLowerCase();
  return a === b || editDistance(a, b) <= (b.length <= 5 ? 1 : 2);
}

function guessKindFromSpec(value: unknown, apiVersion: string, registry: SchemaRegistry): string | undefined {
  const spec = field(value, 'spec');
  const keys = spec && typeof spec === 'object' ? Object.keys(spec) : [];
  if (!keys.length) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  for (const kind of registry.kindsOf(apiVersion)) {
    const entry = registry.lookup(apiVersion, kind)!;
    const props = ((entry.schema['properties'] as Record<string, JsonSchema> | undefined)?.['spec']?.['properties'] ??
      {}) as Record<string, unknown>;
    const score = keys.filter((k) => k in props).length / keys.length;
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  return bestScore >= 0.99 ? best : undefined;
}

/** True when some mapping in `value` has a null (empty) value. */
function hasNull(value: unknown, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 200) return false;
  if (Array.isArray(value)) return value.some((v) => hasNull(v, depth + 1));
  for (const v of Object.values(value)) if (v === null || hasNull(v, depth + 1)) return true;
  return false;
}

/** Drops null-valued keys: Kubernetes (null fields are pruned) and protobuf JSON read them as unset. */
function dropNulls(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > 200) return value;
  if (Array.isArray(value)) return value.map((v) => dropNulls(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v, depth + 1);
  return out;
}

/**
 * The value validation sees: what the user meant. Key-case renames applied, mis-indented blocks moved where
 * they belong, and empty keys (`kubeSpec:` followed only by comments) read as unset.
 */
export function normalise(value: unknown, renames: Rename[], relocations: readonly Relocation[] = []): unknown {
  if (hasNull(value)) value = dropNulls(value);
  if (!renames.length && !relocations.length) return value;
  const copy = structuredClone(value);
  // Renames on the way to a misplaced block apply before it moves, renames inside it after.
  applyRenames(copy, renames);
  for (const r of relocations) relocate(copy, r);
  if (relocations.length) applyRenames(copy, renames);
  return copy;
}

function applyRenames(root: unknown, renames: Rename[]): void {
  for (const r of renames) {
    const target = at(root, r.path);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      const o = target as Record<string, unknown>;
      if (r.from in o && !(r.to in o)) {
        o[r.to] = o[r.from];
        delete o[r.from];
      }
    }
  }
}

function at(root: unknown, path: readonly (string | number)[]): unknown {
  let target = root;
  for (const seg of path) target = (target as Record<string | number, unknown> | undefined)?.[seg];
  return target;
}

/** Moves the value at `from` to `to`, creating the mappings on the way (an empty key was dropped as unset). */
export function relocate(root: unknown, r: Relocation): void {
  const parent = at(root, r.from.slice(0, -1));
  const key = r.from[r.from.length - 1]!;
  if (!parent || typeof parent !== 'object' || !(key in parent)) return;
  let target = root as Record<string | number, unknown>;
  for (const seg of r.to.slice(0, -1)) {
    let next = target[seg];
    if ((next === undefined || next === null) && typeof seg === 'string' && !Array.isArray(target))
      next = target[seg] = {};
    if (!next || typeof next !== 'object') return;
    target = next as Record<string | number, unknown>;
  }
  const last = r.to[r.to.length - 1]!;
  if (last in target) return;
  target[last] = (parent as Record<string | number, unknown>)[key];
  delete (parent as Record<string | number, unknown>)[key];
}

const PARENT_TEXT: Record<string, Message> = {
  organization: msg('the organization it belongs to'),
  tenant: msg('the tenant it belongs to'),
  workspace: msg('the workspace it belongs to'),
  group: msg('the group it belongs to'),
};

function parentChecks(res: Resource, entry: SchemaEntry, identity: Identity, text: string): RawProblem[] {
  const out: RawProblem[] = [];
  const meta = readTsbMeta(res.value, identity.apiVersion, entry.groupType);
  const mdPair = findKeyIgnoringCase(
    res.node.items,
    (p) => (isScalar(p.key) ? String(p.key.value) : undefined),
    'metadata',
  ) as Pair<Scalar, unknown> | undefined;
  if (!mdPair || !isMap(mdPair.value)) return out;
  const r = mdPair.key.range!;
  const indent = r[0] - (text.lastIndexOf('\n', r[0] - 1) + 1) + 2;
  let templated: ReturnType<typeof templatedValues> | undefined;
  for (const parent of entry.parents) {
    if (meta[parent]) continue;
    // `tenant: {{ .Values.tenant }}` is filled in before apply.
    templated ??= templatedValues(res.node, text);
    if (coveredBy(`/metadata/${parent}`, templated)) continue;
    if (meta.form === 'tctl') {
      out.push({
        rule: 'missing-field',
        message: msg(
          '{kind} metadata is missing `{field}` ({what}): tctl resolves the parent chain {chain} from metadata.',
          { kind: entry.kind, field: parent, what: PARENT_TEXT[parent]!, chain: entry.parents.join(' → ') },
        ),
        start: r[0],
        end: r[1],
        data: { fix: 'add-field', field: parent, snippet: `${parent}: `, indent },
      });
    } else {
      const annotation =
        parent === 'group' && entry.groupType ? GROUP_ANNOTATION[entry.groupType] : `tsb.tetrate.io/${parent}`;
      out.push({
        rule: 'missing-field',
        message: msg(
          '{kind} (GitOps form) is missing the annotation `{annotation}` ({what}): GitOps reads the parent chain from tsb.tetrate.io/* annotations.',
          { kind: entry.kind, annotation, what: PARENT_TEXT[parent]! },
        ),
        start: r[0],
        end: r[1],
      });
    }
  }
  return out;
}

function inferApiVersion(value: unknown, kind: string, registry: SchemaRegistry): string | undefined {
  const entries = registry.entriesForKind(kind).filter((e) => e.dialect === 'tsb' || e.dialect === 'install');
  if (!entries.length) return undefined;
  const md = field(value, 'metadata');
  const annotations = field(md, 'annotations');
  const tctl = ['organization', 'tenant', 'workspace', 'group'].some((k) => field(md, k) !== undefined);
  const gitops =
    !!annotations &&
    typeof annotations === 'object' &&
    Object.keys(annotations).some((k) => k.startsWith('tsb.tetrate.io/'));
  if (tctl || gitops) {
    const tsb = entries.find((e) => e.dialect === 'tsb');
    if (!tsb) return undefined;
    return gitops && !tctl
      ? (tsb.apiVersions.find((v) => v === 'tsb.tetrate.io/v2') ?? tsb.apiVersions[0])
      : tsb.apiVersions[0];
  }
  // Install CRs carry only Kubernetes metadata; recognise them only by TSB-only spec fields.
  const spec = field(value, 'spec');
  const install = entries.find((e) => e.dialect === 'install');
  if (
    install &&
    spec &&
    typeof spec === 'object' &&
    ('eastWestOnly' in spec || 'kubeSpec' in spec || 'managementPlane' in spec)
  )
    return install.apiVersions[0];
  return undefined;
}
