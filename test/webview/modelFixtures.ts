// Failover models shared by the view-model and webview-shell tests: the seed scenario, the one with
// exposed services, and a workload marked down.
import type { FailoverModel } from '../../server/src/engine/model/failoverTypes';
import { readFixture } from './repoRoot';

export const seed = () => readFixture<FailoverModel>('seed-model.json');
export const exposed = () => readFixture<FailoverModel>('exposed-services-model.json');
export const down = (cluster: string, workload: string, namespace = 'bookinfo') => ({ cluster, namespace, workload });
