// Every resource snippet completion offers, expanded with its defaults, parses and validates clean with
// the engine: in an empty project (the fallback names) and in a real one (the project's own names),
// where Tab through the defaults must not collide with what exists (a second WorkspaceSetting for a
// workspace, a namespace another workspace owns, a second east-west gateway).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProject } from '../../server/src/engine/index';
import { resourceSnippets, snippetDefaults, SNIPPET_PREFIXES } from '../../server/src/engine/features/snippets';
import { BOOKINFO } from '../helpers/bookinfo';
import { project } from '../helpers/engine';
import { expand } from '../helpers/snippet';

test('the snippet expander resolves placeholders, choices, mirrors and $0', () => {
  assert.equal(expand('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${2}$0\ne: ${3|a\\,b,c|}'), 'a: x\nb: x\nc: p\nd: p\ne: a,b');
});

test('snippets cover the commonly written kinds and the failover scenario', () => {
  for (const p of [
    'tsb-workspace',
    'tsb-workspace-setting',
    'tsb-tenant',
    'tsb-gateway-group',
    'tsb-traffic-group',
    'tsb-security-group',
    'tsb-install-eastwest-gateway',
    'tsb-gateway',
    'tsb-service-route',
    'tsb-security-setting',
    'tsb-controlplane-dns-at-edge',
    'tsb-failover',
  ]) {
    assert.ok(SNIPPET_PREFIXES.includes(p), `no snippet with prefix ${p}`);
  }
  assert.equal(new Set(SNIPPET_PREFIXES).size, SNIPPET_PREFIXES.length, 'prefixes are unique');
});

const seriousProblems = (t: ReturnType<typeof project>, rel: string) =>
  t
    .diags(rel)
    .filter((p) => p.severity === 'error' || p.severity === 'warning')
    .map((p) => `${p.range.start.line + 1}: ${p.rule} ${p.message}`);

for (const sn of resourceSnippets(snippetDefaults(createProject().resolved()))) {
  test(`snippet ${sn.prefix} in an empty project expands to YAML that validates clean`, () => {
    assert.ok(sn.description, 'has a description');
    const text = expand(sn.body);
    const p = createProject();
    const uri = 'file:///snippet/example.yaml';
    const analysis = p.update(uri, text, 1);
    assert.ok(
      analysis.chunks.length > 0 && analysis.chunks.every((c) => c.result.analyses.every((a) => a.entry)),
      `every document is a known TSB kind:\n${text}`,
    );
    const problems = p.diagnostics(uri).filter((x) => x.severity === 'error' || x.severity === 'warning');
    assert.deepEqual(
      problems.map((x) => `${x.range.start.line + 1}: ${x.rule} ${x.message}`),
      [],
      text,
    );
  });
}

// A project with names of its own (nothing like the bundled example): two workspaces, one still without a
// WorkspaceSetting, a gateway group, an east-west and an ingress gateway, a Service with two versions,
// and a namespace with Services that no workspace owns. The defaults must find them.
const svc = (name: string, ns: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app: ${name}
spec:
  selector:
    app: ${name}`;
const deploy = (name: string, ns: string, version: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}-${version}
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        version: ${version}
    spec:
      containers:
        - name: ${name}
          image: example/${name}:1`;
const ns = (name: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    istio-injection: enabled`;
const PROJECT: Record<string, string> = {
  'tsb.config.yaml': `placements:
  - files: apps/**
    clusters: [east, west]
  - files: gateways/**
    clusters: [east, west]
`,
  'tsb/tenancy.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: Organization
metadata:
  name: acme
---
apiVersion: api.tsb.tetrate.io/v2
kind: Tenant
metadata:
  organization: acme
  name: retail
`,
  'tsb/storefront.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: acme
  tenant: retail
  name: storefront-ws
spec:
  namespaceSelector:
    names:
      - "*/storefront"
---
apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  organization: acme
  tenant: retail
  workspace: storefront-ws
  name: storefront-ws-setting
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: edge
        labels:
          app: edge-eastwest
`,
  'tsb/shop.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: acme
  tenant: retail
  name: shop-ws
spec:
  namespaceSelector:
    names:
      - "*/shop"
---
apiVersion: gateway.tsb.tetrate.io/v2
kind: Group
metadata:
  organization: acme
  tenant: retail
  workspace: shop-ws
  name: shop-gateways
spec:
  namespaceSelector:
    names:
      - "*/shop"
  configMode: BRIDGED
`,
  'gateways/gateways.yaml': `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: edge-eastwest
  namespace: edge
spec:
  eastWestOnly: true
---
apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: shop-ingress
  namespace: shop
spec: {}
`,
  'apps/apps.yaml':
    [
      ns('storefront'),
      svc('web', 'storefront'),
      deploy('web', 'storefront', 'v1'),
      deploy('web', 'storefront', 'v2'),
      ns('shop'),
      svc('cart', 'shop'),
      deploy('cart', 'shop', 'v1'),
      ns('payments'),
      svc('ledger', 'payments'),
      deploy('ledger', 'payments', 'v1'),
    ].join('\n---\n') + '\n',
};

test('defaults come from the project: its tenancy, the workspace without a setting, a free namespace, its east-west gateway', () => {
  const base = project(PROJECT);
  const byPrefix = new Map(resourceSnippets(snippetDefaults(base.p.resolved())).map((s) => [s.prefix, expand(s.body)]));
  const setting = byPrefix.get('tsb-workspace-setting')!;
  assert.match(
    setting,
    /organization: acme\n {2}tenant: retail\n {2}workspace: shop-ws\n {2}name: shop-ws-setting/,
    'the workspace that has no WorkspaceSetting yet',
  );
  assert.match(
    setting,
    /namespace: edge\n {8}labels:\n {10}app: edge-eastwest/,
    'the east-west gateway the project installs',
  );
  const ws = byPrefix.get('tsb-workspace')!;
  assert.match(ws, /name: payments-ws/);
  assert.match(ws, /- "\*\/payments"/, 'a namespace with Services that no workspace owns');
  assert.match(
    byPrefix.get('tsb-gateway')!,
    /workspace: shop-ws\n {2}group: shop-gateways[\s\S]*namespace: shop\n {4}labels:\n {6}app: shop-ingress[\s\S]*host: shop\/cart\.shop\.svc\.cluster\.local/,
  );
  assert.match(
    byPrefix.get('tsb-service-route')!,
    /service: storefront\/web\.storefront\.svc\.cluster\.local[\s\S]*name: v1[\s\S]*name: v2/,
    'the Service that has two versions',
  );
  assert.match(byPrefix.get('tsb-controlplane-dns-at-edge')!, /clusterName: east/);
  const failover = byPrefix.get('tsb-failover')!;
  assert.doesNotMatch(
    failover,
    /kind: IngressGateway/,
    'the project already installs an east-west gateway: select it, do not install a second',
  );
  for (const text of byPrefix.values())
    assert.doesNotMatch(
      text,
      /cluster-1|bookinfo|: tetrate$|eastwest-gateway/m,
      `no bundled example names where the project has its own:\n${text}`,
    );
});

for (const prefix of SNIPPET_PREFIXES) {
  test(`snippet ${prefix} accepted into a real project raises no problem`, () => {
    const base = project(PROJECT);
    const sn = resourceSnippets(snippetDefaults(base.p.resolved())).find((s) => s.prefix === prefix)!;
    const t = project({ ...PROJECT, 'tsb/new.yaml': expand(sn.body) });
    assert.deepEqual(seriousProblems(t, 'tsb/new.yaml'), [], expand(sn.body));
    // Nothing it adds breaks another file either (a namespace claimed twice is reported on both).
    for (const rel of Object.keys(PROJECT)) assert.deepEqual(seriousProblems(t, rel), seriousProblems(base, rel), rel);
  });
}

test('a WorkspaceSetting snippet where every workspace has one: one problem with one cause, never an error and a warning', () => {
  // BOOKINFO's only workspace already has its WorkspaceSetting.
  const base = project(BOOKINFO);
  const sn = resourceSnippets(snippetDefaults(base.p.resolved())).find((s) => s.prefix === 'tsb-workspace-setting')!;
  assert.match(sn.notes.join('\n'), /already has its WorkspaceSetting \(bookinfo-ws: bookinfo-ws-setting\)/);
  const t = project({ ...BOOKINFO, 'tsb/new.yaml': expand(sn.body) });
  const problems = t.diags('tsb/new.yaml');
  assert.ok(
    problems.every((p) => p.severity !== 'error'),
    JSON.stringify(problems),
  );
  assert.ok(problems.length <= 1, JSON.stringify(problems));
});

test('names with `$` (envsubst templates) stay as written, never read as snippet variables', () => {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(PROJECT))
    files[k] = v.replace(/\bretail\b/g, '$PREFIX-retail').replace(/shop-gateways/g, '$PREFIX-shop-gateways');
  const d = snippetDefaults(project(files).p.resolved());
  const byPrefix = new Map(resourceSnippets(d).map((s) => [s.prefix, expand(s.body)]));
  assert.match(
    byPrefix.get('tsb-gateway')!,
    /tenant: "\$PREFIX-retail"\n {2}workspace: shop-ws\n {2}group: "\$PREFIX-shop-gateways"/,
  );
  assert.match(byPrefix.get('tsb-workspace-setting')!, /tenant: "\$PREFIX-retail"/);
});
