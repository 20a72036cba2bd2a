import type { ResolvedProject } from '../../workspace/resolved';
import { labelsMatch, formatLabels } from '../../workspace/selectors';
import { indexOf, workloadsMatching } from '../../workspace/projectIndex';
import type { LocatedProblem } from './context';
import { commas, msg } from '../../l10n/message';
import { workBudget } from '../../util/steps';

// subset-not-found: a ServiceRoute subset whose labels select no pods of the service.

const MAX_VERSIONS_SHOWN = 10;
/** Routes and workloads looked at between two yields (a few milliseconds of work). */
const WORK_PER_STEP = 2_000;

export function* subsets(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  // Counted in routes, and the workloads each one looks at: the language server runs this in time slices.
  const spend = workBudget(WORK_PER_STEP);
  for (const r of p.serviceRoutes) {
    if (spend()) yield;
    if (!r.service || !r.subsets.length) continue;
    const [ns, host] = r.service.split('/');
    if (!ns || !host) continue;
    const name = host.split('.')[0]!;
    const svcs = indexOf(p)
      .servicesByNsName.get(`${ns}/${name}`)
      ?.filter((x) => p.relation(x.fact.source.uri, r.source.uri) !== 'never');
    if (!svcs?.length) continue;
    const selector = svcs[0]!.fact.selector;
    if (!Object.keys(selector).length) continue;
    const pods: ReturnType<typeof workloadsMatching> = [];
    for (const w of workloadsMatching(p, ns, selector)) {
      // Each asks how two files are deployed, which is not free.
      if (spend()) yield;
      if (p.relation(w.fact.source.uri, r.source.uri) !== 'never') pods.push(w);
    }
    if (!pods.length) continue;
    let versions: string[] | undefined;
    for (const s of r.subsets) {
      if (!Object.keys(s.labels).length || pods.some((w) => labelsMatch(s.labels, w.fact.podLabels))) continue;
      // At most a few versions are named: thousands of subsets times thousands of versions was 170 MB.
      versions ??= [...new Set(pods.map((w) => w.fact.podLabels['version']).filter(Boolean))];
      const shown =
        versions.length > MAX_VERSIONS_SHOWN
          ? msg('{versions} and {count} more', {
              versions: commas(versions.slice(0, MAX_VERSIONS_SHOWN)),
              count: versions.length - MAX_VERSIONS_SHOWN,
            })
          : commas(versions);
      const args = { subset: s.name, labels: formatLabels(s.labels), service: `${name}.${ns}` };
      out.push({
        uri: r.source.uri,
        rule: 'subset-not-found',
        ref: s.ref,
        message: versions.length
          ? msg(
              'Subset {subset} selects {labels}, but no pod of {service} has those labels (versions present: {versions}).',
              { ...args, versions: shown },
            )
          : msg('Subset {subset} selects {labels}, but no pod of {service} has those labels.', args),
      });
    }
  }
}
