// YAML documents and files the scaling shapes are made of: tenancy, namespaces, Services, Deployments,
// WorkspaceSettings, gateways and tsb.config.yaml placements.

export const PER_FILE = 100;
export const CLUSTERS = ['cluster-1', 'cluster-2'];

export const pad = (i, n = 6) => String(i).padStart(n, '0');
export const tsbMeta = (lines) => ['metadata:', ...lines.map((l) => `  ${l}`)];

export function workspace(name, tenant, names, extra = []) {
  return [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Workspace',
    ...tsbMeta(['organization: tetrate', `tenant: ${tenant}`, `name: ${name}`]),
    'spec:',
    '  namespaceSelector:',
    '    names:',
    ...names.map((n) => `      - "${n}"`),
    ...extra,
  ].join('\n');
}
export function tenantDoc(name) {
  return [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Tenant',
    ...tsbMeta(['organization: tetrate', `name: ${name}`]),
    'spec:',
    `  displayName: ${name}`,
  ].join('\n');
}
export const organization = () =>
  [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Organization',
    'metadata:',
    '  name: tetrate',
    'spec:',
    '  displayName: Tetrate',
  ].join('\n');
export function namespaceDoc(name, injected = true) {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    injected ? '    istio-injection: enabled' : '    team: none',
  ].join('\n');
}
export function serviceDoc(name, ns, labels, selector) {
  const flow = (o) =>
    `{${Object.entries(o)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}}`;
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    `  labels: ${flow(labels)}`,
    'spec:',
    `  selector: ${flow(selector)}`,
    '  ports: [{name: http, port: 8080}]',
  ].join('\n');
}
export function deploymentDoc(name, ns, labels) {
  const flow = (o) =>
    `{${Object.entries(o)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}}`;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    `  selector: {matchLabels: ${flow(labels)}}`,
    '  template:',
    '    metadata:',
    `      labels: ${flow(labels)}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: registry.example.com/${name}:1`,
  ].join('\n');
}
export function settingDoc(ws, tenant, name, eastWest) {
  const lines = [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: WorkspaceSetting',
    ...tsbMeta(['organization: tetrate', `tenant: ${tenant}`, `workspace: ${ws}`, `name: ${name}`]),
    'spec:',
  ];
  if (eastWest) {
    lines.push(
      '  defaultEastWestGatewaySettings:',
      '    - workloadSelector:',
      `        namespace: ${eastWest.namespace}`,
      '        labels:',
      `          app: ${eastWest.app}`,
    );
    if (eastWest.exposed?.length) {
      lines.push('      exposedServices:');
      for (const x of eastWest.exposed)
        lines.push('        - serviceLabels:', ...Object.entries(x).map(([k, v]) => `            ${k}: ${v}`));
    }
  }
  return lines.join('\n');
}
export function installGateway(name, ns, extra = []) {
  return [
    'apiVersion: install.tetrate.io/v1alpha1',
    'kind: IngressGateway',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    ...(extra.length ? extra : ['  kubeSpec:', '    service:', '      type: LoadBalancer']),
  ].join('\n');
}
export function placementsConfig(placements) {
  const out = ['placements:'];
  for (const p of placements) out.push(`  - files: "${p.files}"`, `    clusters: [${p.clusters.join(', ')}]`);
  return out.join('\n') + '\n';
}

/** Splits documents into files of PER_FILE documents each: `<prefix>/<k>.yaml`. */
export function chunked(prefix, docs) {
  const files = [];
  for (let k = 0; k * PER_FILE < docs.length; k++)
    files.push({ rel: `${prefix}/${pad(k, 4)}.yaml`, docs: docs.slice(k * PER_FILE, (k + 1) * PER_FILE) });
  return files;
}

export const defaultConfig = placementsConfig([{ files: '**', clusters: CLUSTERS }]);
