import { TSB_VERSIONS } from '../../../../schemas/src/apiFacts.gen';
import type { RuleId, Severity } from '../problems';
import type { RawProblem } from '../types';
import { commas, msg, schemaText, type Message } from '../l10n/message';

// TSB versions: which fields a chosen version has. The analysis of a document does not depend on the
// version (documents are cached by text and analysed in worker threads); a field that only some
// versions have is reported with its range of versions, and the project turns that into the
// diagnostic for the version its tsb.config.yaml `tsbVersion:` or the `tsb.version` setting names.
// Without a version every version's fields are accepted; a field the current API no longer has is a
// `deprecated-field` note, an error only when the chosen version lacks it.

export interface VersionRange {
  field: string;
  /** First version with the field. */
  since?: string;
  /** First version without it. */
  until?: string;
  /** What replaces it. */
  use?: string;
}

/** `1.12`, `v1.12.3`, `current`, `latest` -> an index into TSB_VERSIONS (newer numbers than known: current). */
export function versionIndex(v: string): number | undefined {
  const s = v.trim().toLowerCase().replace(/^v/, '');
  if (s === 'current' || s === 'latest' || s === 'next') return TSB_VERSIONS.length - 1;
  const m = /^(\d+)\.(\d+)(\.\d+)?$/.exec(s);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const known = TSB_VERSIONS.map((x) => /^(\d+)\.(\d+)$/.exec(x)).map((x) =>
    x ? ([Number(x[1]), Number(x[2])] as const) : undefined,
  );
  const exact = known.findIndex((k) => k && k[0] === major && k[1] === minor);
  if (exact !== -1) return exact;
  const last = known.filter((k) => k !== undefined).pop()!;
  if (major > last[0] || (major === last[0] && minor > last[1])) return TSB_VERSIONS.length - 1;
  const first = known.find((k) => k !== undefined)!;
  if (major < first[0] || (major === first[0] && minor < first[1])) return 0;
  return undefined;
}

/** Versions a user may name, for messages. */
export const KNOWN_VERSIONS: Message = msg('{versions} or current', {
  versions: commas(TSB_VERSIONS.filter((v) => v !== 'current')),
});

const label = (v: string): Message =>
  v === 'current' ? msg('the current TSB API (after 1.13)') : msg('TSB {version}', { version: v });

/** What replaces a removed field, as a clause that ends its message (or nothing). */
function useInstead(r: VersionRange): Message | string {
  if (!r.use) return '';
  return /^nothing/.test(r.use)
    ? msg('; {why}', { why: schemaText(r.use.replace(/^nothing:\s*/, '')) })
    : msg('; use `{field}`', { field: r.use });
}

/** The message of a versioned field when no version is chosen (and the default diagnostic). */
export function defaultVersionProblem(r: VersionRange): { rule: RuleId; message: Message } | undefined {
  if (!r.until) return undefined;
  const use = useInstead(r);
  return {
    rule: 'deprecated-field',
    message:
      r.until === 'current'
        ? msg('`{field}` is a field of older TSB versions, not of the current TSB API{use}.', { field: r.field, use })
        : msg('`{field}` was removed in TSB {version}{use}.', { field: r.field, version: r.until, use }),
  };
}

/**
 * The diagnostic of a versioned field for the chosen version: undefined (no diagnostic), a
 * deprecated-field note, or an unknown-field error when that version does not have the field.
 */
export function versionProblem(
  r: VersionRange,
  chosen: string | undefined,
): { rule: RuleId; message: Message; severity?: Severity } | undefined {
  const at = chosen === undefined ? undefined : versionIndex(chosen);
  if (at === undefined) return defaultVersionProblem(r);
  const since = r.since ? TSB_VERSIONS.indexOf(r.since) : -1;
  const until = r.until ? TSB_VERSIONS.indexOf(r.until) : -1;
  const name = TSB_VERSIONS[at]!;
  if (since !== -1 && at < since) {
    return {
      rule: 'unknown-field',
      message: msg('`{field}` is not in TSB {version} (tsbVersion): it was added in {since}.', {
        field: r.field,
        version: name,
        since: label(r.since!),
      }),
    };
  }
  if (until !== -1 && at >= until) {
    const use = useInstead(r);
    return {
      rule: 'unknown-field',
      message:
        r.until === 'current'
          ? msg('`{field}` is not in {version} (tsbVersion): it is a field of older versions{use}.', {
              field: r.field,
              version: label(name),
              use,
            })
          : msg('`{field}` is not in TSB {version} (tsbVersion): it was removed in TSB {until}{use}.', {
              field: r.field,
              version: name,
              until: r.until!,
              use,
            }),
    };
  }
  return defaultVersionProblem(r);
}

/** Applies the chosen version to a problem of the analysis; undefined drops it. */
export function applyVersion(p: RawProblem, chosen: string | undefined): RawProblem | undefined {
  if (!p.versions) return p;
  const v = versionProblem(p.versions, chosen);
  return v ? { ...p, rule: v.rule, message: v.message } : undefined;
}
