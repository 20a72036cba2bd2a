import type { ResolvedProject } from '../resolved';
import type { SourceRef } from '../../model/failoverTypes';
import { gatewaysFor } from '../../model/failover';
import { formatLabels } from '../selectors';
import { allGatewayLabels, indexOf, memo } from '../projectIndex';
import { nameIndex, type NameIndex } from '../../util/nearest';
import { related, type LocatedProblem } from './context';

// gateway-selector-no-match: a workloadSelector (east-west settings, gateway configs) that matches no
// gateway an install CR of the project deploys.

function selectorProblem(p: ResolvedProject, namespace: string, labels: Record<string, string>, uri: string, ref: SourceRef, what: string): LocatedProblem | undefined {
  // Checked only where the project installs gateways itself (a repository may keep them elsewhere).
  if (!namespace || Object.keys(labels).length === 0 || p.installGateways.length === 0) return undefined;
  if (gatewaysFor(p, namespace, labels, uri).length > 0) return undefined;
  // Only gateways that can be in effect with this selector count, not another scenario's.
  const inEffect = (g: Installed) => p.relation(g.fact.source.uri, uri) !== 'never';
  // An install CR with those labels whose namespace the repository does not say (no metadata.namespace,
  // none from its apply command) may well land in this namespace: nothing to claim.
  if (allGatewayLabels(p).first(labels, (g) => g.namespace === undefined && inEffect(g))) return undefined;
  const elsewhere = gatewaysFor(p, namespace, labels)[0];
  if (elsewhere?.source) {
    const where = p.deployment.unitNames(elsewhere.source.uri)[0];
    return {
      uri, rule: 'gateway-selector-no-match', ref,
      message: `${what} selects ${formatLabels(labels)} in namespace ${namespace}, but the only such gateway, ${elsewhere.name}, is installed by ${where ?? 'another file'}, which is never applied together with this file: with this file's deployment, no gateway matches.`,
      related: [related(elsewhere.source, `install ${elsewhere.kind} ${elsewhere.name}`)],
    };
  }
  if (!p.installGateways.some(inEffect)) return undefined;
  const inNs = indexOf(p).gatewaysByNs.get(namespace) ?? [];
  // Whether the namespace has none, one or more gateways in effect (the first two are enough to tell).
  const sameNs: Installed[] = [];
  for (const g of inNs) if (inEffect(g) && sameNs.push(g) === 2) break;
  const byLabels = allGatewayLabels(p).first(labels, (g) => g.namespace !== undefined && inEffect(g));
  const shown = `${formatLabels(labels)} in namespace ${namespace}`;
  if (byLabels) {
    const g = byLabels;
    return {
      uri, rule: 'gateway-selector-no-match', ref,
      message: `${what} selects ${shown}, but gateway ${g.fact.name} with those labels is deployed in namespace ${g.namespace}; did you mean namespace ${g.namespace}?`,
      related: [related(g.fact.nameRef, `install ${g.fact.kind} ${g.fact.name}`)],
    };
  }
  // The nearest name among the namespace's gateways in effect, else among all gateways in effect.
  const candidates = sameNs.length ? inNs : p.installGateways;
  const names = memoNames(p, candidates);
  const at = names.nearestIndex(labels['app'] ?? Object.values(labels)[0] ?? '', sameNs.length ? 12 : undefined, { accept: (i) => inEffect(candidates[i]!) });
  const best = at >= 0 ? candidates[at] : sameNs.length === 1 ? sameNs[0] : undefined;
  const operatorKeys = best ? Object.keys(labels).filter((k) => !(k in best.fact.labels)) : [];
  const unverifiable = operatorKeys.length > 0 && operatorKeys.every((k) => k !== 'app');
  const suggestion = best && best.namespace === namespace ? { app: best.fact.name, ...Object.fromEntries(Object.entries(labels).filter(([k, v]) => best.fact.labels[k] === v && k !== 'app')) } : undefined;
  return {
    uri, rule: 'gateway-selector-no-match', ref,
    message: unverifiable && best
      ? `${what} selects ${shown}; the operator labels gateway pods app=<install CR name> plus kubeSpec.deployment.labels, so ${operatorKeys.join(', ')} cannot be verified: select app=${best.fact.name} or add the label under kubeSpec.deployment.labels.`
      : `No gateway has ${shown}${best ? `; did you mean ${best.namespace === namespace ? `app=${best.fact.name}` : `${best.namespace}/app=${best.fact.name}`}?` : '.'} (A gateway install CR named X deploys pods labelled app=X.)`,
    ...(suggestion ? { data: { fix: 'replace-labels' as const, labels: suggestion } } : {}),
    ...(best ? { related: [related(best.fact.nameRef, `install ${best.fact.kind} ${best.fact.name} in ${best.namespace}`)] } : {}),
  };
}

type Installed = ResolvedProject['installGateways'][number];

/** A name index of a list of gateways (a namespace's, or the project's), once per derive. */
function memoNames(p: ResolvedProject, gateways: readonly Installed[]): NameIndex {
  const m = memo(p, 'gatewayNames', () => new Map<readonly Installed[], NameIndex>());
  let ix = m.get(gateways);
  if (!ix) m.set(gateways, (ix = nameIndex(gateways.map((g) => g.fact.name))));
  return ix;
}

export function gatewaySelectors(p: ResolvedProject, out: LocatedProblem[]): void {
  for (const s of p.workspaceSettings) {
    for (const e of s.eastWest) {
      const prob = selectorProblem(p, e.namespace, e.labels, s.source.uri, e.labelsRef, 'This east-west workloadSelector');
      if (prob) out.push(prob);
    }
  }
  for (const g of p.gatewayConfigs) {
    if (!g.selector) continue;
    const prob = selectorProblem(p, g.selector.namespace, g.selector.labels, g.source.uri, g.selector.labelsRef, `${g.kind} ${g.name}'s workloadSelector`);
    if (prob) out.push(prob);
  }
}
