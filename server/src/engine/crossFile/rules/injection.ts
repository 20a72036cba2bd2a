import type { ResolvedProject } from '../../workspace/resolved';
import { ownsNamespace } from '../../model/workspaceOwnership';
import { indexOf, workspacesFor } from '../../workspace/projectIndex';
import type { LocatedProblem } from './context';
import { msg } from '../../l10n/message';

// namespace-not-injected: a namespace owned by a workspace without a sidecar-injection label.

/** Namespaces looked at between two yields. */
const NAMESPACES_PER_STEP = 2048;

export function* injection(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  let n = 0;
  for (const ns of p.namespaces) {
    if (++n % NAMESPACES_PER_STEP === 0) yield;
    const owner = workspacesFor(p, ns.fact.name).find(
      (ws) => ownsNamespace(ws, ns.fact.name, ns.clusters) && p.relation(ws.source.uri, ns.fact.source.uri) !== 'never',
    );
    if (!owner) continue;
    const l = ns.fact.labels;
    if (l['istio-injection'] === 'enabled' || l['istio.io/rev'] || l['istio.io/dataplane-mode'] === 'ambient') continue;
    if (onlyGateways(p, ns.fact.name, ns.fact.source.uri)) continue;
    out.push({
      uri: ns.fact.source.uri,
      rule: 'namespace-not-injected',
      ref: ns.fact.source,
      message: msg(
        'Namespace {namespace} belongs to workspace {workspace} but has no sidecar-injection label (istio-injection: enabled or istio.io/rev): its pods join the mesh only with a sidecar.',
        { namespace: ns.fact.name, workspace: owner.name },
      ),
    });
  }
}

/**
 * The namespace holds gateways installed by install CRs and no workload of the project: the operator
 * deploys (and injects) gateways itself, so the namespace needs no injection label.
 */
function onlyGateways(p: ResolvedProject, namespace: string, uri: string): boolean {
  const ix = indexOf(p);
  const together = (x: { fact: { source: { uri: string } } }) => p.relation(x.fact.source.uri, uri) !== 'never';
  return (
    (ix.gatewaysByNs.get(namespace) ?? []).some(together) && !(ix.workloadsByNs.get(namespace) ?? []).some(together)
  );
}
