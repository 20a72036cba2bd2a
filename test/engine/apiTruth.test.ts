// The schemas true to the real TSB API (issue: output-only fields, exact JSON names, fields of the
// current and of older TSB versions, tsbVersion, required-ness, real kinds, null values, mistakes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, project, rng, type TestProject } from '../helpers/engine';
import { repoRoot } from '../helpers/repo';

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot(), 'test/fixtures/tctl-get', name), 'utf8');
const errorsAndWarnings = (ds: ReturnType<typeof lint>) =>
  ds
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.range.start.line + 1} ${d.rule}: ${d.message}`);

const META = (kind: string, apiVersion: string, extra = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n${extra}`;

const CP = (components: string, extra = '') => `apiVersion: install.tetrate.io/v1alpha1
kind: ControlPlane
metadata:
  name: controlplane
  namespace: istio-system
spec:
  hub: docker.io/tetrate
  managementPlane:
    host: tsb.example.com
    port: 443
    clusterName: c1
  telemetryStore:
    elastic:
      host: es.example.com
      port: 9200
${extra}  components:
${components}`;

// ---- output-only fields ---------------------------------------------------------------------------

test('tctl get -o yaml output (fqn and etag on spec and on embedded settings) has no errors or warnings', () => {
  for (const f of ['tenancy.yaml', 'groups.yaml']) {
    assert.deepEqual(errorsAndWarnings(lint(fixture(f))), [], f);
  }
});

test('fqn/etag are accepted on every TSB config kind, and only where tctl prints them', () => {
  const ds = lint(
    META(
      'TrafficSetting',
      'traffic.tsb.tetrate.io/v2',
      'spec:\n  fqn: a/b\n  etag: \'"x"\'\n  outbound:\n    fqn: nope\n',
    ),
  );
  assert.deepEqual(
    ds.map((d) => [d.rule, d.range.start.line]),
    [['unknown-field', 12]],
  );
});

// ---- exact JSON names -------------------------------------------------------------------------------

test('the protobuf JSON names are accepted: defaultWorkloadCertTTL, maxWorkloadCertTTL, consecutive5xx, CNI', () => {
  const cp = CP(
    '    istio:\n      defaultWorkloadCertTTL: 24h\n      maxWorkloadCertTTL: 48h\n      kubeSpec:\n        CNI:\n          chained: true\n',
  );
  assert.deepEqual(errorsAndWarnings(lint(cp)), []);
  // consecutive5xx / enforcingConsecutive5xx are in tenancy.yaml above.
});

test('the snake-case-derived spellings get key-case with a fix to the name TSB accepts', () => {
  const ds = lint(
    CP('    istio:\n      defaultWorkloadCertTtl: 24h\n      kubeSpec:\n        cni:\n          chained: true\n'),
  );
  assert.deepEqual(
    ds.map((d) => [d.rule, d.data]),
    [
      ['key-case', { fix: 'rename-key', to: 'defaultWorkloadCertTTL' }],
      ['key-case', { fix: 'rename-key', to: 'CNI' }],
    ],
  );
  const ts = lint(
    META(
      'TrafficSetting',
      'traffic.tsb.tetrate.io/v2',
      'spec:\n  outbound:\n    upstreamTrafficSettings:\n      - hosts: ["*"]\n        settings:\n          resilience:\n            outlierDetection:\n              consecutive5Xx: 5\n',
    ),
  );
  assert.deepEqual(
    ts.map((d) => [d.rule, d.data]),
    [['key-case', { fix: 'rename-key', to: 'consecutive5xx' }]],
  );
});

// ---- fields of the current API ----------------------------------------------------------------------

const CURRENT_FIELDS: [string, string][] = [
  [
    'install Gateway terminationGracePeriodSeconds',
    'apiVersion: install.tetrate.io/v1alpha1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: gw\nspec:\n  terminationGracePeriodSeconds: 30\n',
  ],
  [
    'Gateway http extensions lua and dynamicModule, OIDC cookieConfig',
    META(
      'Gateway',
      'gateway.tsb.tetrate.io/v2',
      `spec:
  workloadSelector: { namespace: gw, labels: { app: gw } }
  http:
    - name: h
      hostname: a.example.com
      port: 8443
      authentication:
        oidc:
          clientId: c
          clientTokenSecret: s
          redirectUri: https://a.example.com/cb
          provider: { issuer: https://idp.example.com }
          cookieConfig: { sameSite: STRICT }
      extensions:
        lua:
          plugins:
            - name: p
              inlineCode: "function envoy_on_request(h) end"
        dynamicModule:
          plugins:
            - name: coraza-waf
      routing:
        rules:
          - route: { serviceDestination: { host: ns/a.ns.svc.cluster.local } }
`,
    ),
  ],
  [
    'SecuritySetting OIDC cookieConfig',
    META(
      'SecuritySetting',
      'security.tsb.tetrate.io/v2',
      'spec:\n  authenticationSettings:\n    http:\n      oidc:\n        clientId: c\n        clientTokenSecret: s\n        redirectUri: https://a.example.com/cb\n        provider: { issuer: https://idp.example.com }\n        cookieConfig: { sameSite: LAX }\n',
    ),
  ],
  [
    'ControlPlane telemetryStoreMigrationTarget and oap.alsAuthLogEnabled',
    CP(
      '    oap:\n      alsAuthLogEnabled: true\n',
      '  telemetryStoreMigrationTarget:\n    banyandb: { host: bdb.example.com, port: 17912 }\n',
    ),
  ],
  [
    'Organization serviceAccountKeySettings',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Organization\nmetadata:\n  name: o\nspec:\n  serviceAccountKeySettings: {}\n',
  ],
  [
    'Team oidcGroups, excludeFromJitReconcile, externalMembers',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Team\nmetadata:\n  name: t\n  organization: o\nspec:\n  oidcGroups: [admins]\n  excludeFromJitReconcile: true\n  externalMembers: [a@example.com]\n',
  ],
];

test('fields of the current TSB API (2026) are accepted without a diagnostic by default', () => {
  for (const [what, text] of CURRENT_FIELDS)
    assert.deepEqual(
      lint(text).map((d) => `${d.rule}: ${d.message}`),
      [],
      what,
    );
});

// ---- fields of older versions, tsbVersion -------------------------------------------------------------

const OLD_CP = CP('    istio:\n      pilotOverlays: []\n      cniOverlays: []\n      baseOverlays: []\n');
const OLD_TS = META(
  'TrafficSetting',
  'traffic.tsb.tetrate.io/v2',
  'spec:\n  resilience:\n    tcpKeepalive:\n      probes: 3\n',
);

test('fields of older TSB versions are a deprecated-field note by default, never an error', () => {
  const cp = lint(OLD_CP);
  assert.deepEqual(
    cp.map((d) => [d.rule, d.severity]),
    [
      ['deprecated-field', 'info'],
      ['deprecated-field', 'info'],
      ['deprecated-field', 'info'],
    ],
  );
  assert.match(
    cp[0]!.message,
    /`pilotOverlays` is a field of older TSB versions, not of the current TSB API; use `kubeSpec.overlays`/,
  );
  const ts = lint(OLD_TS).filter((d) => d.message.includes('tcpKeepalive'));
  assert.deepEqual(
    ts.map((d) => [d.rule, d.severity]),
    [['deprecated-field', 'info']],
  );
});

function withVersion(version: string | undefined, text: string, setting?: string): TestProject {
  const files: Record<string, string> = { 'doc.yaml': text };
  if (version !== undefined) files['tsb.config.yaml'] = `tsbVersion: ${version}\n`;
  return project(files, setting ? { tsbVersion: setting } : undefined);
}

test('tsbVersion: current makes fields of older versions errors; an older version keeps them notes', () => {
  const cur = withVersion('current', OLD_CP).diags('doc.yaml');
  assert.deepEqual(
    cur.map((d) => [d.rule, d.severity]),
    [
      ['unknown-field', 'error'],
      ['unknown-field', 'error'],
      ['unknown-field', 'error'],
    ],
  );
  assert.match(cur[0]!.message, /not in the current TSB API .*\(tsbVersion\).*use `kubeSpec.overlays`/);
  const old = withVersion('"1.10"', OLD_CP).diags('doc.yaml');
  assert.deepEqual(
    old.map((d) => d.rule),
    ['deprecated-field', 'deprecated-field', 'deprecated-field'],
  );
});

test('a field newer than the chosen version is an error naming where it was added; none by default', () => {
  const team = CURRENT_FIELDS.find(([w]) => w.startsWith('Team'))![1];
  const old = withVersion('1.12', team).diags('doc.yaml');
  assert.deepEqual(
    old.map((d) => d.rule),
    ['unknown-field', 'unknown-field', 'unknown-field'],
  );
  assert.match(old[0]!.message, /`oidcGroups` is not in TSB 1.12 \(tsbVersion\): it was added in the current TSB API/);
  assert.deepEqual(withVersion('current', team).diags('doc.yaml'), []);
  // failoverSettings came with 1.12.
  const wss =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  name: s\n  organization: o\n  tenant: t\n  workspace: w\nspec:\n  failoverSettings:\n    topologyChoice: CLUSTER\n';
  assert.deepEqual(withVersion('"1.11"', wss).rules('doc.yaml'), ['unknown-field']);
  assert.deepEqual(withVersion('1.12', wss).rules('doc.yaml'), []);
});

test('the tsb.version setting picks the version; tsb.config.yaml tsbVersion wins over it', () => {
  const team = CURRENT_FIELDS.find(([w]) => w.startsWith('Team'))![1];
  assert.deepEqual(withVersion(undefined, team, '1.12').rules('doc.yaml'), [
    'unknown-field',
    'unknown-field',
    'unknown-field',
  ]);
  assert.deepEqual(withVersion('current', team, '1.12').rules('doc.yaml'), []);
});

test('a tsbVersion that is not a TSB version is a config-invalid error on the config file', () => {
  const t = project({ 'tsb.config.yaml': 'tsbVersion: banana\n', 'doc.yaml': OLD_CP });
  const ds = t.diags('tsb.config.yaml');
  assert.deepEqual(
    ds.map((d) => d.rule),
    ['config-invalid'],
  );
  assert.deepEqual(rng(ds[0]!.range), [0, 12, 0, 18]);
  // The project then behaves as without a version.
  assert.deepEqual(t.rules('doc.yaml'), ['deprecated-field', 'deprecated-field', 'deprecated-field']);
});

// ---- required-ness, null -------------------------------------------------------------------------

test('collector envoyMetricScrapingSelectors workloadSelector does not require labels', () => {
  assert.deepEqual(
    lint(
      CP(
        '    collector:\n      envoyMetricScrapingSelectors:\n        - workloadSelector:\n            namespace: bookinfo\n',
      ),
    ),
    [],
  );
});

test('a key followed only by comments (null) is read as unset, as Kubernetes and the operator do', () => {
  assert.deepEqual(lint(CP('    istio:\n      kubeSpec:\n        # overlays go here\n    oap:\n')), []);
  const ws = lint(
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: w\n  organization: o\n  tenant: t\nspec:\n  # nothing yet\n',
  );
  assert.deepEqual(
    ws.map((d) => [d.rule, d.range.start.line]),
    [['missing-field', 6]],
  );
  assert.match(ws[0]!.message, /`spec` is empty, which Kubernetes and TSB read as unset/);
});

// ---- kinds ---------------------------------------------------------------------------------------------

test('real kinds are recognised: Profile, WasmExtension, User, per-type AccessBindings, ResourceStatus', () => {
  const docs = [
    'apiVersion: profile.tsb.tetrate.io/v2\nkind: Profile\nmetadata:\n  name: p\n  organization: o\nspec:\n  displayName: P\n',
    'apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata:\n  name: e\n  organization: o\nspec:\n  url: oci://registry.example.com/ext:1\n  phase: AUTHN\n',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: User\nmetadata:\n  name: u\n  organization: o\nspec:\n  loginName: u\n  email: u@example.com\n',
    'apiVersion: rbac.tsb.tetrate.io/v2\nkind: ApplicationAccessBindings\nmetadata:\n  organization: o\n  tenant: t\n  application: a\nspec:\n  allow:\n    - role: rbac/admin\n      subjects: [{ user: organizations/o/users/u }]\n',
    'apiVersion: rbac.tsb.tetrate.io/v2\nkind: APIAccessBindings\nmetadata:\n  organization: o\n  tenant: t\nspec:\n  allow:\n    - role: rbac/reader\n      subjects: [{ team: organizations/o/teams/t }]\n',
    'apiVersion: rbac.tsb.tetrate.io/v2\nkind: WorkspaceAccessBindings\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\nspec:\n  allow:\n    - role: rbac/admin\n      subjects: [{ serviceAccount: organizations/o/serviceaccounts/sa }]\n',
    'apiVersion: api.tsb.tetrate.io/v2\nkind: ResourceStatus\nmetadata:\n  name: w\nspec:\n  status: ACCEPTED\n',
  ];
  for (const d of docs)
    assert.deepEqual(
      lint(d).map((x) => `${x.rule}: ${x.message}`),
      [],
      d.split('\n')[1],
    );
});

test('unknown-kind offers a fix only for an obvious typo of a kind of the same group', () => {
  const typo = lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Usr\nmetadata:\n  name: x\n');
  assert.deepEqual(
    typo.map((d) => [d.rule, d.data]),
    [
      [
        'unknown-kind',
        {
          fix: 'replace-value',
          to: 'User',
          candidates: typo[0]!.data?.fix === 'replace-value' ? typo[0]!.data.candidates : [],
        },
      ],
    ],
  );
  // Not a typo of anything: no rewrite into another kind.
  const other = lint('apiVersion: api.tsb.tetrate.io/v2\nkind: Subscription\nmetadata:\n  name: x\n');
  assert.deepEqual(
    other.map((d) => [d.rule, d.data]),
    [['unknown-kind', undefined]],
  );
  // An unknown group that is no typo of a known one: no fix either.
  const group = lint('apiVersion: observability.tsb.tetrate.io/v2\nkind: Dashboard\nmetadata:\n  name: x\n');
  assert.deepEqual(
    group.map((d) => [d.rule, d.data]),
    [['unknown-kind', undefined]],
  );
});

// ---- mistakes that were accepted ----------------------------------------------------------------------

test('mistakes are reported: extension on the unified Gateway, kubeSpec.job, secretKeyRef.name, hpaSpec.scaleTargetRef', () => {
  const gw = lint(
    META(
      'Gateway',
      'gateway.tsb.tetrate.io/v2',
      'spec:\n  workloadSelector: { namespace: gw, labels: { app: gw } }\n  extension:\n    - fqn: organizations/o/extensions/e\n',
    ),
  );
  assert.deepEqual(
    gw.map((d) => d.rule),
    ['unknown-field'],
  );
  assert.match(gw[0]!.message, /wasmPlugins/);
  const install = (kubeSpec: string) =>
    lint(
      `apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: gw\n  namespace: gw\nspec:\n  kubeSpec:\n${kubeSpec}`,
    );
  assert.deepEqual(
    install('    job:\n      podAnnotations: { a: b }\n').map((d) => d.rule),
    ['unknown-field'],
  );
  const secret = install(
    '    deployment:\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef:\n              name: token\n              key: t\n',
  );
  assert.deepEqual(
    secret.map((d) => d.rule),
    ['unknown-field'],
  );
  assert.match(secret[0]!.message, /belongs under `localObjectReference`/);
  assert.deepEqual(
    install(
      '    deployment:\n      hpaSpec:\n        maxReplicas: 3\n        scaleTargetRef: { kind: Deployment, name: gw }\n',
    ).map((d) => d.rule),
    ['unknown-field'],
  );
  // The API's spellings are clean.
  assert.deepEqual(
    install(
      '    deployment:\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef:\n              localObjectReference: { name: token }\n              key: t\n      hpaSpec:\n        maxReplicas: 3\n',
    ),
    [],
  );
});

test('namespaceSelector names must be <cluster>/<kubernetes namespace>: spaces, upper case, tabs are rejected', () => {
  const ws = (name: string) =>
    lint(
      `apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: w\n  organization: o\n  tenant: t\nspec:\n  namespaceSelector:\n    names: [${JSON.stringify(name)}]\n`,
    );
  for (const bad of ['c1/has space', 'c1/Upper', 'c1/tab\there', 'c 1/ns', 'c1/ns*x'])
    assert.deepEqual(
      ws(bad).map((d) => d.rule),
      ['invalid-value'],
      bad,
    );
  for (const good of ['*/ns1', 'c1/ns1', 'c1/*', '*/*', 'c1/ns*', 'cluster-1.eu/ns-a', 'C1/ns'])
    assert.deepEqual(ws(good), [], good);
});
