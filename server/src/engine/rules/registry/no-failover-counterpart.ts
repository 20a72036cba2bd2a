import { defineRule } from './types';

export default defineRule({
  id: 'no-failover-counterpart',
  severity: 'info',
  scope: 'cross-file',
  fixable: false,
  description: 'An exposed service that runs in one cluster only.',
  explanation: `East-west failover sends traffic to the same service (same name, same namespace) in another cluster.
A service exposed through the east-west gateway that runs in only one cluster has nowhere to fail over to.
Reported only when the project places workloads in several clusters.`,
  bad: `# ratings is deployed only to cluster-1, while the workspace exposes it for failover`,
  good: `# ratings is deployed to cluster-1 and cluster-2, in the same namespace`,
});
