import type { YAMLMap } from 'yaml';
import type { RawProblem } from '../types';
import { msg, msgN } from '../l10n/message';
import { durationSeconds, mappings, mapOf, scalarOf, stringOf } from './yamlNodes';

// per-try-timeout-too-long: a retry's per-try timeout longer than the request timeout it runs under.
// Two shapes carry both: `resilience` (httpRequestTimeout + httpRetries) in TrafficSettings, the
// default traffic settings of Workspace/Tenant/Organization settings and Profiles, and
// `connectionPool.http` (requestTimeout + retries) in upstream traffic settings.

const SHAPES = [
  { timeout: 'httpRequestTimeout', retries: 'httpRetries' },
  { timeout: 'requestTimeout', retries: 'retries' },
] as const;

function formatSeconds(s: number): string {
  return s >= 1 ? `${Number(s.toFixed(3))}s` : `${Math.round(s * 1000)}ms`;
}

export function perTryTimeoutProblems(root: YAMLMap): RawProblem[] {
  const out: RawProblem[] = [];
  for (const map of mappings(root)) {
    for (const shape of SHAPES) {
      const request = stringOf(map, shape.timeout);
      const retries = mapOf(map, shape.retries);
      const perTry = stringOf(retries, 'perTryTimeout');
      if (!request || !perTry) continue;
      const r = durationSeconds(request.value);
      const t = durationSeconds(perTry.value);
      // Zero means no timeout (Envoy), and an equal per-try timeout is allowed.
      if (r === undefined || t === undefined || r === 0 || t <= r) continue;
      const attempts = scalarOf(retries, 'attempts')?.value;
      const n =
        typeof attempts === 'number' && attempts > 0
          ? attempts
          : typeof attempts === 'string' && /^\d+$/.test(attempts) && Number(attempts) > 0
            ? Number(attempts)
            : undefined;
      const suggestion = n
        ? msgN(
            n,
            ' (with {n} attempt, {fit} lets the first try and every retry fit)',
            ' (with {n} attempts, {fit} lets the first try and every retry fit)',
            { n, fit: formatSeconds(r / (n + 1)) },
          )
        : '';
      out.push({
        rule: 'per-try-timeout-too-long',
        message: msg(
          '`perTryTimeout` ({perTry}) is longer than `{field}` ({timeout}): Envoy ends the whole request after {timeout}, so a try that hangs is cut off by the request timeout and never retried. Set perTryTimeout below {timeout}{suggestion}.',
          { perTry: perTry.value, field: shape.timeout, timeout: request.value, suggestion },
        ),
        start: perTry.range[0],
        end: perTry.range[1],
        relatedAt: [
          {
            start: request.range[0],
            end: request.range[1],
            message: msg('the request timeout, {timeout}', { timeout: request.value }),
          },
        ],
      });
    }
  }
  return out;
}
