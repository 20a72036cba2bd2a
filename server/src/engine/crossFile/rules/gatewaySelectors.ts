import type { ResolvedProject } from '../../workspace/resolved';
import type { SourceRef } from '../../types';
import { gatewaysFor } from '../../model/workspaceOwnership';
import { formatLabels } from '../../workspace/selectors';
import { allGatewayLabels, indexOf, memo } from '../../workspace/projectIndex';
import type { NameIndex } from '../../util/nearest';
import { related, type LocatedProblem } from './context';
import { commas, msg, type Message } from '../../l10n/message';

// gateway-selector-no-match: a workloadSelector (east-west settings, gateway configs) that matches no
// gateway an install CR of the project deploys.

function selectorProblem(
  p: ResolvedProject,
  namespace: string,
  labels: Record<string, string>,
  uri: string,
  ref: SourceRef,
  what: Message,
): LocatedProblem | undefined {
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
      uri,
      rule: 'gateway-selector-no-match',
      ref,
      message: msg(
        "{what} selects {labels} in namespace {namespace}, but the only such gateway, {gateway}, is installed by {where}, which is never applied together with this file: with this file's deployment, no gateway matches.",
        {
          what,
          labels: formatLabels(labels),
          namespace,
          gateway: elsewhere.name,
          where: where ?? msg('another file'),
        },
      ),
      related: [
        related(elsewhere.source, msg('install {kind} {name}', { kind: elsewhere.kind, name: elsewhere.name })),
      ],
    };
  }
  if (!p.installGateways.some(inEffect)) return undefined;
  const inNs = indexOf(p).gatewaysByNs.get(namespace) ?? [];
  // Whether the namespace has none, one or more gateways in effect (the first two are enough to tell).
  const sameNs: Installed[] = [];
  for (const g of inNs) if (inEffect(g) && sameNs.push(g) === 2) break;
  const byLabels = allGatewayLabels(p).first(labels, (g) => g.namespace !== undefined && inEffect(g));
  const shown = msg('{labels} in namespace {namespace}', { labels: formatLabels(labels), namespace });
  if (byLabels) {
    const g = byLabels;
    return {
      uri,
      rule: 'gateway-selector-no-match',
      ref,
      message: msg(
        '{what} selects {selector}, but gateway {gateway} with those labels is deployed in namespace {namespace}; did you mean namespace {namespace}?',
        { what, selector: shown, gateway: g.fact.name, namespace: g.namespace! },
      ),
      related: [related(g.fact.nameRef, msg('install {kind} {name}', { kind: g.fact.kind, name: g.fact.name }))],
    };
  }
  // The nearest name among the namespace's gateways in effect, else among all gateways in effect.
  const candidates = sameNs.length ? inNs : p.installGateways;
  const names = memoNames(p, candidates);
  const at = names.nearestIndex(labels['app'] ?? Object.values(labels)[0] ?? '', sameNs.length ? 12 : undefined, {
    accept: (i) => inEffect(candidates[i]!),
  });
  const best = at >= 0 ? candidates[at] : sameNs.length === 1 ? sameNs[0] : undefined;
  const operatorKeys = best ? Object.keys(labels).filter((k) => !(k in best.fact.labels)) : [];
  const unverifiable = operatorKeys.length > 0 && operatorKeys.every((k) => k !== 'app');
  const suggestion =
    best && best.namespace === namespace
      ? {
          app: best.fact.name,
          ...Object.fromEntries(Object.entries(labels).filter(([k, v]) => best.fact.labels[k] === v && k !== 'app')),
        }
      : undefined;
  return {
    uri,
    rule: 'gateway-selector-no-match',
    ref,
    message:
      unverifiable && best
        ? msg(
            '{what} selects {selector}; the operator labels gateway pods app=<install CR name> plus kubeSpec.deployment.labels, so {keys} cannot be verified: select app={name} or add the label under kubeSpec.deployment.labels.',
            { what, selector: shown, keys: commas(operatorKeys), name: best.fact.name },
          )
        : best
          ? msg(
              'No gateway has {selector}; did you mean {guess}? (A gateway install CR named X deploys pods labelled app=X.)',
              {
                selector: shown,
                guess:
                  best.namespace === namespace ? `app=${best.fact.name}` : `${best.namespace}/app=${best.fact.name}`,
              },
            )
          : msg('No gateway has {selector}. (A gateway install CR named X deploys pods labelled app=X.)', {
              selector: shown,
            }),
    ...(suggestion ? { data: { fix: 'replace-labels' as const, labels: suggestion } } : {}),
    ...(best
      ? {
          related: [
            related(
              best.fact.nameRef,
              msg('install {kind} {name} in {namespace}', {
                kind: best.fact.kind,
                name: best.fact.name,
                namespace: String(best.namespace),
              }),
            ),
          ],
        }
      : {}),
  };
}

type Installed = ResolvedProject['installGateways'][number];

/** A name index of a list of gateways (a namespace's, or the project's), once per derive. */
function memoNames(p: ResolvedProject, gateways: readonly Installed[]): NameIndex {
  const m = memo(p, 'gatewayNames', () => new Map<readonly Installed[], NameIndex>());
  let ix = m.get(gateways);
  if (!ix) m.set(gateways, (ix = p.lasting.names.get(gateways.map((g) => g.fact.name))));
  return ix;
}

/** Selectors checked between two yields: the did-you-mean search of one can take a while on large projects. */
const SELECTORS_PER_STEP = 64;
/** From this many installed gateways, their name index is built in steps before the selectors are checked. */
const BUILD_IN_STEPS = 256;

export function* gatewaySelectors(p: ResolvedProject, out: LocatedProblem[]): Generator<void, void> {
  const checks: [string, Record<string, string>, string, SourceRef, Message][] = [];
  for (const s of p.workspaceSettings)
    for (const e of s.eastWest)
      checks.push([e.namespace, e.labels, s.source.uri, e.labelsRef, msg('This east-west workloadSelector')]);
  for (const g of p.gatewayConfigs) {
    if (!g.selector) continue;
    checks.push([
      g.selector.namespace,
      g.selector.labels,
      g.source.uri,
      g.selector.labelsRef,
      msg("{kind} {name}'s workloadSelector", { kind: g.kind, name: g.name }),
    ]);
  }
  // The project-wide index a selector matching nothing searches: built in steps here, not in one go there.
  if (checks.length && p.installGateways.length >= BUILD_IN_STEPS)
    yield* p.lasting.names.steps(p.installGateways.map((g) => g.fact.name));
  let n = 0;
  for (const [namespace, labels, uri, ref, what] of checks) {
    const prob = selectorProblem(p, namespace, labels, uri, ref, what);
    if (prob) out.push(prob);
    if (++n % SELECTORS_PER_STEP === 0) yield;
  }
}
