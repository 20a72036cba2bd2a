// Generated projects for the scaling suite: one project per shape of cross-file work, at any
// size N (the number of YAML documents), so that `npm run bench` can tell linear work from super-linear.
// Each shape stresses one cross-file computation; the documents are valid on their own, so what grows
// beyond the parse is the cross-file step. Files hold at most 100 documents each (a repository layout).
//
//   node bench/shapes.mjs OUTDIR N [shape...]     writes OUTDIR/<shape>-<N>/ for each shape
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate } from './generate.mjs';

const PER_FILE = 100;
const CLUSTERS = ['cluster-1', 'cluster-2'];

const pad = (i, n = 6) => String(i).padStart(n, '0');
const tsbMeta = (lines) => ['metadata:', ...lines.map((l) => `  ${l}`)];

function workspace(name, tenant, names, extra = []) {
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
function tenantDoc(name) {
  return [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Tenant',
    ...tsbMeta(['organization: tetrate', `name: ${name}`]),
    'spec:',
    `  displayName: ${name}`,
  ].join('\n');
}
const organization = () =>
  [
    'apiVersion: api.tsb.tetrate.io/v2',
    'kind: Organization',
    'metadata:',
    '  name: tetrate',
    'spec:',
    '  displayName: Tetrate',
  ].join('\n');
function namespaceDoc(name, injected = true) {
  return [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    injected ? '    istio-injection: enabled' : '    team: none',
  ].join('\n');
}
function serviceDoc(name, ns, labels, selector) {
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
function deploymentDoc(name, ns, labels) {
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
function settingDoc(ws, tenant, name, eastWest) {
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
function installGateway(name, ns, extra = []) {
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
function placementsConfig(placements) {
  const out = ['placements:'];
  for (const p of placements) out.push(`  - files: "${p.files}"`, `    clusters: [${p.clusters.join(', ')}]`);
  return out.join('\n') + '\n';
}

/** Splits documents into files of PER_FILE documents each: `<prefix>/<k>.yaml`. */
function chunked(prefix, docs) {
  const files = [];
  for (let k = 0; k * PER_FILE < docs.length; k++)
    files.push({ rel: `${prefix}/${pad(k, 4)}.yaml`, docs: docs.slice(k * PER_FILE, (k + 1) * PER_FILE) });
  return files;
}

const defaultConfig = placementsConfig([{ files: '**', clusters: CLUSTERS }]);

/**
 * Shapes: (n) => { files: [{rel, docs}], config, refs?: what unresolved references there are }.
 * Documents are counted exactly (a shape of n has n documents, give or take the few shared ones).
 */
export const SHAPES = {
  /** The benchmark's repository (Workspaces, settings, groups, gateways, Services, Deployments; one tenant) with one document in ten an unresolved reference: WorkspaceSettings and Groups naming missing workspaces, gateway selectors matching no gateway (half of them in a namespace with no gateway). */
  unresolved: { label: 'repository layout, one document in ten an unresolved reference', special: 'generate' },
  /** Workspaces whose tenant does not exist, among as many tenants (did-you-mean over n/2 names for each of n/2 distinct wrong values). */
  'missing-tenants': {
    label: 'n/2 Tenants, n/2 Workspaces each naming a missing tenant',
    make(n) {
      const half = Math.floor(n / 2);
      const tenants = [organization()];
      for (let i = 0; i < half; i++) tenants.push(tenantDoc(`tenant-${pad(i)}`));
      const wss = [];
      for (let i = 0; i < half; i++) wss.push(workspace(`ws-${pad(i)}`, `tenant-${pad(i)}x`, [`*/ns-${pad(i)}`]));
      return { files: [...chunked('tenants', tenants), ...chunked('workspaces', wss)], config: defaultConfig };
    },
  },
  // Workspaces claiming prefix wildcards (`team-<i>-*` in any cluster) and a Namespace for each.
  'prefix-wildcards': {
    label: 'n/2 Workspaces with prefix wildcards (*/team-i-*), n/2 Namespaces',
    make(n) {
      const half = Math.floor(n / 2);
      const docs = [organization(), tenantDoc('t')];
      for (let i = 0; i < half; i++) docs.push(workspace(`ws-${pad(i)}`, 't', [`*/team-${pad(i)}-*`]));
      const nss = [];
      for (let i = 0; i < half; i++) nss.push(namespaceDoc(`team-${pad(i)}-prod`, i % 10 !== 0));
      return { files: [...chunked('tsb', docs), ...chunked('namespaces', nss)], config: defaultConfig };
    },
  },
  /** One Workspace naming every namespace exactly, one wildcard Workspace, n Namespaces (the injection check). */
  injection: {
    label: 'one Workspace naming n namespaces, one wildcard Workspace, n Namespaces',
    make(n) {
      const names = [];
      for (let i = 0; i < n; i++) names.push(`*/ns-${pad(i)}`);
      const docs = [
        organization(),
        tenantDoc('t'),
        workspace('exact', 't', names),
        workspace('wild', 't', ['*/other-*']),
      ];
      const nss = [];
      for (let i = 0; i < n; i++) nss.push(namespaceDoc(`ns-${pad(i)}`, i % 10 !== 0));
      return {
        files: [
          ...chunked('tsb', docs.slice(0, 2)),
          { rel: 'tsb/workspaces.yaml', docs: docs.slice(2) },
          ...chunked('namespaces', nss),
        ],
        config: defaultConfig,
      };
    },
  },
  /** One namespace holding n/2 Services and n/2 Deployments, in a workspace with east-west failover. */
  'big-namespace': {
    label: 'one namespace with n/2 Services and n/2 Deployments',
    make(n) {
      const half = Math.floor(n / 2);
      const tsb = [
        organization(),
        tenantDoc('t'),
        workspace('big', 't', ['*/big']),
        settingDoc('big', 't', 'big-setting', { namespace: 'eastwest', app: 'eastwest-gateway' }),
      ];
      const k8s = [
        namespaceDoc('big'),
        namespaceDoc('eastwest'),
        installGateway('eastwest-gateway', 'eastwest', ['  eastWestOnly: true']),
      ];
      const objs = [];
      for (let i = 0; i < half; i++) {
        objs.push(
          serviceDoc(`svc-${pad(i)}`, 'big', { app: `svc-${pad(i)}`, tier: 'backend' }, { app: `svc-${pad(i)}` }),
        );
        objs.push(deploymentDoc(`svc-${pad(i)}-v1`, 'big', { app: `svc-${pad(i)}`, version: 'v1' }));
      }
      return {
        files: [{ rel: 'tsb/big.yaml', docs: tsb }, { rel: 'k8s/base.yaml', docs: k8s }, ...chunked('k8s/big', objs)],
        config: defaultConfig,
      };
    },
  },
  // A workspace of every namespace whose setting exposes n/10 service selectors (most matching nothing), over 9n/10 Services in n/100 namespaces.
  'exposed-selectors': {
    label: 'a */* Workspace exposing n/10 selectors over 9n/10 Services',
    make(n) {
      const sels = Math.max(1, Math.floor(n / 10));
      const exposed = [];
      for (let i = 0; i < sels; i++)
        exposed.push(i % 2 ? { app: `svc-${pad(i)}` } : { team: `team-${pad(i)}`, tier: 'backend' });
      const tsb = [
        organization(),
        tenantDoc('t'),
        workspace('all', 't', ['*/*']),
        settingDoc('all', 't', 'all-setting', { namespace: 'eastwest', app: 'eastwest-gateway', exposed }),
      ];
      const k8s = [namespaceDoc('eastwest'), installGateway('eastwest-gateway', 'eastwest', ['  eastWestOnly: true'])];
      const svcs = [];
      const count = n - 4;
      for (let i = 0; i < count; i++)
        svcs.push(
          serviceDoc(
            `svc-${pad(i)}`,
            `ns-${pad(Math.floor(i / 100), 4)}`,
            { app: `svc-${pad(i)}`, tier: i % 3 ? 'backend' : 'frontend' },
            { app: `svc-${pad(i)}` },
          ),
        );
      return {
        files: [{ rel: 'tsb/all.yaml', docs: tsb }, { rel: 'k8s/base.yaml', docs: k8s }, ...chunked('k8s/svc', svcs)],
        config: defaultConfig,
      };
    },
  },
  /** n/2 Workspaces with one WorkspaceSetting each (east-west selector and an exposed selector), one gateway. */
  'many-settings': {
    label: 'n/2 Workspaces, n/2 WorkspaceSettings',
    make(n) {
      const half = Math.floor(n / 2);
      const docs = [organization(), tenantDoc('t')];
      for (let i = 0; i < half; i++) {
        docs.push(workspace(`ws-${pad(i)}`, 't', [`*/ns-${pad(i)}`]));
        docs.push(
          settingDoc(`ws-${pad(i)}`, 't', `ws-${pad(i)}-setting`, {
            namespace: 'eastwest',
            app: i % 10 ? 'eastwest-gateway' : `eastwest-gateway-${pad(i)}`,
            exposed: [{ tier: 'backend' }],
          }),
        );
      }
      const k8s = [namespaceDoc('eastwest'), installGateway('eastwest-gateway', 'eastwest', ['  eastWestOnly: true'])];
      return { files: [...chunked('tsb', docs), { rel: 'k8s/base.yaml', docs: k8s }], config: defaultConfig };
    },
  },
  /** n documents in n/10 files, each file placed by its own tsb.config.yaml placement. */
  'many-placements': {
    label: 'n/10 files, one tsb.config.yaml placement each',
    make(n) {
      const files = [];
      const placements = [];
      const perFile = 10;
      for (let k = 0; k * perFile < n; k++) {
        const docs = [];
        for (let i = k * perFile; i < Math.min(n, (k + 1) * perFile); i++)
          docs.push(serviceDoc(`svc-${pad(i)}`, `ns-${pad(k, 5)}`, { app: `svc-${pad(i)}` }, { app: `svc-${pad(i)}` }));
        const rel = `apps/${pad(k, 5)}/svc.yaml`;
        files.push({ rel, docs });
        placements.push({ files: rel, clusters: [CLUSTERS[k % 2]] });
      }
      return { files, config: placementsConfig(placements) };
    },
  },
};

/**
 * A randomized mix of everything the cross-file rules look at (not a scaling shape: inputs for
 * bench/compare.mjs, which checks that two builds report the same). Seeded by n.
 */
export function mixedShape(n, seed = n) {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const teams = Math.max(3, Math.floor(n / 60));
  const tenants = ['t-0', 't-1', 't-2', 'T-0'];
  const clusters = ['cluster-1', 'cluster-2', 'c3'];
  const nsName = () =>
    pick([
      `team-${Math.floor(r() * teams)}-${pick(['api', 'web', 'db'])}`,
      `shared-${Math.floor(r() * 4)}`,
      'istio-gateways',
      `ns-${Math.floor(r() * teams)}`,
    ]);
  const sel = () =>
    pick([
      `*/${nsName()}`,
      `*/team-${Math.floor(r() * teams)}-*`,
      `${pick(clusters)}/${nsName()}`,
      `${pick(clusters)}/*`,
      `*/team-${Math.floor(r() * teams)}*`,
      '*/*',
      'bad-name',
    ]);
  const labels = () =>
    pick([
      { app: `svc-${Math.floor(r() * 40)}` },
      { app: `svc-${Math.floor(r() * 40)}`, tier: pick(['backend', 'frontend']) },
      { tier: pick(['backend', 'frontend', 'backnd']) },
      { team: `team-${Math.floor(r() * teams)}` },
    ]);
  const typoOf = (w) => (r() < 0.5 ? `${w}x` : w.slice(0, -1));
  const docs = [organization(), ...tenants.slice(0, 3).map(tenantDoc)];
  const wsNames = [];
  const out = [];
  while (docs.length + out.length < n) {
    const k = Math.floor(r() * 12);
    if (k === 0) {
      const name = `ws-${wsNames.length}`;
      wsNames.push(name);
      const tenant = r() < 0.9 ? pick(tenants.slice(0, 3)) : pick(['t-9', 'T-0', 't-00']);
      docs.push(workspace(name, tenant, Array.from({ length: 1 + Math.floor(r() * 3) }, sel)));
    } else if (k === 1 && wsNames.length) {
      const ws = r() < 0.8 ? pick(wsNames) : typoOf(pick(wsNames));
      docs.push(
        settingDoc(
          ws,
          pick(tenants.slice(0, 3)),
          `${ws}-setting-${Math.floor(r() * 3)}`,
          r() < 0.9
            ? {
                namespace: pick(['eastwest', 'istio-gateways', 'ew']),
                app: pick(['eastwest-gateway', 'eastwest-gatway', 'ew-gw', `gw-${Math.floor(r() * 20)}`]),
                exposed: r() < 0.7 ? Array.from({ length: Math.floor(r() * 3) }, labels) : [],
              }
            : undefined,
        ),
      );
    } else if (k === 2 && wsNames.length) {
      const ws = r() < 0.8 ? pick(wsNames) : typoOf(pick(wsNames));
      const gt = pick(['gateway', 'traffic', 'security']);
      docs.push(
        [
          `apiVersion: ${gt}.tsb.tetrate.io/v2`,
          'kind: Group',
          ...tsbMeta([
            'organization: tetrate',
            `tenant: ${pick(tenants.slice(0, 3))}`,
            `workspace: ${ws}`,
            `name: g-${Math.floor(r() * teams)}`,
          ]),
          'spec:',
          '  namespaceSelector:',
          '    names:',
          ...Array.from({ length: 1 + Math.floor(r() * 2) }, () => `      - "${sel()}"`),
          '  configMode: BRIDGED',
        ].join('\n'),
      );
    } else if (k === 3 && wsNames.length) {
      const ws = pick(wsNames);
      docs.push(
        [
          'apiVersion: gateway.tsb.tetrate.io/v2',
          'kind: IngressGateway',
          ...tsbMeta([
            'organization: tetrate',
            `tenant: ${pick(tenants.slice(0, 3))}`,
            `workspace: ${ws}`,
            `group: g-${Math.floor(r() * teams)}`,
            `name: ig-${Math.floor(r() * 50)}`,
          ]),
          'spec:',
          '  workloadSelector:',
          `    namespace: ${pick(['istio-gateways', nsName()])}`,
          '    labels:',
          `      app: ${pick([`gw-${Math.floor(r() * 20)}`, `gw-${Math.floor(r() * 20)}x`, 'other'])}`,
          '  http:',
          '    - name: web',
          '      hostname: a.example.com',
          '      port: 8080',
          '      routing:',
          '        rules:',
          '          - route:',
          `              host: ${nsName()}/svc-1.x.svc.cluster.local`,
        ].join('\n'),
      );
    } else if (k === 4) {
      out.push(namespaceDoc(nsName(), r() < 0.7));
    } else if (k === 5) {
      out.push(
        installGateway(
          pick([`gw-${Math.floor(r() * 20)}`, 'eastwest-gateway', 'ew-gw']),
          pick(['istio-gateways', 'eastwest', 'ew', nsName()]),
          r() < 0.3 ? ['  eastWestOnly: true'] : [],
        ),
      );
    } else if (k <= 8) {
      const ns = nsName();
      const name = `svc-${Math.floor(r() * 40)}`;
      out.push(serviceDoc(name, ns, { ...labels(), app: name }, r() < 0.8 ? { app: name } : labels()));
    } else if (k <= 10) {
      const ns = nsName();
      out.push(
        deploymentDoc(`svc-${Math.floor(r() * 40)}-v${1 + Math.floor(r() * 2)}`, ns, {
          ...labels(),
          version: pick(['v1', 'v2']),
        }),
      );
    } else if (wsNames.length) {
      const ns = nsName();
      docs.push(
        [
          'apiVersion: traffic.tsb.tetrate.io/v2',
          'kind: ServiceRoute',
          ...tsbMeta([
            'organization: tetrate',
            `tenant: ${pick(tenants.slice(0, 3))}`,
            `workspace: ${pick(wsNames)}`,
            `group: g-${Math.floor(r() * teams)}`,
            `name: route-${Math.floor(r() * 30)}`,
          ]),
          'spec:',
          `  service: ${ns}/svc-${Math.floor(r() * 40)}.${ns}.svc.cluster.local`,
          '  subsets:',
          '    - name: v1',
          '      labels:',
          `        version: ${pick(['v1', 'v3'])}`,
          '      weight: 100',
        ].join('\n'),
      );
    }
  }
  // Kubernetes files by cluster folder and scenario folders (alternatives), TSB files in a few folders.
  const files = [];
  const per = 25;
  for (let k = 0; k * per < docs.length; k++)
    files.push({
      rel: `tsb/${pick(['', 'team-a/', 'team-b/'])}${pad(k, 4)}.yaml`,
      docs: docs.slice(k * per, (k + 1) * per),
    });
  for (let k = 0; k * per < out.length; k++) {
    const where = pick(['clusters/cluster-1', 'clusters/cluster-2', 'scenarios/one', 'scenarios/two', 'apps', 'c3']);
    files.push({ rel: `${where}/${pad(k, 4)}.yaml`, docs: out.slice(k * per, (k + 1) * per) });
  }
  const config = placementsConfig([
    { files: 'apps/**', clusters: ['cluster-1', 'cluster-2'] },
    { files: 'c3/**', clusters: ['c3'] },
  ]);
  return { files, config };
}

/** Writes one shape at size n; returns { dir, files, docs, bytes }. */
export function writeShape(root, shape, n, seed = n, dirName = `${shape}-${n}`) {
  const name = dirName;
  const s = shape === 'mixed' ? { make: (k) => mixedShape(k, seed) } : SHAPES[shape];
  if (!s) throw new Error(`unknown shape ${shape}; known: ${Object.keys(SHAPES).join(', ')}`);
  if (s.special === 'generate') {
    // The benchmark's own repository layout (40 documents per app), four unresolved references per app.
    const g = generate(root, {
      name,
      layout: 'workspace',
      apps: Math.max(1, Math.round(n / 40)),
      mistakeRate: 0,
      seed: 21,
      unresolvedPerApp: 4,
      tenants: 1,
    });
    return { dir: g.dir, files: g.files.length, docs: g.docs, bytes: g.bytes, refs: g.unresolved };
  }
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { files, config } = s.make(n);
  let docs = 0;
  let bytes = 0;
  for (const f of files) {
    const text = f.docs.join('\n---\n') + '\n';
    const p = join(dir, f.rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    docs += f.docs.length;
    bytes += Buffer.byteLength(text);
  }
  if (config) writeFileSync(join(dir, 'tsb.config.yaml'), config);
  return { dir, files: files.length, docs, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, nArg, ...names] = process.argv.slice(2);
  if (!outDir || !nArg) {
    console.error('usage: node bench/shapes.mjs OUTDIR N [shape...]');
    process.exit(2);
  }
  for (const s of names.length ? names : Object.keys(SHAPES)) {
    const w = writeShape(outDir, s, Number(nArg));
    console.log(
      `${s}: ${w.files} files, ${w.docs} docs, ${(w.bytes / 1048576).toFixed(1)} MiB${w.refs ? `, ${w.refs} unresolved references` : ''} -> ${w.dir}`,
    );
  }
}
