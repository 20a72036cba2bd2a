import type { ResolvedProject } from '../../workspace/resolved';
import { labelsMatch, formatLabels } from '../../workspace/selectors';
import { indexOf, workloadsMatching } from '../../workspace/projectIndex';
import type { LocatedProblem } from './context';
import { commas, msg } from '../../l10n/message';

// subset-not-found: a ServiceRoute subset whose labels select no pods of the service.

const MAX_VERSIONS_SHOWN = 10;

export function subsets(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const r of p.serviceRoutes) {
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
    const pods = workloadsMatching(p, ns, selector).filter(
      (w) => p.relation(w.fact.source.uri, r.source.uri) !== 'never',
    );
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
