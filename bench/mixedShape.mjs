// A randomized mix of everything the cross-file rules look at, for bench/compare.mjs.
import {
  pad,
  tsbMeta,
  workspace,
  tenantDoc,
  organization,
  namespaceDoc,
  serviceDoc,
  deploymentDoc,
  settingDoc,
  installGateway,
  placementsConfig,
} from './shapeDocs.mjs';

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
