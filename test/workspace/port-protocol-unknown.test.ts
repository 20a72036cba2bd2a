// port-protocol-unknown: a Service port without a protocol Istio can read, behind TSB HTTP routing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { none, only, project, rng, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const svc = (port: string) =>
  y`
  apiVersion: v1
  kind: Service
  metadata:
    name: reviews
    namespace: bookinfo
  spec:
    selector:
      app: reviews
    ports:
` + port;
const route = (portSettings: string) =>
  y`
  apiVersion: traffic.tsb.tetrate.io/v2
  kind: ServiceRoute
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    group: bookinfo-tg
    name: reviews
  spec:
    service: bookinfo/reviews.bookinfo.svc.cluster.local
` +
  portSettings +
  '  subsets:\n    - name: v1\n      labels:\n        version: v1\n      weight: 100\n';
const HTTP = '  portLevelSettings:\n    - port: 9080\n      trafficType: HTTP\n';
const RUN = 'kubectl --context c1 apply -f k8s/\ntctl apply -f tsb/\n';

test('a port named web behind a ServiceRoute with HTTP port settings: warning on the name, fix http-web', () => {
  const t = project({
    'run.sh': RUN,
    'k8s/svc.yaml': svc('    - port: 9080\n      name: web\n'),
    'tsb/route.yaml': route(HTTP),
  });
  const d = only(t.diags('k8s/svc.yaml'), 'port-protocol-unknown');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(rng(d.range), [10, 12, 10, 15]);
  assert.equal(
    d.message,
    'Port 9080 (web) of Service reviews has no protocol Istio can read (a name such as http or http-<suffix>, or appProtocol), but ServiceRoute reviews (tsb/route.yaml:8) sends HTTP traffic to it: Istio falls back to protocol sniffing, and the HTTP routing, retries and timeouts TSB configures apply only when sniffing succeeds. Name the port http-web.',
  );
  assert.deepEqual(
    d.related?.map((r) => r.uri),
    [t.uri('tsb/route.yaml')],
  );
  const fixed = applyFix(t, 'k8s/svc.yaml', d)['k8s/svc.yaml']!;
  assert.ok(fixed.includes('      name: http-web\n'));
  none(
    project({ 'run.sh': RUN, 'k8s/svc.yaml': fixed, 'tsb/route.yaml': route(HTTP) }).diags('k8s/svc.yaml'),
    'port-protocol-unknown',
  );
});

test('an unnamed port behind a gateway HTTP route: the fix adds name: http beside the port', () => {
  const gw = y`
    apiVersion: gateway.tsb.tetrate.io/v2
    kind: Gateway
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: bookinfo-gg
      name: bookinfo
    spec:
      workloadSelector:
        namespace: bookinfo
        labels:
          app: bookinfo-gw
      http:
        - name: reviews
          port: 80
          hostname: reviews.example.com
          routing:
            rules:
              - route:
                  serviceDestination:
                    host: bookinfo/reviews.bookinfo.svc.cluster.local
                    port: 9080
  `;
  const t = project({
    'run.sh': RUN,
    'k8s/svc.yaml': svc('    - port: 9080\n      targetPort: 9080\n'),
    'tsb/gw.yaml': gw,
  });
  const d = only(t.diags('k8s/svc.yaml'), 'port-protocol-unknown');
  assert.deepEqual(rng(d.range), [9, 6, 9, 16]);
  assert.match(d.message, /Gateway bookinfo \(tsb\/gw\.yaml:8\) sends HTTP traffic to it.*Name the port http\.$/);
  const fixed = applyFix(t, 'k8s/svc.yaml', d)['k8s/svc.yaml']!;
  assert.ok(fixed.endsWith('    - port: 9080\n      name: http\n      targetPort: 9080\n'), fixed);
  none(
    project({ 'run.sh': RUN, 'k8s/svc.yaml': fixed, 'tsb/gw.yaml': gw }).diags('k8s/svc.yaml'),
    'port-protocol-unknown',
  );
});

test('near misses: a protocol name or appProtocol, TCP traffic, another port, no TSB routing, another namespace', () => {
  const check = (port: string, tsb: string, rel = 'k8s/svc.yaml') =>
    none(project({ 'run.sh': RUN, [rel]: svc(port), 'tsb/route.yaml': tsb }).diags(rel), 'port-protocol-unknown');
  check('    - port: 9080\n      name: http-web\n', route(HTTP));
  check('    - port: 9080\n      name: grpc\n', route(HTTP));
  check('    - port: 9080\n      name: web\n      appProtocol: http\n', route(HTTP));
  check('    - port: 9080\n      name: web\n', route(HTTP.replace('HTTP', 'TCP')));
  check('    - port: 9090\n      name: web\n', route(HTTP));
  check('    - port: 9080\n      name: web\n', route(''));
  check(
    '    - port: 9080\n      name: web\n',
    route(HTTP).replace('bookinfo/reviews.bookinfo.svc', 'other/reviews.other.svc'),
  );
});

test('a port written in flow style gets the warning but no add-field fix (it would break the YAML)', () => {
  const t = project({ 'run.sh': RUN, 'k8s/svc.yaml': svc('    - { port: 9080 }\n'), 'tsb/route.yaml': route(HTTP) });
  assert.equal(only(t.diags('k8s/svc.yaml'), 'port-protocol-unknown').data, undefined);
});
