import { isMap, isScalar, isSeq, isAlias, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { JsonSchema } from '../../../../schemas/src/types';
import type { RawProblem } from '../types';
import { childSchema, isClosedObject, isDeprecated, keywordOf, propertiesOf } from '../schema/schemaNav';
import { nearest } from '../util/nearest';
import { isPlaceholder } from '../parse/templates';
import { defaultVersionProblem, type VersionRange } from '../schema/versions';
import { BUDGETS, formatCount, limitProblem } from '../budgets';
import { commas, msg, msgN, schemaText, type Message } from '../l10n/message';
import { findKeyIgnoringCase } from '../util/caseTolerant';
import { pointer, type Relocation, type WalkResult } from './fieldPaths';

// Walks a resource's YAML tree beside its schema and reports keys the schema does not know
// (unknown-field, with the nearest name or the level the key belongs to), keys in the wrong case
// (key-case) and deprecated fields. ajv's additionalProperties errors are not used: this walker
// knows where a key would belong, which is what a user needs when a block is mis-indented.

interface Ctx {
  root: JsonSchema;
  kind: string;
  text: string;
  out: WalkResult;
  /** Per mapping, its keys (built once: every lookup of a sibling must not rescan the mapping). */
  keys: WeakMap<YAMLMap, Map<string, Pair<Scalar, Node | null>>>;
  /** Per mapping, the keys an unknown key may belong under: its known keys in order, then the schema's. */
  siblings: WeakMap<YAMLMap, Set<string>>;
  /** Offsets where lines start, built on first use (columns without scanning back along a long line). */
  lineStarts?: number[];
}

export function walkFields(node: YAMLMap, schema: JsonSchema, kind: string, text: string): WalkResult {
  const out: WalkResult = { problems: [], renames: [], relocations: [], explained: new Set(), meant: new Map() };
  walk(node, schema, [], undefined, { root: schema, kind, text, out, keys: new WeakMap(), siblings: new WeakMap() });
  return out;
}

function keysOf(map: YAMLMap, ctx: Ctx): Map<string, Pair<Scalar, Node | null>> {
  let keys = ctx.keys.get(map);
  if (!keys) {
    keys = new Map();
    for (const p of map.items) {
      const k = keyName(p as Pair);
      if (k !== undefined && !keys.has(k)) keys.set(k, p as Pair<Scalar, Node | null>);
    }
    ctx.keys.set(map, keys);
  }
  return keys;
}

function describePlace(path: (string | number)[], kind: string): Message {
  if (path.length === 0) return msg('the top level of {kind}', { kind });
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    const owner = [...path].reverse().find((p) => typeof p === 'string');
    return owner === undefined ? msg('an item of `the list`') : msg('an item of `{field}`', { field: String(owner) });
  }
  return msg('`{field}`', { field: String(last) });
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')
    ? String(pair.key.value)
    : undefined;
}

function walk(
  node: unknown,
  schema: JsonSchema | undefined,
  path: (string | number)[],
  parent: { map: YAMLMap; schema: JsonSchema; path: (string | number)[] } | undefined,
  ctx: Ctx,
): void {
  if (!schema || isAlias(node)) return;
  if (isSeq(node)) {
    node.items.forEach((item, i) => {
      walk(item, childSchema(schema, ctx.root, i), [...path, i], parent, ctx);
    });
    return;
  }
  if (!isMap(node)) return;
  const props = propertiesOf(schema, ctx.root);
  const closed = isClosedObject(schema, ctx.root);
  let seen = 0;
  for (const item of node.items) {
    const pair = item as Pair<Scalar, Node | null>;
    if (++seen > BUDGETS.keysPerMapping) {
      const r = pair.key?.range ?? node.range ?? [0, 1, 1];
      ctx.out.problems.push(
        limitProblem(
          msg(
            'This mapping has {count} keys; only the first {limit} are checked (a limit that keeps time and memory bounded).',
            { count: formatCount(node.items.length), limit: formatCount(BUDGETS.keysPerMapping) },
          ),
          r[0],
          r[1],
        ),
      );
      break;
    }
    const key = keyName(pair);
    // A key that is itself a placeholder (`${LABEL_KEY}: x`) is filled in before apply.
    if (key === undefined || key === '<<' || isPlaceholder(key)) continue;
    let child = props.has(key) ? childSchema(schema, ctx.root, key) : undefined;
    let effectiveKey = key;
    if (!props.has(key)) {
      const cased = findKeyIgnoringCase(props.keys(), (k) => k, key);
      if (cased && !keysOf(node, ctx).has(cased)) {
        ctx.out.problems.push({
          rule: 'key-case',
          message: keyCaseMessage(key, cased, path),
          start: pair.key.range![0],
          end: pair.key.range![1],
          data: { fix: 'rename-key', to: cased },
        });
        ctx.out.renames.push({ path, from: key, to: cased });
        child = childSchema(schema, ctx.root, cased);
        effectiveKey = cased;
      } else if (closed) {
        const { problem, relocation } = unknownField(pair, key, node, schema, path, parent, props, ctx);
        ctx.out.problems.push(problem);
        if (relocation) {
          // Validated where it belongs: its own unknown fields and wrong values are reported now too.
          ctx.out.relocations.push(relocation);
          walk(pair.value, relocation.schema, relocation.to, undefined, ctx);
        }
        continue;
      } else {
        child = childSchema(schema, ctx.root, key);
      }
    }
    // Marks sit on the property itself, beside a `$ref` that childSchema resolves away.
    const own = props.get(effectiveKey);
    const range = own ? versionRange(own, effectiveKey) : undefined;
    if (range) {
      // Reported with its versions; the project words it for the chosen TSB version (or drops it).
      const d = defaultVersionProblem(range);
      ctx.out.problems.push({
        rule: d?.rule ?? 'deprecated-field',
        message: d?.message ?? msg('`{field}` is a field of newer TSB versions.', { field: effectiveKey }),
        start: pair.key.range![0],
        end: pair.key.range![1],
        versions: range,
      });
    } else if (
      child &&
      (own?.['deprecated'] === true || isDeprecated(child, ctx.root)) &&
      !(path.length === 0 && effectiveKey === 'kind')
    ) {
      // A deprecated kind is reported once, on its value, by the resource analysis.
      const instead =
        typeof own?.['deprecationMessage'] === 'string'
          ? (own['deprecationMessage'] as string)
          : keywordOf(child, ctx.root, 'deprecationMessage');
      ctx.out.problems.push({
        rule: 'deprecated-field',
        message: instead
          ? msg('`{field}` is deprecated in the TSB API: {instead}', {
              field: effectiveKey,
              instead: schemaText(instead),
            })
          : msg('`{field}` is deprecated in the TSB API.', { field: effectiveKey }),
        start: pair.key.range![0],
        end: pair.key.range![1],
      });
    }
    walk(pair.value, child, [...path, effectiveKey], { map: node, schema, path }, ctx);
  }
}

function versionRange(schema: JsonSchema, field: string): VersionRange | undefined {
  const since = schema['x-tsb-since'];
  const until = schema['x-tsb-until'];
  if (typeof since !== 'string' && typeof until !== 'string') return undefined;
  const use = schema['x-tsb-use'];
  return {
    field,
    ...(typeof since === 'string' ? { since } : {}),
    ...(typeof until === 'string' ? { until } : {}),
    ...(typeof use === 'string' ? { use } : {}),
  };
}

function keyCaseMessage(key: string, cased: string, path: (string | number)[]): Message {
  if (path.length === 0 && (cased === 'apiVersion' || cased === 'kind' || cased === 'metadata' || cased === 'spec')) {
    return msg(
      '`{key}` should be written `{cased}`: tctl may tolerate it, but kubectl, GitOps and Kubernetes reject the wrong case.',
      { key, cased },
    );
  }
  return msg(
    '`{key}` should be written `{cased}`: YAML keys are case-sensitive, so `{key}` is ignored by Kubernetes and GitOps.',
    { key, cased },
  );
}

function lineCount(text: string, start: number, end: number): number {
  let n = 1;
  for (let i = start; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  // A trailing newline at the end of the value does not start another line of the block.
  if (end > start && text.charCodeAt(end - 1) === 10) n--;
  return Math.max(1, n);
}

function columnOf(ctx: Ctx, offset: number): number {
  if (!ctx.lineStarts) {
    const starts = [0];
    for (let i = ctx.text.indexOf('\n'); i !== -1; i = ctx.text.indexOf('\n', i + 1)) starts.push(i + 1);
    ctx.lineStarts = starts;
  }
  const starts = ctx.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return offset - starts[lo]!;
}

function unknownField(
  pair: Pair<Scalar, Node | null>,
  key: string,
  map: YAMLMap,
  schema: JsonSchema,
  path: (string | number)[],
  parent: { map: YAMLMap; schema: JsonSchema; path: (string | number)[] } | undefined,
  props: Map<string, JsonSchema>,
  ctx: Ctx,
): { problem: RawProblem; relocation?: Relocation & { schema: JsonSchema } } {
  const start = pair.key.range![0];
  const end = pair.key.range![1];
  const valueEnd = pair.value?.range?.[1] ?? end;
  const lines = lineCount(ctx.text, start, valueEnd);
  const place = describePlace(path, ctx.kind);
  const col = columnOf(ctx, start);

  // One level deeper: a sibling object (present in the YAML first, then any declared one) has this key.
  const present = keysOf(map, ctx);
  let siblings = ctx.siblings.get(map);
  if (!siblings) {
    siblings = new Set<string>();
    for (const k of present.keys()) if (props.has(k)) siblings.add(k);
    for (const k of props.keys()) siblings.add(k);
    ctx.siblings.set(map, siblings);
  }
  for (const sib of siblings) {
    const sibSchema = childSchema(schema, ctx.root, sib);
    const target = propertiesOf(sibSchema, ctx.root).has(key)
      ? sibSchema
      : propertiesOf(childSchema(sibSchema, ctx.root, 0), ctx.root).has(key)
        ? childSchema(sibSchema, ctx.root, 0)
        : undefined;
    if (!target) continue;
    const sibPair = present.get(sib);
    const sibCol = sibPair ? columnOf(ctx, sibPair.key.range![0]) : col;
    const sibValue = sibPair?.value;
    const isEmpty =
      !sibPair || sibValue === null || (isScalar(sibValue) && (sibValue.value === null || sibValue.value === ''));
    const childCol =
      !isEmpty && isMap(sibValue) && sibValue.items[0]
        ? columnOf(ctx, (sibValue.items[0] as Pair<Scalar>).key.range![0])
        : sibCol + 2;
    if (sibPair && isEmpty) ctx.out.explained.add(pointer([...path, sib]));
    const spaces = childCol - col;
    // Moved for validation only where the intent is clear: under a sibling that is written (a mapping or
    // empty), or the only declared one that has this key, and that does not have the key already.
    const sibIsMap = !sibPair || isEmpty || isMap(sibValue);
    const unique =
      [...props.keys()].filter((k) => propertiesOf(childSchema(schema, ctx.root, k), ctx.root).has(key)).length === 1;
    const taken = isMap(sibValue) && sibValue.items.some((p) => keyName(p as Pair) === key);
    const to = [...path, sib, key];
    const relocation =
      sibIsMap && !taken && target === sibSchema && (sibPair || unique)
        ? { from: [...path, key], to, schema: childSchema(sibSchema, ctx.root, key) ?? {} }
        : undefined;
    const problem: RawProblem = {
      rule: 'unknown-field',
      message: sibPair
        ? msgN(
            spaces,
            '`{key}` is not a field of {place}; it belongs under `{sib}`: indent this block by {spaces} space so it sits inside `{sib}:`.',
            '`{key}` is not a field of {place}; it belongs under `{sib}`: indent this block by {spaces} spaces so it sits inside `{sib}:`.',
            { key, place, sib, spaces },
          )
        : msg(
            '`{key}` is not a field of {place}; it belongs under `{sib}`, which is missing: add `{sib}:` and indent this block under it.',
            { key, place, sib },
          ),
      start,
      end,
      ...(sibPair && spaces > 0 ? { data: { fix: 'indent' as const, under: sib, spaces, lines } } : {}),
    };
    return relocation ? { problem, relocation } : { problem };
  }

  // One level shallower: the enclosing object has this key (a block indented too far).
  if (parent) {
    const parentProps = propertiesOf(parent.schema, ctx.root);
    if (parentProps.has(key) && !keysOf(parent.map, ctx).has(key)) {
      const ownerKey = [...path].reverse().find((p) => typeof p === 'string');
      const firstParentKey = parent.map.items[0] as Pair<Scalar> | undefined;
      const parentCol = firstParentKey ? columnOf(ctx, firstParentKey.key.range![0]) : 0;
      const spaces = parentCol - col;
      const where =
        parent.path.length === 0
          ? msg('the top level of {kind}', { kind: ctx.kind })
          : describePlace(parent.path, ctx.kind);
      const relocation = {
        from: [...path, key],
        to: [...parent.path, key],
        schema: childSchema(parent.schema, ctx.root, key) ?? {},
      };
      const problem: RawProblem = {
        rule: 'unknown-field',
        message:
          ownerKey !== undefined
            ? msgN(
                -spaces,
                '`{key}` is not a field of {place}; it belongs one level up, in {where} beside `{owner}`: outdent this block by {spaces} space.',
                '`{key}` is not a field of {place}; it belongs one level up, in {where} beside `{owner}`: outdent this block by {spaces} spaces.',
                { key, place, where, owner: String(ownerKey), spaces: -spaces },
              )
            : msgN(
                -spaces,
                '`{key}` is not a field of {place}; it belongs one level up, in {where}: outdent this block by {spaces} space.',
                '`{key}` is not a field of {place}; it belongs one level up, in {where}: outdent this block by {spaces} spaces.',
                { key, place, where, spaces: -spaces },
              ),
        start,
        end,
        ...(spaces < 0 ? { data: { fix: 'indent' as const, under: String(ownerKey ?? ''), spaces, lines } } : {}),
      };
      return { problem, relocation };
    }
  }

  const names = [...props.keys()];
  const guess = nearest(key, names);
  if (guess) {
    const meant = ctx.out.meant.get(pointer(path)) ?? new Set<string>();
    meant.add(guess);
    ctx.out.meant.set(pointer(path), meant);
    return {
      problem: {
        rule: 'unknown-field',
        message: msg('`{key}` is not a field of {place}; did you mean `{guess}`?', { key, place, guess }),
        start,
        end,
        data: { fix: 'rename-key', to: guess },
      },
    };
  }
  const shown = commas([...names.slice(0, 10).map((n) => `\`${n}\``), ...(names.length > 10 ? ['…'] : [])]);
  return {
    problem: {
      rule: 'unknown-field',
      message: names.length
        ? msg('`{key}` is not a field of {place}. Known fields: {fields}.', { key, place, fields: shown })
        : msg('`{key}` is not a field of {place}.', { key, place }),
      start,
      end,
    },
  };
}
