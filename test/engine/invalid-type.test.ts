// invalid-type: wrong YAML type (eastWestOnly: "true"), with a replace-value fix where the intent is clear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, none, marked, y } from '../helpers/engine';

const gw = (value: string) =>
  marked(y`
  apiVersion: install.tetrate.io/v1alpha1
  kind: IngressGateway
  metadata:
    name: eastwest-gateway
    namespace: eastwest
  spec:
    eastWestOnly: «${value}»
`);

test('eastWestOnly: "true" is a string: remove the quotes', () => {
  const { text, ranges } = gw('"true"');
  const d = only(lint(text), 'invalid-type');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(d.message, '`eastWestOnly` must be a boolean (true or false), not "true". Remove the quotes.');
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'true' });
});

test('eastWestOnly: "yes" (YAML 1.1 boolean) suggests true', () => {
  const { text, ranges } = gw('"yes"');
  const d = only(lint(text), 'invalid-type');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /YAML 1\.2 reads yes as text: write true/);
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'true' });
});

test('unquoted yes/off are strings in YAML 1.2, fixed to the boolean', () => {
  const off = gw('off');
  const d = only(lint(off.text), 'invalid-type');
  assert.deepEqual(d.range, off.ranges[0]);
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'false' });
});

test('a string that is no boolean at all gets no fix', () => {
  const { text, ranges } = gw('sometimes');
  const d = only(lint(text), 'invalid-type');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(d.data, undefined);
});

test('a quoted port number is a string: remove the quotes', () => {
  const { text, ranges } = marked(y`
    apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      organization: tetrate
      tenant: tetrate
      workspace: bookinfo-ws
      group: tg
      name: reviews
    spec:
      service: bookinfo/reviews.bookinfo.svc.cluster.local
      portLevelSettings:
        - port: «"9080"»
          trafficType: HTTP
      subsets:
        - name: v1
          labels:
            version: v1
  `);
  const d = only(lint(text), 'invalid-type');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /`port` must be a whole number, not "9080"\. Remove the quotes\./);
});

test('a mapping where a list is expected: range on the key', () => {
  const { text, ranges } = marked(y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        «names»:
          a: b
  `);
  const d = only(lint(text), 'invalid-type');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /`names` must be a list, not a mapping/);
});

test('booleans of the right type are fine', () => {
  none(lint(gw('true').text), 'invalid-type');
  none(lint(gw('false').text), 'invalid-type');
});
