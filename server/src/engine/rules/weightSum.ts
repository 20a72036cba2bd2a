import { isSeq, type YAMLMap } from 'yaml';
import type { RawProblem } from '../types';
import { commas, msg, type Arg } from '../l10n/message';
import { pairOf, scalarOf, stringOf } from './yamlNodes';

// weight-sum: ServiceRoute subset weights, and the destination weights of one HTTP/TCP route, are
// percentages: they add up to 100. Only lists where some weight is written are checked (a single subset
// takes everything; weights left out count as 0).

interface Weighted {
  label: Arg;
  weight?: { value: number; range: [number, number] };
}

function weightsOf(list: unknown, labelOf: (item: unknown, i: number) => Arg): Weighted[] | undefined {
  if (!isSeq(list)) return undefined;
  const out: Weighted[] = [];
  for (const [i, item] of list.items.entries()) {
    const w = pairOf(item, 'weight');
    if (w && !scalarOf(item, 'weight')) return undefined; // a placeholder: filled in before apply
    const s = scalarOf(item, 'weight');
    if (s && typeof s.value !== 'number') return undefined; // a wrong type is invalid-type's
    out.push({ label: labelOf(item, i), ...(s ? { weight: { value: s.value as number, range: s.range } } : {}) });
  }
  return out;
}

function check(items: Weighted[] | undefined, what: 'subset' | 'destination', whole: Arg, out: RawProblem[]): void {
  if (!items || items.length < 2) return;
  const written = items.filter((x) => x.weight);
  if (!written.length) return;
  const total = items.reduce((n, x) => n + (x.weight?.value ?? 0), 0);
  if (total === 100) return;
  const last = written[written.length - 1]!;
  const shown = commas(
    items.map((x) => msg('{label}: {weight}', { label: x.label, weight: x.weight?.value ?? msg('unset') })),
  );
  if (total === 0) {
    out.push({
      rule: 'weight-sum',
      message:
        what === 'subset'
          ? msg(
              'Every subset weight is 0 ({weights}): no subset receives traffic, so requests to {whole} fail. Give the subsets that should serve traffic weights that add up to 100.',
              { weights: shown, whole },
            )
          : msg(
              'Every destination weight is 0 ({weights}): no destination receives traffic, so requests to {whole} fail. Give the destinations that should serve traffic weights that add up to 100.',
              { weights: shown, whole },
            ),
      start: last.weight!.range[0],
      end: last.weight!.range[1],
    });
    return;
  }
  const fixed = last.weight!.value + (100 - total);
  const args = {
    total,
    weights: shown,
    fix: fixed >= 0 ? msg(' ({label}: {weight})', { label: last.label, weight: fixed }) : '',
  };
  out.push({
    rule: 'weight-sum',
    message:
      what === 'subset'
        ? msg(
            'The subset weights add up to {total}, not 100 ({weights}): weights are percentages, so Istio versions that validate them reject the route and the others split traffic in proportion, not as written. Make them add up to 100{fix}.',
            args,
          )
        : msg(
            'The destination weights add up to {total}, not 100 ({weights}): weights are percentages, so Istio versions that validate them reject the route and the others split traffic in proportion, not as written. Make them add up to 100{fix}.',
            args,
          ),
    start: last.weight!.range[0],
    end: last.weight!.range[1],
    ...(fixed >= 0 ? { data: { fix: 'replace-value' as const, to: String(fixed) } } : {}),
    relatedAt: written.slice(0, -1).map((x) => ({
      start: x.weight!.range[0],
      end: x.weight!.range[1],
      message: msg('{label}: {weight}', { label: x.label, weight: x.weight!.value }),
    })),
  });
}

export function weightSumProblems(root: YAMLMap, kind: string): RawProblem[] {
  if (kind !== 'ServiceRoute') return [];
  const spec = pairOf(root, 'spec')?.value;
  const service: Arg = stringOf(spec, 'service')?.value.split('/')[1]?.split('.')[0] ?? msg('the service');
  const out: RawProblem[] = [];
  // With explicit routes, traffic goes where the routes say; subset weights then only shape a default route
  // for ports no route matches, and are often left at 0 (as placeholders): checked only without routes.
  const routed = ['httpRoutes', 'tcpRoutes'].some((k) => {
    const v = pairOf(spec, k)?.value;
    return isSeq(v) && v.items.length > 0;
  });
  if (!routed)
    check(
      weightsOf(pairOf(spec, 'subsets')?.value, (s, i) => stringOf(s, 'name')?.value ?? `#${i + 1}`),
      'subset',
      service,
      out,
    );
  for (const routes of ['httpRoutes', 'tcpRoutes']) {
    const list = pairOf(spec, routes)?.value;
    if (!isSeq(list)) continue;
    for (const [i, route] of list.items.entries()) {
      const name = stringOf(route, 'name')?.value ?? `#${i + 1}`;
      check(
        weightsOf(
          pairOf(route, 'destination')?.value,
          (d, j) =>
            stringOf(d, 'subset')?.value ??
            stringOf(d, 'destinationHost')?.value ??
            msg('destination {n}', { n: j + 1 }),
        ),
        'destination',
        msg('route {name}', { name }),
        out,
      );
    }
  }
  return out;
}
