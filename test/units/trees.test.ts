import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { REPO_ROOT, treeDirs } from '../helpers/trees';

// The six real repositories, opened as they are (no tsb.config.yaml): what a careful reader of each
// repository finds (the units, clusters and alternatives its README describes, restated here as
// expectations) against what `tsb-lint units` infers; no error that is not a real mistake; and the
// failover candidates the repository sets up.

interface Expect {
  /** glob (relative to the tree) -> clusters as the repository names them, `mp` for the management plane, `ns=` a namespace. */
  files: Record<string, string>;
  /** Pairs of files never applied together. */
  never: [string, string][];
  /** Pairs of files that can be in effect together. */
  together: [string, string][];
  /** `service@namespace` that can fail over, per the repository's set-up. */
  failover: string[];
  /** Exposed through an east-west gateway (failover or not). */
  exposed?: string[];
}

const TSV = 'topologies';
const EXPECT: Record<string, Expect> = {
  'tetratecx__tsb-single-vm': {
    files: {
      [`${TSV}/active-standby/scenarios/abc-failover/tsb/*.yaml`]: 'mp',
      [`${TSV}/active-standby/scenarios/abc-failover/k8s/mgmt/*.yaml`]: 'mgmt',
      [`${TSV}/active-standby/scenarios/abc-failover/k8s/active/*.yaml`]: 'active',
      [`${TSV}/active-standby/scenarios/abc-failover/k8s/standby/*.yaml`]: 'standby',
      [`${TSV}/hub-spoke/scenarios/abc-def-ghi/tsb/*.yaml`]: 'mp',
      [`${TSV}/hub-spoke/scenarios/abc-def-ghi/k8s/mgmt/*.yaml`]: 'mgmt',
      [`${TSV}/hub-spoke/scenarios/abc-def-ghi/k8s/cluster1/*.yaml`]: 'cluster1',
      [`${TSV}/hub-spoke/scenarios/abc-def-ghi/k8s/cluster2/*.yaml`]: 'cluster2',
      [`${TSV}/hub-spoke/scenarios/abc-def-ghi/k8s/cluster3/*.yaml`]: 'cluster3',
      [`${TSV}/transit-zones/scenarios/abcd-efgh/tsb/*.yaml`]: 'mp',
      [`${TSV}/transit-zones/scenarios/abcd-efgh/k8s/app1/*.yaml`]: 'app1',
      [`${TSV}/transit-zones/scenarios/abcd-efgh/k8s/app2/*.yaml`]: 'app2',
      [`${TSV}/transit-zones/scenarios/abcd-efgh/k8s/transit1/*.yaml`]: 'transit1',
      [`${TSV}/transit-zones/scenarios/abcd-efgh/k8s/transit2/*.yaml`]: 'transit2',
      [`${TSV}/tsb-training/scenarios/main/tsb/*.yaml`]: 'mp',
      [`${TSV}/tsb-training/scenarios/main/k8s/t1/*.yaml`]: 't1',
      [`${TSV}/tsb-training/scenarios/main/k8s/workload-clusters/*.yaml`]: 'c1,c2',
      [`${TSV}/single-cluster/scenarios/observability/tsb/*.yaml`]: 'mp',
      [`${TSV}/single-cluster/scenarios/observability/k8s/0[1-6]-*.yaml`]: 'main',
      [`${TSV}/vm-expansion/scenarios/abc-hybrid/tsb/*.yaml`]: 'mp',
      [`${TSV}/vm-expansion/scenarios/abc-hybrid/k8s/mgmt/*.yaml`]: 'mgmt',
      [`${TSV}/vm-only/scenarios/abc-vm/tsb/*.yaml`]: 'mp',
      [`${TSV}/vm-only/scenarios/abc-vm/k8s/mgmt/*.yaml`]: 'mgmt',
      [`${TSV}/demo-profile/scenarios/gitops-argocd/repositories/app-*/k8s/*.yaml`]: 'demo',
      [`${TSV}/demo-profile/scenarios/gitops-argocd/repositories/*/tsb/*.yaml`]: 'mp demo ns=argocd',
      [`${TSV}/*/templates/*/controlplane.yaml`]: '<folder>',
      [`${TSV}/*/templates/*/managementplane.yaml`]: '<folder>',
    },
    never: [
      [
        `${TSV}/active-standby/scenarios/abc-failover/tsb/04-workspace.yaml`,
        `${TSV}/hub-spoke/scenarios/abc-def-ghi/tsb/04-workspace.yaml`,
      ],
      [
        `${TSV}/active-standby/scenarios/abc-failover/tsb/05-workspace-setting.yaml`,
        `${TSV}/demo-profile/scenarios/gitops-argocd/repositories/app-abc/tsb/02-workspace-setting.yaml`,
      ],
      [
        `${TSV}/active-standby/templates/active/controlplane.yaml`,
        `${TSV}/hub-spoke/templates/cluster1/controlplane.yaml`,
      ],
    ],
    together: [
      [
        `${TSV}/active-standby/scenarios/abc-failover/tsb/05-workspace-setting.yaml`,
        `${TSV}/active-standby/scenarios/abc-failover/k8s/active/05-eastwest-gateway.yaml`,
      ],
    ],
    failover: ['app-a@ns-a', 'app-b@ns-b', 'app-c@ns-c'],
  },
  'boeboe__tetrate-service-bridge-gitlab': {
    files: {
      'repositories/applications/*/*/*-*/k8s/active/*.yaml': 'active',
      'repositories/applications/*/*/*-*/k8s/standby/*.yaml': 'standby',
      'repositories/applications/*/*/tsb-workspace-admin/k8s/mgmt/01-ingressgateway/*.yaml': 'mgmt',
      'repositories/applications/*/*/tsb-workspace-admin/k8s/active/01-ingressgateway/*.yaml': 'active',
      'repositories/applications/*/*/tsb-workspace-admin/k8s/standby/01-ingressgateway/*.yaml': 'standby',
      'repositories/applications/*/*/tsb-workspace-admin/tsb/**/*.yaml': 'mp',
      'repositories/applications/*/tsb-tenant-admin/k8s/mgmt/**/*.yaml': 'mgmt',
      'repositories/applications/*/tsb-tenant-admin/k8s/active/**/*.yaml': 'active',
      'repositories/applications/*/tsb-tenant-admin/k8s/standby/**/*.yaml': 'standby',
      'repositories/applications/*/tsb-tenant-admin/tsb/**/*.yaml': 'mp',
      'repositories/platform/tsb-organization-admin/tsb/**/*.yaml': 'mp',
      'repositories/platform/tsb-installation/config/*.yaml': 'mp',
    },
    never: [],
    together: [
      [
        'repositories/applications/retailbank/tsb-tenant-admin/tsb/02-workspacesetting/retail1.yaml',
        'repositories/applications/retailbank/retail1/tsb-workspace-admin/k8s/active/01-ingressgateway/eastwest-gw.yaml',
      ],
    ],
    failover: ['retail1', 'retail2', 'private1', 'private2'].flatMap((a) =>
      ['front', 'mid', 'back'].map((r) => `${r}-${a}@${r}-${a}`),
    ),
  },
  'boeboe__tetrate-service-bridge-minikube': {
    files: {
      'scenarios/active-standby/abc-failover/tsb/*.yaml': 'mp',
      'scenarios/active-standby/abc-failover/k8s/mgmt-cluster/*.yaml': 'mgmt-cluster-m1',
      'scenarios/active-standby/abc-failover/k8s/active-cluster/*.yaml': 'active-cluster-m2',
      'scenarios/active-standby/abc-failover/k8s/standby-cluster/*.yaml': 'standby-cluster-m3',
      'scenarios/vm-*/*/tsb/*.yaml': 'mp',
      'scenarios/vm-*/*/k8s/mgmt-cluster/*.yaml': 'mgmt-cluster-m1',
    },
    never: [
      [
        'scenarios/active-standby/abc-failover/tsb/04-workspace.yaml',
        'scenarios/vm-expansion/abc-hybrid/tsb/03-workspace.yaml',
      ],
    ],
    together: [
      [
        'scenarios/active-standby/abc-failover/tsb/05-workspace-setting.yaml',
        'scenarios/active-standby/abc-failover/k8s/standby-cluster/05-eastwest-gateway.yaml',
      ],
    ],
    failover: ['app-a@ns-a', 'app-b@ns-b', 'app-c@ns-c'],
  },
  'tetrateio__workshop-101': {
    files: {
      '01-multi-tenancy/0[12]-*.yaml': 'mp',
      '02-app-deploy/cloud-A-01/app.yaml': 'cloud-a-01',
      '02-app-deploy/cloud-A-01/cluster-ingress-gw.yaml': 'cloud-a-01',
      '02-app-deploy/cloud-A-02/*.yaml': 'cloud-a-02',
      '02-app-deploy/cloud-B-01/*.yaml': 'cloud-b-01',
      '02-app-deploy/tier1/cluster-t1.yaml': 'tier1',
      '03-app-ingress/0[1-4]-*.yaml': 'mp',
      '04-app-failover/01-workspace-setting.yaml': 'mp',
      '05-vm-integration/0[1236]-*.yaml': 'cloud-a-01',
      '05-vm-integration/05-tsb-config.yaml': 'mp',
      '06-app-security-s2s/0[1235]-*.yaml': 'mp',
      '06-app-security-s2s/04-external-config.yaml': 'cloud-a-01',
      '07-app-security-jwt/0[12]-*.yaml': 'mp',
      '08-app-security-egress/0[13456]-*.yaml': 'mp',
      '08-app-security-egress/02-egress-gw.yaml': 'cloud-a-01,cloud-a-02,cloud-b-01',
    },
    never: [
      ['06-app-security-s2s/01-default-policy.yaml', '06-app-security-s2s/02-default-policy-authz.yaml'],
      ['07-app-security-jwt/01-jwt-auth.yaml', '07-app-security-jwt/02-jwt-authz.yaml'],
      ['08-app-security-egress/03-egress-gw-tetrate.yaml', '08-app-security-egress/05-egress-gw-allow.yaml'],
      ['08-app-security-egress/05-egress-gw-allow.yaml', '08-app-security-egress/06-egress-gw-allow-sa.yaml'],
    ],
    together: [['03-app-ingress/01-tsb-cloud-a-01.yaml', '02-app-deploy/cloud-A-01/app.yaml']],
    failover: [],
  },
  'tetratelabs__tetrate-service-bridge-sandbox': {
    files: {
      'gitops/bookinfo/*.yaml': 'mp in-cluster ns=bookinfo',
      'gitops/bookinfo-direct/*.yaml': 'mp in-cluster ns=direct-bookinfo',
      'gitops/direct-egress/*.yaml': 'mp in-cluster ns=direct-egress',
      'gitops/eshop/**/*.yaml': 'mp in-cluster ns=eshop-config',
      'gitops/opa-s2s-httpbin/*.yaml': 'mp in-cluster ns=opa-s2s-httpbin',
    },
    never: [],
    together: [],
    failover: [],
    exposed: ['details@bookinfo', 'reviews@bookinfo'],
  },
  'tetrateio__workshop-environment': { files: {}, never: [], together: [], failover: [] },
};

const CLI = path.join(REPO_ROOT, 'server/out/cli.js');
function cli(dir: string, args: string[]): unknown {
  const r = spawnSync(process.execPath, [CLI, ...args, '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.status === 0 || r.status === 1, `tsb-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

interface UnitsOut {
  units: {
    name: string;
    files: string[];
    clusters: string[];
    managementPlane: boolean;
    namespace: string | null;
    alternativeTo: string[];
  }[];
}

function describeFile(out: UnitsOut, file: string): string {
  const units = out.units.filter((u) => u.files.includes(file));
  const clusters = [...new Set(units.flatMap((u) => u.clusters))].sort();
  const mp = units.some((u) => u.managementPlane);
  const ns = units.find((u) => u.namespace)?.namespace;
  return [mp ? 'mp' : '', clusters.join(','), ns ? `ns=${ns}` : ''].filter(Boolean).join(' ');
}

for (const [name, want] of Object.entries(EXPECT)) {
  test(`${name}: units agree with the repository for the large majority of files, alternatives included`, (t) => {
    const dirs = treeDirs(t);
    if (!dirs) return;
    const dir = dirs.find((d) => path.basename(d) === name);
    assert.ok(dir, `${name} is not among the trees`);
    const out = cli(dir, ['units', '.']) as UnitsOut;
    const all = [...new Set(out.units.flatMap((u) => u.files))];
    let agree = 0;
    const wrong: string[] = [];
    for (const [glob, expected] of Object.entries(want.files)) {
      const matched = spawnSync('find', ['.', '-type', 'f'], { cwd: dir, encoding: 'utf8' })
        .stdout.split('\n')
        .map((f) => f.slice(2))
        .filter((f) => f && picomatch(glob)(f));
      assert.ok(matched.length, `${name}: the expectation ${glob} matches no file`);
      for (const f of matched) {
        const folder = path.basename(path.dirname(f));
        const exp = expected.replace('<folder>', folder);
        const got = all.includes(f) ? describeFile(out, f) : '(not placed)';
        if (got === exp) agree++;
        else wrong.push(`${f}: expected ${exp}, inferred ${got}`);
      }
    }
    const total = agree + wrong.length;
    t.diagnostic(`${agree} of ${total} files agree${wrong.length ? `; differ: ${wrong.join('; ')}` : ''}`);
    if (total)
      assert.ok(agree / total >= 0.9, `${name}: ${agree} of ${total} files agree; ${wrong.slice(0, 10).join('; ')}`);
    const unitOf = (f: string) => out.units.filter((u) => u.files.includes(f));
    for (const [a, b] of want.never) {
      const [ua, ub] = [unitOf(a), unitOf(b)];
      assert.ok(ua.length && ub.length, `${name}: ${a} or ${b} is in no unit`);
      assert.ok(
        ua.every((x) => ub.every((y) => x.alternativeTo.includes(y.name))),
        `${name}: ${a} and ${b} should never be applied together`,
      );
    }
    for (const [a, b] of want.together) {
      const [ua, ub] = [unitOf(a), unitOf(b)];
      assert.ok(ua.length && ub.length, `${name}: ${a} or ${b} is in no unit`);
      assert.ok(
        ua.some((x) => ub.some((y) => x === y || !x.alternativeTo.includes(y.name))),
        `${name}: ${a} and ${b} should be able to go together`,
      );
    }
  });

  test(`${name}: no error at the root, and the failover candidates the repository sets up`, (t) => {
    const dirs = treeDirs(t);
    if (!dirs) return;
    const dir = dirs.find((d) => path.basename(d) === name)!;
    const check = cli(dir, ['check', '.']) as {
      diagnostics: { severity: string; file: string; line: number; rule: string; message: string }[];
    };
    assert.deepEqual(
      check.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.rule}: ${d.message}`),
      [],
    );
    const model = cli(dir, ['failover', '.']) as {
      workspaces: { candidates: { service: string; namespace: string; failover: boolean }[] }[];
    };
    const candidates = model.workspaces.flatMap((w) => w.candidates);
    assert.deepEqual(
      [...new Set(candidates.filter((c) => c.failover).map((c) => `${c.service}@${c.namespace}`))].sort(),
      [...want.failover].sort(),
    );
    for (const e of want.exposed ?? [])
      assert.ok(
        candidates.some((c) => `${c.service}@${c.namespace}` === e),
        `${name}: ${e} should be exposed through an east-west gateway`,
      );
  });
}
