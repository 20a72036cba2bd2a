import { isMap, type YAMLMap } from 'yaml';
import type { RawProblem } from '../types';
import { msg } from '../l10n/message';
import { keyOf, mapOf, type YamlPair } from './yamlNodes';

// service-annotation-misplaced: a gateway install CR's own metadata.annotations are not copied to the
// gateway's Service; the operator builds the Service from spec.kubeSpec.service. Annotations that only
// mean something on a Service (cloud load balancers, external addresses, node selectors) are misplaced there.

const GATEWAY_INSTALLS = new Set(['IngressGateway', 'Tier1Gateway', 'EgressGateway', 'Gateway']);

const SERVICE_ANNOTATION = [
  /^service\.beta\.kubernetes\.io\//,
  /^service\.kubernetes\.io\//,
  /^cloud\.google\.com\/(load-balancer-type|neg|backend-config|app-protocols|l4-rbs)$/,
  /^networking\.gke\.io\/(load-balancer-type|internal-load-balancer-)/,
  /^metallb\.universe\.tf\//,
  /^external-dns\.alpha\.kubernetes\.io\//,
  /^xcp\.tetrate\.io\/cluster-external-addresses$/,
  /^traffic\.istio\.io\/nodeSelector$/,
];

export function serviceAnnotationProblems(root: YAMLMap, kind: string): RawProblem[] {
  if (!GATEWAY_INSTALLS.has(kind)) return [];
  const annotations = mapOf(mapOf(root, 'metadata'), 'annotations');
  if (!annotations) return [];
  const service = mapOf(mapOf(mapOf(mapOf(root, 'spec'), 'kubeSpec'), 'service'), 'annotations');
  const out: RawProblem[] = [];
  for (const item of annotations.items) {
    const pair = item as YamlPair;
    const key = keyOf(pair);
    if (!key || !pair.key.range || !SERVICE_ANNOTATION.some((re) => re.test(key))) continue;
    const there = service?.items.some((p) => keyOf(p as YamlPair) === key);
    const internal = /internal|load-balancer-type/i.test(key);
    out.push({
      rule: 'service-annotation-misplaced',
      message: there
        ? internal
          ? msg(
              '`{key}` is an annotation of the gateway\'s Service, but it is on the {kind} install CR\'s own metadata, which the operator does not copy to the Service: it has no effect (an "internal" load balancer is created public). spec.kubeSpec.service.annotations already sets it: remove this copy.',
              { key, kind },
            )
          : msg(
              "`{key}` is an annotation of the gateway's Service, but it is on the {kind} install CR's own metadata, which the operator does not copy to the Service: it has no effect. spec.kubeSpec.service.annotations already sets it: remove this copy.",
              { key, kind },
            )
        : internal
          ? msg(
              '`{key}` is an annotation of the gateway\'s Service, but it is on the {kind} install CR\'s own metadata, which the operator does not copy to the Service: it has no effect (an "internal" load balancer is created public). Move it to spec.kubeSpec.service.annotations.',
              { key, kind },
            )
          : msg(
              "`{key}` is an annotation of the gateway's Service, but it is on the {kind} install CR's own metadata, which the operator does not copy to the Service: it has no effect. Move it to spec.kubeSpec.service.annotations.",
              { key, kind },
            ),
      start: pair.key.range[0],
      end: pair.key.range[1],
      ...(there || !movable(root) ? {} : { data: { fix: 'move-annotation' as const, key } }),
    });
  }
  return out;
}

/** The fix writes block YAML: only when spec (and the maps on the way that exist) are block mappings. */
function movable(root: YAMLMap): boolean {
  let cur: unknown = root;
  for (const k of ['spec', 'kubeSpec', 'service', 'annotations']) {
    const next = mapOf(cur, k);
    if (!next) return true;
    if (isMap(next) && next.flow) return false;
    cur = next;
  }
  return true;
}
