// per-try-timeout-too-long: a retry perTryTimeout longer than the request timeout it runs under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, marked, none, only, project, rng, y } from '../helpers/engine';

const trafficSetting = (resilience: string) =>
  y`
  apiVersion: traffic.tsb.tetrate.io/v2
  kind: TrafficSetting
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    group: bookinfo-tg
    name: defaults
  spec:
    resilience:
` + resilience;

test('TrafficSetting resilience: perTryTimeout 10s under httpRequestTimeout 3s is reported on the per-try value', () => {
  const { text, ranges } = marked(
    trafficSetting(
      '    httpRequestTimeout: «3s»\n    httpRetries:\n      attempts: 3\n      perTryTimeout: «10s»\n      retryOn: 5xx\n',
    ),
  );
  const t = project({ 'ts.yaml': text });
  const d = only(t.diags('ts.yaml'), 'per-try-timeout-too-long');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range, ranges[1]);
  assert.equal(
    d.message,
    '`perTryTimeout` (10s) is longer than `httpRequestTimeout` (3s): Envoy ends the whole request after 3s, so a try that hangs is cut off by the request timeout and never retried. Set perTryTimeout below 3s (with 3 attempts, 750ms lets the first try and every retry fit).',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range), r.message]),
    [[t.uri('ts.yaml'), rng(ranges[0]!), 'the request timeout, 3s']],
  );
});

test('equal timeouts, a shorter per-try timeout, units that compare (1500ms < 2s) and placeholders stay silent', () => {
  // The workshop's WorkspaceSetting: perTryTimeout equal to httpRequestTimeout.
  const workshop = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      name: default-settings
      organization: workshop
      tenant: workshop
      workspace: workshop-app
    spec:
      defaultTrafficSetting:
        resilience:
          httpRequestTimeout: "1s"
          httpRetries:
            attempts: 6
            perTryTimeout: "1s"
            retryOn: 5xx
  `;
  none(lint(workshop), 'per-try-timeout-too-long');
  none(
    lint(trafficSetting('    httpRequestTimeout: 2s\n    httpRetries:\n      perTryTimeout: 1500ms\n')),
    'per-try-timeout-too-long',
  );
  none(
    lint(trafficSetting('    httpRequestTimeout: ${TIMEOUT}\n    httpRetries:\n      perTryTimeout: 10s\n')),
    'per-try-timeout-too-long',
  );
  only(
    lint(trafficSetting('    httpRequestTimeout: 1m\n    httpRetries:\n      perTryTimeout: 1m0.5s\n')),
    'per-try-timeout-too-long',
  );
});

test('the same shape in a WorkspaceSetting default and in upstream connectionPool.http (requestTimeout + retries)', () => {
  const setting = y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: WorkspaceSetting
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      name: bookinfo-ws-setting
    spec:
      defaultTrafficSetting:
        outbound:
          upstreamTrafficSettings:
            - hosts: ["bookinfo/reviews.bookinfo.svc.cluster.local"]
              settings:
                resilience:
                  connectionPool:
                    http:
                      requestTimeout: 2s
                      retries:
                        perTryTimeout: 5s
  `;
  const d = only(lint(setting), 'per-try-timeout-too-long');
  assert.match(d.message, /^`perTryTimeout` \(5s\) is longer than `requestTimeout` \(2s\)/);
  assert.equal(d.range.start.line, 18);
});
