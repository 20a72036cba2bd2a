import type { FailoverModel } from '../../model/failoverTypes';
import type { ResolvedProject } from '../../workspace/resolved';
import type { LocatedProblem } from './context';
import { msg } from '../../l10n/message';

// no-failover-counterpart: an exposed service that runs in one cluster only.

export function counterparts(p: ResolvedProject, model: FailoverModel, out: LocatedProblem[]): void {
  if (p.clusters.length < 2) return;
  for (const ws of model.workspaces) {
    for (const c of ws.candidates) {
      if (c.failover || !c.source) continue;
      out.push({
        uri: c.source.uri,
        rule: 'no-failover-counterpart',
        ref: c.source,
        message: msg(
          'Service {service}.{namespace} is exposed through the east-west gateway but cannot fail over: it {reason}.',
          {
            service: c.service,
            namespace: c.namespace,
            reason: c.reasonL10n ?? c.reason ?? msg('runs in one cluster only'),
          },
        ),
      });
    }
  }
}
