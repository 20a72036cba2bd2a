// invalid-value: enum, pattern, format and oneof violations on the value's exact range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog } from '../../server/src/engine/index';
import { lint, only, none, marked, project, y } from '../helpers/engine';
import { applyFix } from '../helpers/fixes';

const ws = (names: string[]) => {
  const src =
    y`
    apiVersion: api.tsb.tetrate.io/v2
    kind: Workspace
    metadata:
      organization: tetrate
      tenant: tetrate
      name: bookinfo-ws
    spec:
      namespaceSelector:
        names:
  ` + names.map((n) => `    - ${n}\n`).join('');
  return marked(src);
};

test('a namespaceSelector name without `/` is invalid, range on the value', () => {
  const { text, ranges } = ws(['«bookinfo»']);
  const d = only(lint(text), 'invalid-value');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^"bookinfo" is not a valid value for `names`\. Names are `<cluster>\/<namespace>`/);
});

test('`*/*ns` (a star not at the end) is invalid; quoted values are underlined with their quotes', () => {
  const { text, ranges } = ws(['«"*/*ns"»']);
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /"\*\/\*ns" is not a valid value/);
});

test('valid namespaceSelector names: */ns, c1/ns, c1/*, */*, c1/ns*', () => {
  none(lint(ws(['"*/bookinfo"', 'c1/bookinfo', '"c1/*"', '"*/*"', '"c1/ns*"']).text), 'invalid-value');
});

test('each invalid name of a list is reported on its own line', () => {
  const { text, ranges } = ws(['«bookinfo»', '"*/ok"', '«"a/b/c"»']);
  const ds = lint(text).filter((d) => d.rule === 'invalid-value');
  assert.deepEqual(
    ds.map((d) => d.range),
    ranges,
  );
});

const gateway = (port: string) =>
  marked(y`
  apiVersion: gateway.tsb.tetrate.io/v2
  kind: Gateway
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    group: gg
    name: gw
  spec:
    workloadSelector:
      namespace: bookinfo
      labels:
        app: gw
    http:
      - name: web
        port: ${port}
        hostname: bookinfo.example.com
        routing:
          rules:
            - route:
                serviceDestination:
                  host: bookinfo/productpage.bookinfo.svc.cluster.local
`);

test('port 15443 on a gateway server is reserved', () => {
  const { text, ranges } = gateway('«15443»');
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(
    d.message,
    'Port 15443 is reserved by TSB for cross-cluster mTLS (east-west) traffic; pick another port.',
  );
});

test('a quoted gateway port is a type error, not the reserved-port message (in our engine and in the schema for other editors)', () => {
  const { text, ranges } = gateway('«"8080"»');
  const d = only(lint(text), 'invalid-type');
  assert.deepEqual(d.range, ranges[0]);
  assert.doesNotMatch(d.message, /15443/);
  // yaml-language-server shows a schema's errorMessage for any failure of that schema: the message
  // must sit on the `not` entry alone, never on the port schema itself.
  const schema = JSON.stringify(
    catalog.find((e) => e.kind === 'Gateway' && e.apiVersions.includes('gateway.tsb.tetrate.io/v2'))!.schema,
  );
  const ports = [
    ...schema.matchAll(
      /\{"type":"integer","minimum":1,"maximum":65535,([^{}]|\{[^{}]*\})*?"allOf":\[\{"not":\{"enum":\[15443\]\},"errorMessage":"Port 15443/g,
    ),
  ];
  assert.ok(ports.length > 0, 'the server port schema carries its message on the allOf entry');
  assert.doesNotMatch(schema, /"maximum":65535,"not":/);
});

test('an ordinary gateway port is fine', () => {
  assert.deepEqual(lint(gateway('8080').text), []);
});

const route = (ttl: string, trafficType = 'HTTP') =>
  marked(y`
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
      - port: 9080
        trafficType: ${trafficType}
    stickySession:
      cookie:
        name: c
        path: /
        ttl: ${ttl}
    subsets:
      - name: v1
        labels:
          version: v1
`);

test('a bad duration is invalid, range on the value', () => {
  const { text, ranges } = route('«10 seconds»');
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /^"10 seconds" is not a valid value for `ttl`\. Use a duration such as 30s/);
});

test('good durations are accepted', () => {
  for (const ttl of ['30s', '1.5s', '500ms', '1h', '"10s"']) none(lint(route(ttl).text), 'invalid-value');
});

test('an enum typo suggests the nearest value with a replace-value fix', () => {
  const { text, ranges } = route('10s', '«HTTPS»');
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
  assert.equal(d.message, '`trafficType` must be one of HTTP, TCP, TLS_PASSTHROUGH, not "HTTPS"; did you mean HTTP?');
  assert.deepEqual(d.data, { fix: 'replace-value', to: 'HTTP', candidates: ['HTTP', 'TCP', 'TLS_PASSTHROUGH'] });
});

test('an enum value far from every option has no suggestion', () => {
  const { text } = route('10s', 'GOPHER_PROTOCOL');
  const d = only(lint(text), 'invalid-value');
  assert.match(d.message, /not "GOPHER_PROTOCOL"\.$/);
  assert.equal(d.data, undefined);
});

test('a oneof violation points at the second alternative', () => {
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
      stickySession:
        header: x-user
        «useSourceIp»: true
      subsets:
        - name: v1
          labels:
            version: v1
  `);
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
  assert.match(d.message, /Set only one of header, cookie and useSourceIp/);
});

test('ServiceRoute service must be <namespace>/<fqdn>', () => {
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
      service: «reviews.bookinfo.svc.cluster.local»
      subsets:
        - name: v1
          labels:
            version: v1
  `);
  const d = only(lint(text), 'invalid-value');
  assert.deepEqual(d.range, ranges[0]);
});

test('a bare namespace name: the quick fix writes the `*/name` it means, quoted so YAML does not read an alias', () => {
  for (const [written, fixed] of [
    ['bookinfo', '"*/bookinfo"'],
    ['"bookinfo"', '"*/bookinfo"'],
    ["'bookinfo'", '"*/bookinfo"'],
  ] as const) {
    const { text } = ws([written]);
    const t = project({ 'ws.yaml': text });
    const d = only(t.diags('ws.yaml'), 'invalid-value');
    const out = applyFix(t, 'ws.yaml', d)['ws.yaml']!;
    assert.ok(out.includes(`    - ${fixed}\n`), out);
    none(project({ 'ws.yaml': out }).diags('ws.yaml'), 'invalid-value');
  }
  // A value that is no namespace name at all gets no guess.
  assert.equal(only(lint(ws(['Book_Info']).text), 'invalid-value').data, undefined);
});
