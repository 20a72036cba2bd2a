import type { FailoverModel } from '../model/failoverTypes';
import type { ResolvedProject } from './resolved';
import type { LocatedProblem } from './rules/context';
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

export { toRange, type LocatedProblem } from './rules/context';

export function crossFileProblems(p: ResolvedProject, model: FailoverModel): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  duplicates(p, out);
  parents(p, out);
  namespaceOwnership(p, out);
  multipleSettings(p, out);
  gatewaySelectors(p, out);
  serviceSelectors(p, out);
  injection(p, out);
  edgeDns(p, out);
  subsets(p, out);
  clusterNames(p, out);
  gatewayServers(p, out);
  gatewayKinds(p, out);
  portProtocols(p, out);
  versionLabels(p, out);
  counterparts(p, model, out);
  return out;
}
