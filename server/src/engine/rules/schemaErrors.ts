import type { ErrorObject } from 'ajv';
import { isMap, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { JsonSchema } from '../../../../schemas/src/types';
import type { RawProblem } from '../types';
import { ands, commas, msg, msgN } from '../l10n/message';
import { render } from '../l10n/translate';
import { childSchema, keywordOf, schemaAtPath } from '../schema/schemaNav';
import { nearest } from '../util/nearest';
import { formatCount, limitProblem } from '../budgets';
import type { WalkResult } from './fieldPaths';
import {
  childIndent,
  decodePointer,
  keyOf,
  nodeAtPointer,
  rangeOf,
  rootRange,
  writtenPath,
} from './schemaErrorLocation';
import { fieldLabel, namespaceMeant, schemaMessage, shorten, skeleton, typeWord, valueText } from './schemaErrorText';

// Maps ajv errors (JSON pointers into the resource value) to problems on exact YAML ranges.
// One seam: every instancePath resolves to a node by walking the YAML tree, falling back to the
// nearest existing ancestor; `required` points at the parent's key; values use their own range.

const MAX_SCHEMA_ERRORS = 5_000;

export function mapSchemaErrors(
  errors: ErrorObject[],
  root: YAMLMap,
  schema: JsonSchema,
  kind: string,
  text: string,
  walk: WalkResult,
): RawProblem[] {
  const out: RawProblem[] = [];
  const seen = new Set<string>();
  // Errors inside a failed oneOf/anyOf branch are replaced by one message for the whole constraint.
  const groups = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath));
  const inGroup = (path: string) => {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1))
      if (groups.has(path.slice(0, i))) return true;
    return false;
  };
  // additionalProperties: the field walk reports unknown keys, with better messages.
  errors = errors.filter(
    (e) => e.keyword !== 'additionalProperties' && e.keyword !== 'if' && e.keyword !== 'false schema',
  );
  // Each error costs a lookup in the tree; a document with tens of thousands of them lists the first ones.
  if (errors.length > MAX_SCHEMA_ERRORS) {
    const r = root.range ?? [0, 1, 1];
    out.push(
      limitProblem(
        msg('This document has {count} schema errors; only the first {limit} are examined.', {
          count: formatCount(errors.length),
          limit: formatCount(MAX_SCHEMA_ERRORS),
        }),
        r[0],
        r[0] + 1,
      ),
    );
    errors = errors.slice(0, MAX_SCHEMA_ERRORS);
  }
  for (const e of errors) {
    if (groups.size && inGroup(e.schemaPath)) continue;
    // `not` inside an allOf entry with errorMessage: the entry is reported through its own errorMessage.
    const segments = decodePointer(e.instancePath);
    if (walk.explained.has(e.instancePath)) continue;
    // A moved (mis-indented) block is validated where it belongs but underlined where it is written.
    const loc = nodeAtPointer(root, writtenPath(segments, walk.relocations));
    const parentSchema = (e.parentSchema ?? {}) as JsonSchema;
    const custom = schemaMessage(parentSchema, 'errorMessage');
    let problem: RawProblem | undefined;
    const [start, end] = rangeOf(loc, text, root);
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        if (walk.meant.get(e.instancePath)?.has(missing)) break;
        const objSchema = schemaAtPath(
          schema,
          segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        );
        const propSchema = childSchema(objSchema, schema, missing);
        const desc = keywordOf(propSchema, schema, 'description');
        const where = segments.length === 0 ? kind : fieldLabel(segments, kind);
        const about = desc ? shorten(desc) : undefined;
        // Written but empty (`spec:` with nothing under it): read as unset, so it is missing all the same.
        const empty = isMap(loc.node)
          ? (loc.node.items as Pair<Scalar, Node | null>[]).find((p) => keyOf(p) === missing)
          : undefined;
        if (empty?.key?.range) {
          problem = {
            rule: 'missing-field',
            message: about
              ? msg('`{field}` is empty, which Kubernetes and TSB read as unset, but {where} requires it ({about}).', {
                  field: missing,
                  where,
                  about,
                })
              : msg('`{field}` is empty, which Kubernetes and TSB read as unset, but {where} requires it.', {
                  field: missing,
                  where,
                }),
            start: empty.key.range[0],
            end: empty.key.range[1],
          };
          break;
        }
        const target = segments.length === 0 ? rootRange(root, text) : [start, end];
        problem = {
          rule: 'missing-field',
          message: about
            ? msg('{where} is missing the required field `{field}` ({about}).', { where, field: missing, about })
            : msg('{where} is missing the required field `{field}`.', { where, field: missing }),
          start: target[0]!,
          end: target[1]!,
          data: {
            fix: 'add-field',
            field: missing,
            snippet: skeleton(missing, propSchema, schema),
            indent: childIndent(loc, text, segments.length === 0 ? root : undefined),
          },
        };
        break;
      }
      case 'type': {
        const expected = (e.params as { type: unknown }).type;
        const hint =
          typeof e.data === 'string' && /^(true|false)$/i.test(e.data) && String(expected).includes('boolean')
            ? msg(' Remove the quotes.')
            : typeof e.data === 'string' &&
                /^(yes|no|on|off|y|n)$/i.test(e.data) &&
                String(expected).includes('boolean')
              ? msg(' YAML 1.2 reads {value} as text: write {bool}.', {
                  value: e.data,
                  bool: /^(yes|on|y)$/i.test(e.data) ? 'true' : 'false',
                })
              : typeof e.data === 'string' && /^-?\d+$/.test(e.data) && /integer|number/.test(String(expected))
                ? msg(' Remove the quotes.')
                : '';
        problem = {
          rule: 'invalid-type',
          message: msg('{field} must be {type}, not {value}.{hint}', {
            field: fieldLabel(segments, kind),
            type: typeWord(expected),
            value: valueText(e.data),
            hint,
          }),
          start,
          end,
          ...(hint && typeof e.data === 'string'
            ? {
                data: {
                  fix: 'replace-value' as const,
                  to: /^(yes|on|y)$/i.test(e.data)
                    ? 'true'
                    : /^(no|off|n)$/i.test(e.data)
                      ? 'false'
                      : e.data.toLowerCase(),
                },
              }
            : {}),
        };
        break;
      }
      case 'enum':
      case 'const': {
        const allowed =
          e.keyword === 'enum'
            ? (e.params as { allowedValues: unknown[] }).allowedValues
            : [(e.params as { allowedValue: unknown }).allowedValue];
        const guess = typeof e.data === 'string' ? nearest(e.data, allowed.map(String), 4) : undefined;
        problem = {
          rule: 'invalid-value',
          message: guess
            ? msg('{field} must be one of {allowed}, not {value}; did you mean {guess}?', {
                field: fieldLabel(segments, kind),
                allowed: commas(allowed.map(String)),
                value: valueText(e.data),
                guess,
              })
            : msg('{field} must be one of {allowed}, not {value}.', {
                field: fieldLabel(segments, kind),
                allowed: commas(allowed.map(String)),
                value: valueText(e.data),
              }),
          start,
          end,
          ...(guess ? { data: { fix: 'replace-value' as const, to: guess, candidates: allowed.map(String) } } : {}),
        };
        break;
      }
      case 'pattern': {
        const how =
          schemaMessage(parentSchema, 'patternErrorMessage') ??
          custom ??
          msg('It must match {pattern}.', { pattern: (e.params as { pattern: string }).pattern });
        const meant = namespaceMeant(segments, e.data);
        problem = {
          rule: 'invalid-value',
          message: msg('{value} is not a valid value for {field}. {how}', {
            value: valueText(e.data),
            field: fieldLabel(segments, kind),
            how,
          }),
          start,
          end,
          ...(meant ? { data: { fix: 'replace-value' as const, to: meant } } : {}),
        };
        break;
      }
      case 'not': {
        const notSchema = (e.schema ?? {}) as JsonSchema;
        const req = Array.isArray(notSchema['required']) ? (notSchema['required'] as string[]) : undefined;
        let [s, en] = [start, end];
        if (req && isMap(loc.node)) {
          const second = (loc.node.items as Pair<Scalar>[]).filter((p) => req.includes(String(p.key?.value))).pop();
          if (second?.key?.range) [s, en] = [second.key.range[0], second.key.range[1]];
        }
        problem = {
          rule: 'invalid-value',
          message:
            custom ??
            (req
              ? msg('Set only one of {fields}.', { fields: ands(req.map((r) => `\`${r}\``)) })
              : msg('{value} is not allowed for {field}.', {
                  value: valueText(e.data),
                  field: fieldLabel(segments, kind),
                })),
          start: s,
          end: en,
        };
        break;
      }
      case 'oneOf':
      case 'anyOf': {
        problem = {
          rule: 'invalid-value',
          message: custom ?? msg('{field} does not match any allowed shape.', { field: fieldLabel(segments, kind) }),
          start,
          end,
        };
        break;
      }
      case 'minItems':
      case 'minProperties':
      case 'minLength': {
        const limit = (e.params as { limit: number }).limit;
        const what =
          e.keyword === 'minItems'
            ? msgN(limit, 'at least {limit} item', 'at least {limit} items', { limit })
            : e.keyword === 'minProperties'
              ? msgN(limit, 'at least {limit} entry', 'at least {limit} entries', { limit })
              : limit === 1
                ? msg('a non-empty value')
                : msg('at least {limit} characters', { limit });
        problem = {
          rule: 'invalid-value',
          message: custom ?? msg('{field} needs {what}.', { field: fieldLabel(segments, kind), what }),
          start,
          end,
        };
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = e.params as { comparison: string; limit: number };
        problem = {
          rule: 'invalid-value',
          message:
            custom ??
            msg('{field} must be {comparison} {limit}, not {value}.', {
              field: fieldLabel(segments, kind),
              comparison: p.comparison,
              limit: p.limit,
              value: valueText(e.data),
            }),
          start,
          end,
        };
        break;
      }
      default:
        problem = {
          rule: 'invalid-value',
          message:
            custom ??
            (e.message
              ? msg('{field} {error}.', { field: fieldLabel(segments, kind), error: e.message })
              : msg('{field} is not valid.', { field: fieldLabel(segments, kind) })),
          start,
          end,
        };
    }
    if (!problem) continue;
    const key = `${problem.rule}|${problem.start}|${render(problem.message)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
