import type { FailoverModel } from '../model/failoverTypes';
import type { ResolvedProject } from '../workspace/resolved';
import type { CrossRule, LocatedProblem } from './rules/context';
import { duplicates } from './rules/duplicates';
import { parents } from './rules/parents';
import { namespaceOwnership } from './rules/namespaceOwnership';
import { multipleSettings } from './rules/multipleSettings';
import { gatewaySelectors } from './rules/gatewaySelectors';
import { serviceSelectors } from './rules/serviceSelectors';
import { injection } from './rules/injection';
import { edgeDns } from './rules/edgeDns';
import { subsets } from './rules/subsets';
import { counterparts } from './rules/counterparts';
import { clusterNames } from './rules/clusterNames';
import { gatewayServers } from './rules/gatewayServers';
import { gatewayKinds } from './rules/gatewayKinds';
import { portProtocols } from './rules/portProtocols';
import { versionLabels } from './rules/versionLabels';

// Relational rules: resources valid on their own that do not fit together, one file per rule under
// rules/. Each problem points at the exact selector or key that is wrong and, where one exists, names
// the nearest thing that would match and the other party.

export type { LocatedProblem } from './rules/context';

/** Every cross-file rule, in the order their findings are listed. */
const RULES: CrossRule[] = [
  duplicates,
  parents,
  namespaceOwnership,
  multipleSettings,
  gatewaySelectors,
  serviceSelectors,
  injection,
  edgeDns,
  subsets,
  clusterNames,
  gatewayServers,
  gatewayKinds,
  portProtocols,
  versionLabels,
];

/** The cross-file problems in steps, one rule at a time (the language server runs them in time slices). */
export function* crossFileSteps(p: ResolvedProject, model: FailoverModel): Generator<void, LocatedProblem[]> {
  const out: LocatedProblem[] = [];
  for (const rule of RULES) {
    // A rule whose work grows with the project yields its own steps.
    const steps = rule(p, out);
    if (steps) yield* steps;
    yield;
  }
  counterparts(p, model, out);
  return out;
}
