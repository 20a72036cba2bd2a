import type { ResolvedProject } from '../resolved';
import { labelsMatch } from '../selectors';
import { indexOf } from '../projectIndex';
import { related, where, type LocatedProblem } from './context';

// version-label-missing: a workload of a service whose ServiceRoute subsets select `version`, without a
// `version` label on its pods: it is in no subset and receives no traffic through TSB routing.

export function versionLabels(p: ResolvedProject, out: LocatedProblem[]): void {
  const reported = new Set<object>();
  for (const r of p.serviceRoutes) {
    const versions = [...new Set(r.subsets.map((s) => s.labels['version']).filter((v): v is string => !!v))];
    if (!r.service || !versions.length) continue;
    const [ns, host] = r.service.split('/');
    if (!ns || !host) continue;
    const name = host.split('.')[0]!;
    const svc = indexOf(p).servicesByNsName.get(`${ns}/${name}`)?.find((x) => p.relation(x.fact.source.uri, r.source.uri) !== 'never');
    if (!svc || !Object.keys(svc.fact.selector).length) continue;
    const subset = r.subsets.find((s) => s.labels['version'])!;
    for (const w of indexOf(p).workloadsByNs.get(ns) ?? []) {
      if (reported.has(w) || 'version' in w.fact.podLabels || !labelsMatch(svc.fact.selector, w.fact.podLabels)) continue;
      if (p.relation(w.fact.source.uri, r.source.uri) === 'never') continue;
      reported.add(w);
      // `reviews-v2` is the v2 of reviews when a subset selects version v2.
      const meant = versions.find((v) => w.fact.name.endsWith(`-${v}`));
      out.push({
        uri: w.fact.source.uri, rule: 'version-label-missing', ref: w.fact.labelsRef ?? w.fact.source,
        message: `${w.fact.kind} ${w.fact.name} runs pods of Service ${name}, whose ServiceRoute ${r.name} (${where(subset.ref)}) splits traffic by version (${versions.join(', ')}), but its pods have no version label: they are in no subset and receive no traffic through TSB routing. ${meant ? `Add version: ${meant} to the pod template labels.` : 'Add the version label of the subset it belongs to.'}`,
        ...(meant && w.fact.labelsRef && w.fact.labelsBlock ? { data: { fix: 'add-field' as const, field: 'version', snippet: `version: ${meant}`, indent: 0 } } : {}),
        related: [related(subset.ref, `ServiceRoute ${r.name}: subset ${subset.name} selects version ${subset.labels['version']}`)],
      });
    }
  }
}
