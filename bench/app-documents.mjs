// The documents of the benchmark's generated projects: one app's TSB and Kubernetes documents (with a
// mistake injected on request) and the documents every project shares. Each document is an array of lines;
// `marks` names the line indexes the harness edits.

export const CLUSTERS = ['cluster-1', 'cluster-2'];
export const TENANTS = 5;
export const SERVICES_PER_APP = 16; // 6 TSB + 2 + 2*16 = 40 documents per app

const pad = (i) => String(i).padStart(4, '0');

/** Mistake kinds, each applied to one app; `both` = a schema error yaml-language-server reports too. */
export const MISTAKES = [
  { id: 'unknown-field', both: true }, // namespaceSelectr in a Group (unknown field + missing required)
  { id: 'invalid-type', both: true }, // port: "8080" in the gateway config
  { id: 'invalid-value', both: true }, // namespaceSelector name without cluster part
  { id: 'gateway-selector-no-match', both: false }, // WorkspaceSetting selects a label no gateway has
  { id: 'service-selector-no-match', both: false }, // exposedServices label no Service carries
  { id: 'parent-not-found', both: false }, // Group names a workspace that does not exist
  { id: 'namespace-not-injected', both: false }, // Namespace without istio-injection
  { id: 'mis-indented', both: true }, // defaultEastWestGatewaySettings not under spec
];

/**
 * One app's documents. Each document is an array of lines (no trailing newline, no `---`).
 * `marks` collects named line indexes (relative to the document) for edit targets.
 */
export function appDocs(i, mistake, unresolved = 0, tenants = TENANTS) {
  const app = `app-${pad(i)}`;
  const tenant = `t-${i % tenants}`;
  const ws = `ws-${pad(i)}`;
  const ingress = `ingress-${app}`;
  const tsb = [];
  const k8s = [];
  const m = (id) => mistake === id;
  // Unresolved references (the scaling suite): each one a distinct wrong value, near a real name or not.
  const u = (k) => k < unresolved;

  tsb.push({
    name: 'workspace',
    lines: [
      'apiVersion: api.tsb.tetrate.io/v2',
      'kind: Workspace',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  name: ${ws}`,
      'spec:',
      `  displayName: ${app} workspace`,
      '  namespaceSelector:',
      '    names:',
      m('invalid-value') ? `      - "${app}"` : `      - "*/${app}"`,
    ],
    marks: { displayName: 7 },
  });
  const selectorApp = m('gateway-selector-no-match') ? 'eastwest-gatway' : 'eastwest-gateway';
  const exposedTier = m('service-selector-no-match') ? 'backnd' : 'backend';
  const settingBody = [
    'defaultEastWestGatewaySettings:',
    '  - workloadSelector:',
    '      namespace: eastwest',
    '      labels:',
    `        app: ${selectorApp}`,
    '    exposedServices:',
    '      - serviceLabels:',
    `          tier: ${exposedTier}`,
  ];
  tsb.push({
    name: 'setting',
    lines: [
      'apiVersion: api.tsb.tetrate.io/v2',
      'kind: WorkspaceSetting',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  workspace: ${u(0) ? `${ws}x` : ws}`,
      `  name: ${ws}-setting`,
      'spec:',
      ...(m('mis-indented') ? settingBody : settingBody.map((l) => `  ${l}`)),
    ],
    // line of `app: eastwest-gateway` in the selector
    marks: { selectorApp: 8 + 4 },
  });
  tsb.push({
    name: 'gateway-group',
    lines: [
      'apiVersion: gateway.tsb.tetrate.io/v2',
      'kind: Group',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  workspace: ${m('parent-not-found') ? `${ws}x` : u(1) ? `${ws}-old` : ws}`,
      `  name: ${app}-gateways`,
      'spec:',
      m('unknown-field') ? '  namespaceSelectr:' : '  namespaceSelector:',
      '    names:',
      `      - "*/${app}"`,
      '  configMode: BRIDGED',
    ],
    marks: {},
  });
  tsb.push({
    name: 'traffic-group',
    lines: [
      'apiVersion: traffic.tsb.tetrate.io/v2',
      'kind: Group',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  workspace: ${u(3) ? `legacy-${i}` : ws}`,
      `  name: ${app}-traffic`,
      'spec:',
      '  namespaceSelector:',
      '    names:',
      `      - "*/${app}"`,
      '  configMode: BRIDGED',
    ],
    marks: {},
  });
  tsb.push({
    name: 'gateway-config',
    lines: [
      'apiVersion: gateway.tsb.tetrate.io/v2',
      'kind: IngressGateway',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  workspace: ${u(6) ? `${ws}-old` : ws}`,
      `  group: ${u(5) ? `${app}-gateway` : `${app}-gateways`}`,
      `  name: ${app}-ingress`,
      'spec:',
      '  workloadSelector:',
      `    namespace: ${u(2) && i % 2 ? `${app}-gw` : app}`,
      '    labels:',
      `      app: ${u(2) ? `${ingress}x` : ingress}`,
      '  http:',
      '    - name: web',
      `      hostname: ${app}.example.com`,
      m('invalid-type') ? '      port: "8080"' : '      port: 8080',
      '      routing:',
      '        rules:',
      '          - route:',
      `              host: ${app}/svc-0.${app}.svc.cluster.local`,
    ],
    marks: {},
  });
  tsb.push({
    name: 'service-route',
    lines: [
      'apiVersion: traffic.tsb.tetrate.io/v2',
      'kind: ServiceRoute',
      'metadata:',
      '  organization: tetrate',
      `  tenant: ${tenant}`,
      `  workspace: ${u(7) ? `wks-${i}` : ws}`,
      `  group: ${u(4) ? `${app}-trafic` : `${app}-traffic`}`,
      `  name: svc-0-route`,
      'spec:',
      `  service: ${app}/svc-0.${app}.svc.cluster.local`,
      '  subsets:',
      '    - name: v1',
      '      labels:',
      '        version: v1',
      '      weight: 100',
    ],
    marks: {},
  });

  k8s.push({
    name: 'namespace',
    lines: [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      `  name: ${app}`,
      ...(m('namespace-not-injected')
        ? ['  labels:', `    team: ${tenant}`]
        : ['  labels:', '    istio-injection: enabled']),
    ],
    marks: {},
  });
  k8s.push({
    name: 'install-ingress',
    lines: [
      'apiVersion: install.tetrate.io/v1alpha1',
      'kind: IngressGateway',
      'metadata:',
      `  name: ${ingress}`,
      `  namespace: ${app}`,
      'spec:',
      '  kubeSpec:',
      '    service:',
      '      type: LoadBalancer',
    ],
    marks: { name: 3 },
  });
  for (let s = 0; s < SERVICES_PER_APP; s++) {
    const svc = `svc-${s}`;
    k8s.push({
      name: `service-${s}`,
      lines: [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${svc}`,
        `  namespace: ${app}`,
        `  labels: {app: ${svc}, tier: ${s % 4 === 3 ? 'frontend' : 'backend'}}`,
        'spec:',
        `  selector: {app: ${svc}}`,
        '  ports: [{name: http, port: 8080}]',
      ],
      marks: {},
    });
    k8s.push({
      name: `deployment-${s}`,
      lines: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${svc}-v1`,
        `  namespace: ${app}`,
        'spec:',
        `  selector: {matchLabels: {app: ${svc}, version: v1}}`,
        '  template:',
        '    metadata:',
        `      labels: {app: ${svc}, version: v1}`,
        '    spec:',
        '      containers:',
        `        - name: ${svc}`,
        `          image: registry.example.com/${app}/${svc}:1.${s}.${i % 10}`,
        '          ports: [{containerPort: 8080}]',
      ],
      marks: {},
    });
  }
  return { app, tenant, ws, tsb, k8s };
}

export function sharedDocs(tenants = TENANTS) {
  const tenancy = [
    {
      name: 'organization',
      lines: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Organization',
        'metadata:',
        '  name: tetrate',
        'spec:',
        '  displayName: Tetrate',
      ],
      marks: {},
    },
  ];
  for (let t = 0; t < tenants; t++) {
    tenancy.push({
      name: `tenant-${t}`,
      lines: [
        'apiVersion: api.tsb.tetrate.io/v2',
        'kind: Tenant',
        'metadata:',
        '  organization: tetrate',
        `  name: t-${t}`,
        'spec:',
        `  displayName: Tenant ${t}`,
      ],
      marks: {},
    });
  }
  const eastwest = [
    {
      name: 'namespace',
      lines: [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: eastwest',
        '  labels:',
        '    istio-injection: enabled',
      ],
      marks: {},
    },
    {
      name: 'eastwest-gateway',
      lines: [
        'apiVersion: install.tetrate.io/v1alpha1',
        'kind: IngressGateway',
        'metadata:',
        '  name: eastwest-gateway',
        '  namespace: eastwest',
        'spec:',
        '  eastWestOnly: true',
      ],
      marks: { name: 3 },
    },
  ];
  const controlPlanes = CLUSTERS.map((c) => [
    {
      name: `controlplane-${c}`,
      lines: [
        'apiVersion: install.tetrate.io/v1alpha1',
        'kind: ControlPlane',
        'metadata:',
        '  name: controlplane',
        '  namespace: istio-system',
        'spec:',
        '  hub: registry.example.com/tetrate',
        '  managementPlane:',
        '    host: tsb.example.com',
        '    port: 8443',
        `    clusterName: ${c}`,
        '  telemetryStore:',
        '    elastic:',
        '      host: tsb.example.com',
        '      port: 8443',
        '      version: 7',
      ],
      marks: {},
    },
  ]);
  return { tenancy, eastwest, controlPlanes };
}
