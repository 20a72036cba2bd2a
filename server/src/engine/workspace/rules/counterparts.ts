import type { FailoverModel } from '../../model/failoverTypes';
import type { ResolvedProject } from '../resolved';
import type { LocatedProblem } from './context';

// no-failover-counterpart: an exposed service that runs in one cluster only.

export function counterparts(p: ResolvedProject, model: FailoverModel, out: LocatedProblem[]): void {
  if (p.clusters.length < 2) return;
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) {
      if (c.failover || !c.source) continue;
      out.push({
        uri: c.source.uri, rule: 'no-failover-counterpart', ref: c.source,
        message: `Service ${c.service}.${c.namespace} is exposed through the east-west gateway but cannot fail over: it ${c.reason ?? 'runs in one cluster only'}.`,
      });
    }
  }
}
