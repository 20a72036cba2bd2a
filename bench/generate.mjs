// Deterministic generator of TSB-like projects for the performance benchmark.
//
// A project is a set of "apps". Each app is one team's slice of a TSB GitOps repository:
//   tsb/<tenant>/<app>.yaml   Workspace, WorkspaceSetting (defaultEastWestGatewaySettings), gateway Group,
//                             traffic Group, gateway IngressGateway config (workloadSelector), ServiceRoute
//   apps/<app>/k8s.yaml       Namespace, install IngressGateway (the app's ingress), N Services + N Deployments
// plus shared files: tsb/tenancy.yaml (Organization, Tenants), gateways/eastwest.yaml (the east-west install
// IngressGateway every WorkspaceSetting selects), clusters/<c>/controlplane.yaml, and tsb.config.yaml with
// placements. Layout 'workspace' writes these as separate files; layout 'single' concatenates every document
// into one multi-document file (all.yaml) next to a tsb.config.yaml.
//
// Mistakes are injected deterministically (seeded PRNG) into a fraction of the apps: schema errors both
// servers see (unknown field, wrong type, bad namespaceSelector name) and cross-file ones only ours sees.
// The generator also returns edit targets: exact positions for one-character edits used by the harness.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CLUSTERS = ['cluster-1', 'cluster-2'];
export const TENANTS = 5;
export const SERVICES_PER_APP = 16; // 6 TSB + 2 + 2*16 = 40 documents per app

/** Small, fast, seedable PRNG (mulberry32): the same seed always yields the same project. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
function appDocs(i, mistake, unresolved = 0, tenants = TENANTS) {
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
      ...(m('namespace-not-injected') ? ['  labels:', `    team: ${tenant}`] : ['  labels:', '    istio-injection: enabled']),
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

function sharedDocs(tenants = TENANTS) {
  const tenancy = [
    { name: 'organization', lines: ['apiVersion: api.tsb.tetrate.io/v2', 'kind: Organization', 'metadata:', '  name: tetrate', 'spec:', '  displayName: Tetrate'], marks: {} },
  ];
  for (let t = 0; t < tenants; t++) {
    tenancy.push({ name: `tenant-${t}`, lines: ['apiVersion: api.tsb.tetrate.io/v2', 'kind: Tenant', 'metadata:', '  organization: tetrate', `  name: t-${t}`, 'spec:', `  displayName: Tenant ${t}`], marks: {} });
  }
  const eastwest = [
    { name: 'namespace', lines: ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: eastwest', '  labels:', '    istio-injection: enabled'], marks: {} },
    {
      name: 'eastwest-gateway',
      lines: ['apiVersion: install.tetrate.io/v1alpha1', 'kind: IngressGateway', 'metadata:', '  name: eastwest-gateway', '  namespace: eastwest', 'spec:', '  eastWestOnly: true'],
      marks: { name: 3 },
    },
  ];
  const controlPlanes = CLUSTERS.map((c) => [{
    name: `controlplane-${c}`,
    lines: [
      'apiVersion: install.tetrate.io/v1alpha1', 'kind: ControlPlane', 'metadata:', '  name: controlplane', '  namespace: istio-system', 'spec:',
      '  hub: registry.example.com/tetrate', '  managementPlane:', '    host: tsb.example.com', '    port: 8443', `    clusterName: ${c}`,
      '  telemetryStore:', '    elastic:', '      host: tsb.example.com', '      port: 8443', '      version: 7',
    ],
    marks: {},
  }]);
  return { tenancy, eastwest, controlPlanes };
}

/** Joins documents into file text; returns the text and each document's first line in the file. */
function render(docs) {
  const out = [];
  const starts = [];
  docs.forEach((d, k) => {
    if (k > 0) out.push('---');
    starts.push(out.length);
    out.push(...d.lines);
  });
  return { text: out.join('\n') + '\n', starts, lines: out.length };
}

/**
 * Writes one input. spec: { name, layout: 'single'|'workspace', apps, mistakeRate, seed }.
 * Returns { dir, files: [{rel, docs, lines}], docs, lines, bytes, mistakes: {id: count}, targets }.
 * targets: { edit, selector, dependent, fanout } — each { rel, line, character, insert, affected: [{rel, rule}] }
 */
export function generate(root, spec) {
  const dir = join(root, spec.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rand = rng(spec.seed ?? 7);
  const shared = sharedDocs(spec.tenants);
  const mistakes = {};
  const apps = [];
  for (let i = 0; i < spec.apps; i++) {
    let mistake;
    // Never put a mistake into the middle app: its documents are the edit targets.
    if (i !== Math.floor(spec.apps / 2) && rand() < (spec.mistakeRate ?? 0)) {
      mistake = MISTAKES[Math.floor(rand() * MISTAKES.length)].id;
      mistakes[mistake] = (mistakes[mistake] ?? 0) + 1;
    }
    const unresolved = i === Math.floor(spec.apps / 2) ? 0 : spec.unresolvedPerApp ?? 0;
    apps.push({ ...appDocs(i, mistake, unresolved, spec.tenants), mistake });
  }
  const mid = Math.floor(spec.apps / 2);
  const files = []; // { rel, docs: [{name, lines, marks, app?}] }
  const placements = [];
  if (spec.layout === 'single') {
    // One file: tenancy first, then app after app (their TSB and Kubernetes documents), gateways, control planes.
    const docs = [...shared.tenancy.map((d) => ({ ...d, app: 'shared', part: 'tenancy' }))];
    docs.push(...shared.eastwest.map((d) => ({ ...d, app: 'shared', part: 'eastwest' })));
    for (const a of apps) {
      docs.push(...a.tsb.map((d) => ({ ...d, app: a.app, part: 'tsb' })));
      docs.push(...a.k8s.map((d) => ({ ...d, app: a.app, part: 'k8s' })));
    }
    files.push({ rel: 'all.yaml', docs });
    placements.push({ files: 'all.yaml', clusters: CLUSTERS });
  } else {
    files.push({ rel: 'tsb/tenancy.yaml', docs: shared.tenancy.map((d) => ({ ...d, app: 'shared', part: 'tenancy' })) });
    files.push({ rel: 'gateways/eastwest.yaml', docs: shared.eastwest.map((d) => ({ ...d, app: 'shared', part: 'eastwest' })) });
    CLUSTERS.forEach((c, k) => { files.push({ rel: `clusters/${c}/controlplane.yaml`, docs: shared.controlPlanes[k] }); });
    for (const a of apps) {
      files.push({ rel: `tsb/${a.tenant}/${a.app}.yaml`, docs: a.tsb.map((d) => ({ ...d, app: a.app, part: 'tsb' })) });
      files.push({ rel: `apps/${a.app}/k8s.yaml`, docs: a.k8s.map((d) => ({ ...d, app: a.app, part: 'k8s' })) });
    }
    placements.push({ files: 'apps/**', clusters: CLUSTERS }, { files: 'gateways/**', clusters: CLUSTERS });
    for (const c of CLUSTERS) placements.push({ files: `clusters/${c}/**`, clusters: [c] });
  }
  const cfg = ['# Generated by bench/generate.mjs: where each file is applied.', 'placements:'];
  for (const p of placements) cfg.push(`  - files: ${p.files}`, `    clusters: [${p.clusters.join(', ')}]`);
  // With deploy scripts, the scripts say where files go (no placements: the deployment is inferred).
  writeFileSync(join(dir, 'tsb.config.yaml'), spec.deployScripts ? '# Generated by bench/generate.mjs: placements inferred from scripts/.\n' : cfg.join('\n') + '\n');
  if (spec.deployScripts) writeDeployScripts(dir, files.map((f) => f.rel));

  // Write files, remember where the target documents landed.
  const where = new Map(); // `${app}|${docName}` -> { rel, line (of doc start) }
  const outFiles = [];
  let totalDocs = 0;
  let totalLines = 0;
  let bytes = 0;
  for (const f of files) {
    const r = render(f.docs);
    f.docs.forEach((d, k) => { where.set(`${d.app}|${d.part}|${d.name}`, { rel: f.rel, line: r.starts[k], doc: d }); });
    const p = join(dir, f.rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, r.text);
    outFiles.push({ rel: f.rel, docs: f.docs.length, lines: r.lines, bytes: Buffer.byteLength(r.text) });
    totalDocs += f.docs.length;
    totalLines += r.lines;
    bytes += Buffer.byteLength(r.text);
  }
  const at = (app, part, name, mark) => {
    const w = where.get(`${app}|${part}|${name}`);
    const line = w.line + w.doc.marks[mark];
    return { rel: w.rel, line, text: w.doc.lines[w.doc.marks[mark]] };
  };
  const midApp = apps[mid];
  // 1. An in-file edit: `displayName` -> `displayNamex` in the middle app's Workspace (unknown field, both servers).
  const e = at(midApp.app, 'tsb', 'workspace', 'displayName');
  const edit = { ...e, character: e.text.indexOf(':'), insert: 'x', affected: [{ rel: e.rel, line: e.line, rule: 'unknown-field' }] };
  // 2. A selector edit: the middle app's WorkspaceSetting east-west selector label gets one more character
  //    (gateway-selector-no-match appears in that file: a cross-file rule result).
  const s = at(midApp.app, 'tsb', 'setting', 'selectorApp');
  const selector = { ...s, character: s.text.length, insert: 'x', affected: [{ rel: s.rel, rule: 'gateway-selector-no-match' }] };
  // 3. A dependency edit: the middle app's install IngressGateway is renamed by one character; its gateway
  //    config in tsb/<tenant>/<app>.yaml (another file in the workspace layout) then selects nothing.
  const d = at(midApp.app, 'k8s', 'install-ingress', 'name');
  const dependent = { ...d, character: d.text.length, insert: 'x', affected: [{ rel: where.get(`${midApp.app}|tsb|gateway-config`).rel, rule: 'gateway-selector-no-match' }] };
  // 4. A fan-out edit: the shared east-west gateway is renamed: every WorkspaceSetting's selector breaks.
  const f = at('shared', 'eastwest', 'eastwest-gateway', 'name');
  // Apps whose own selector is already wrong (or not under spec) keep their one warning: not affected.
  const fanoutFiles = [...new Set(apps.filter((a) => a.mistake !== 'gateway-selector-no-match' && a.mistake !== 'mis-indented').map((a) => where.get(`${a.app}|tsb|setting`).rel))];
  const fanout = { ...f, character: f.text.length, insert: 'x', affected: fanoutFiles.map((rel) => ({ rel, rule: 'gateway-selector-no-match' })) };
  return {
    name: spec.name, dir, layout: spec.layout, apps: spec.apps, files: outFiles, docs: totalDocs, lines: totalLines, bytes, mistakes,
    unresolved: (spec.apps - (spec.unresolvedPerApp ? 1 : 0)) * (spec.unresolvedPerApp ?? 0),
    targets: { edit, selector, dependent, fanout },
  };
}

/**
 * Deploy scripts as a repository of this shape would have them: one script per cluster applying the
 * cluster's control plane, the shared gateways and every app (one kubectl line each), a tctl script for
 * the TSB configuration, a Makefile calling them, and a README with the commands.
 */
function writeDeployScripts(dir, rels) {
  const k8s = rels.filter((r) => r.startsWith('apps/') || r.startsWith('gateways/'));
  const tsb = rels.filter((r) => r.startsWith('tsb/'));
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  for (const c of CLUSTERS) {
    const lines = ['#!/usr/bin/env bash', 'set -euo pipefail', `CTX=${c}`, `kubectl --context "$CTX" apply -f clusters/${c}/controlplane.yaml`];
    for (const r of k8s) lines.push(`kubectl --context "$CTX" apply -f ${r}`);
    writeFileSync(join(dir, 'scripts', `deploy-${c}.sh`), lines.join('\n') + '\n');
  }
  writeFileSync(join(dir, 'scripts', 'tsb.sh'), ['#!/usr/bin/env bash', 'set -euo pipefail', ...tsb.map((r) => `tctl apply -f ${r}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'Makefile'), ['.PHONY: all tsb ' + CLUSTERS.join(' '), `all: tsb ${CLUSTERS.join(' ')}`, 'tsb:', '\t./scripts/tsb.sh',
    ...CLUSTERS.flatMap((c) => [`${c}:`, `\t./scripts/deploy-${c}.sh`])].join('\n') + '\n');
  writeFileSync(join(dir, 'README.md'), ['# Platform configuration', '', 'Apply the TSB configuration, then each cluster:', '', '```sh', './scripts/tsb.sh',
    ...CLUSTERS.map((c) => `./scripts/deploy-${c}.sh`), '```', '', 'One app by hand:', '', '```sh', 'kubectl --context cluster-1 apply -f apps/app-0000/k8s.yaml', '```'].join('\n') + '\n');
}

/** The benchmark's inputs (and a quick set for smoke runs). Sizes: 40 documents per app, ~13 lines each. */
export const INPUTS = {
  'file-1k': { layout: 'single', apps: 25, mistakeRate: 0.3, seed: 11, runs: 5, label: '1 file, 1,000 docs' },
  'file-1k-clean': { layout: 'single', apps: 25, mistakeRate: 0, seed: 11, runs: 5, label: '1 file, 1,000 docs, no mistakes' },
  'file-5k': { layout: 'single', apps: 125, mistakeRate: 0.3, seed: 12, runs: 3, label: '1 file, 5,000 docs' },
  'ws-10k': { layout: 'workspace', apps: 250, mistakeRate: 0.3, seed: 13, runs: 3, label: '500 files, 10,000 docs' },
  // A file and a workspace where references resolve to nothing (did-you-mean on every edit).
  'file-1k-unresolved': { layout: 'single', apps: 26, mistakeRate: 0, seed: 15, runs: 5, unresolvedPerApp: 8, tenants: 1, label: '1 file, 1,000 docs, 200 unresolved references' },
  'ws-10k-unresolved': { layout: 'workspace', apps: 250, mistakeRate: 0, seed: 16, runs: 3, unresolvedPerApp: 4, tenants: 1, cliOnly: true, label: '500 files, 10,000 docs, 1,000 unresolved references' },
  // The file-1k file opened in a folder that also holds ~17 MB of other YAML (a repository of 1,650 apps).
  'open-in-big-folder': { bigFolder: true, folderApps: 1650, runs: 3, label: 'a 1,000-document file opened in a folder with 17 MB of other YAML' },
  'file-300k': { layout: 'single', apps: 575, mistakeRate: 0.3, seed: 14, runs: 2, label: '1 file, 300k lines' },
};

export const QUICK_INPUTS = {
  'open-in-big-folder': { ...INPUTS['open-in-big-folder'], folderApps: 50, runs: 1, label: 'a 1,000-document file in a folder with 0.5 MB of other YAML (quick)' },
  'file-1k': { ...INPUTS['file-1k'], apps: 5, runs: 1, label: '1 file, 200 docs (quick)' },
  'ws-10k': { ...INPUTS['ws-10k'], apps: 10, runs: 1, label: '20 files, 400 docs (quick)' },
  'file-300k': { ...INPUTS['file-300k'], apps: 25, runs: 1, label: '1 file, 1,000 docs (quick)' },
};

// `node bench/generate.mjs OUTDIR [NAME...]` writes inputs without running anything.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, ...names] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node bench/generate.mjs OUTDIR [input...]');
    process.exit(2);
  }
  for (const n of names.length ? names : Object.keys(INPUTS)) {
    const g = generate(outDir, { name: n, ...INPUTS[n] });
    console.log(`${n}: ${g.files.length} files, ${g.docs} docs, ${g.lines} lines, ${(g.bytes / 1048576).toFixed(1)} MiB, mistakes ${JSON.stringify(g.mistakes)}`);
  }
}
