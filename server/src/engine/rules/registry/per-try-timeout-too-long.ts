import { defineRule } from './types';

export default defineRule({
  id: 'per-try-timeout-too-long',
  severity: 'warning',
  scope: 'single-file',
  fixable: false,
  description: 'A retry `perTryTimeout` longer than the request timeout it runs under.',
  explanation: `Envoy ends the whole request when the request timeout expires. A per-try timeout longer than that
never fires: a try that hangs is cut off by the request timeout and is never retried, so retrying on
timeouts cannot work. Checked wherever the two sit together: TrafficSetting and WorkspaceSetting/TenantSetting/
OrganizationSetting \`resilience.httpRetries.perTryTimeout\` against \`resilience.httpRequestTimeout\`, and
\`connectionPool.http.retries.perTryTimeout\` against \`connectionPool.http.requestTimeout\` (also in Profiles).
A per-try timeout equal to the request timeout is allowed. Choose a per-try timeout that lets every attempt
fit (about the request timeout divided by the number of attempts).`,
  bad: `resilience:
  httpRequestTimeout: 3s
  httpRetries:
    attempts: 3
    perTryTimeout: 10s`,
  good: `resilience:
  httpRequestTimeout: 3s
  httpRetries:
    attempts: 3
    perTryTimeout: 1s`,
});
