import type { ResolvedProject } from '../../workspace/resolved';
import { labelsMatch } from '../../workspace/selectors';
import { indexOf } from '../../workspace/projectIndex';
import { related, where, type LocatedProblem } from './context';
import { commas, msg } from '../../l10n/message';
import { workBudget } from '../../util/steps';

// version-label-missing: a workload of a service whose ServiceRoute subsets select `version`, without a
// `version` label on its pods: it is in no subset and receives no traffic through TSB routing.

export function* versionLabels(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  // Counted in routes and workloads looked at: the language server runs this in time slices (each
  // workload of a route's namespace may ask how two files are deployed, which is not free).
  const spend = workBudget(WORK_PER_STEP);
  const reported = new Set<object>();
  for (const r of p.serviceRoutes) {
    if (spend()) yield;
    const versions = [...new Set(r.subsets.map((s) => s.labels['version']).filter((v): v is string => !!v))];
    if (!r.service || !versions.length) continue;
    const [ns, host] = r.service.split('/');
    if (!ns || !host) continue;
    const name = host.split('.')[0]!;
    const svc = indexOf(p)
      .servicesByNsName.get(`${ns}/${name}`)
      ?.find((x) => p.relation(x.fact.source.uri, r.source.uri) !== 'never');
    if (!svc || !Object.keys(svc.fact.selector).length) continue;
    const subset = r.subsets.find((s) => s.labels['version'])!;
    for (const w of indexOf(p).workloadsByNs.get(ns) ?? []) {
      if (spend()) yield;
      if (reported.has(w) || 'version' in w.fact.podLabels || !labelsMatch(svc.fact.selector, w.fact.podLabels))
        continue;
      if (p.relation(w.fact.source.uri, r.source.uri) === 'never') continue;
      reported.add(w);
      // `reviews-v2` is the v2 of reviews when a subset selects version v2.
      const meant = versions.find((v) => w.fact.name.endsWith(`-${v}`));
      out.push({
        uri: w.fact.source.uri,
        rule: 'version-label-missing',
        ref: w.fact.labelsRef ?? w.fact.source,
        message: meant
          ? msg(
              '{kind} {name} runs pods of Service {service}, whose ServiceRoute {route} ({where}) splits traffic by version ({versions}), but its pods have no version label: they are in no subset and receive no traffic through TSB routing. Add version: {version} to the pod template labels.',
              {
                kind: w.fact.kind,
                name: w.fact.name,
                service: name,
                route: r.name,
                where: where(subset.ref),
                versions: commas(versions),
                version: meant,
              },
            )
          : msg(
              '{kind} {name} runs pods of Service {service}, whose ServiceRoute {route} ({where}) splits traffic by version ({versions}), but its pods have no version label: they are in no subset and receive no traffic through TSB routing. Add the version label of the subset it belongs to.',
              {
                kind: w.fact.kind,
                name: w.fact.name,
                service: name,
                route: r.name,
                where: where(subset.ref),
                versions: commas(versions),
              },
            ),
        ...(meant && w.fact.labelsRef && w.fact.labelsBlock
          ? { data: { fix: 'add-field' as const, field: 'version', snippet: `version: ${meant}`, indent: 0 } }
          : {}),
        related: [
          related(
            subset.ref,
            msg('ServiceRoute {route}: subset {subset} selects version {version}', {
              route: r.name,
              subset: subset.name,
              version: String(subset.labels['version']),
            }),
          ),
        ],
      });
    }
  }
}

/** Routes and workloads looked at between two yields (a few milliseconds of work). */
const WORK_PER_STEP = 2_000;
