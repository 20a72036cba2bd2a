// gateway-server-conflict: two gateway configurations serve the same port and an overlapping hostname on
// one gateway workload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { none, only, project, rng, y } from '../helpers/engine';

const install = y`
  apiVersion: install.tetrate.io/v1alpha1
  kind: IngressGateway
  metadata:
    name: edge-gw
    namespace: edge
  spec: {}
`;
const ingress = (name: string, host: string, port = 443, group = 'edge-gg') => y`
  apiVersion: gateway.tsb.tetrate.io/v2
  kind: IngressGateway
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: shop
    group: ${group}
    name: ${name}
  spec:
    workloadSelector:
      namespace: edge
      labels:
        app: edge-gw
    http:
      - name: ${name}
        port: ${port}
        hostname: "${host}"
        routing:
          rules:
            - route:
                host: shop/web.shop.svc.cluster.local
                port: 8080
`;
const unified = (name: string, host: string, port = 443) => y`
  apiVersion: gateway.tsb.tetrate.io/v2
  kind: Gateway
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: shop
    group: edge-gg
    name: ${name}
  spec:
    workloadSelector:
      namespace: edge
      labels:
        app: edge-gw
    http:
      - name: ${name}
        port: ${port}
        hostname: "${host}"
        routing:
          rules:
            - route:
                serviceDestination:
                  host: shop/web.shop.svc.cluster.local
                  port: 8080
`;
const RUN = 'tctl apply -f tsb/\nkubectl --context c1 apply -f k8s/\n';

test('shop.example.com and *.example.com on port 443 of one gateway: error on the later hostname, related to the other server', () => {
  const t = project({
    'run.sh': RUN,
    'k8s/gw.yaml': install,
    'tsb/a-shop.yaml': ingress('shop', 'shop.example.com'),
    'tsb/b-wildcard.yaml': unified('wildcard', '*.example.com'),
  });
  none(t.diags('tsb/a-shop.yaml'), 'gateway-server-conflict');
  const d = only(t.diags('tsb/b-wildcard.yaml'), 'gateway-server-conflict');
  assert.equal(d.severity, 'error');
  assert.deepEqual(rng(d.range), [16, 16, 16, 31]);
  assert.equal(
    d.message,
    'Gateway wildcard and IngressGateway shop (tsb/a-shop.yaml:17) both serve *.example.com and shop.example.com on port 443 of the gateway edge/app=edge-gw: Istio keeps only one server for a host and port on one gateway (IST0145 ConflictingGateways), so the routes of one of them are silently ignored. Serve it on another port or hostname, or merge the two servers into one configuration.',
  );
  assert.deepEqual(
    d.related?.map((r) => [r.uri, rng(r.range)]),
    [[t.uri('tsb/a-shop.yaml'), [16, 16, 16, 34]]],
  );
});

test('near misses: other hostnames on one workload, another port, another copy of the same resource', () => {
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install,
      'tsb/a.yaml': ingress('shop', 'shop.example.com'),
      'tsb/b.yaml': unified('blog', 'blog.example.com'),
    }).diags('tsb/b.yaml'),
    'gateway-server-conflict',
  );
  none(
    project({
      'run.sh': RUN,
      'k8s/gw.yaml': install,
      'tsb/a.yaml': ingress('shop', 'shop.example.com'),
      'tsb/b.yaml': unified('wildcard', '*.example.com', 8443),
    }).diags('tsb/b.yaml'),
    'gateway-server-conflict',
  );
  const dup = project({
    'run.sh': RUN,
    'k8s/gw.yaml': install,
    'tsb/a.yaml': ingress('shop', 'shop.example.com'),
    'tsb/b.yaml': ingress('shop', 'shop.example.com'),
  });
  none(dup.diags('tsb/b.yaml'), 'gateway-server-conflict');
  only(dup.diags('tsb/b.yaml'), 'duplicate-resource');
});

test('the same selector and hostname in groups of different clusters is fine (workshop-101: one app-gateway per cluster)', () => {
  const group = (name: string, cluster: string) =>
    `apiVersion: gateway.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: shop\n  name: ${name}\nspec:\n  namespaceSelector:\n    names:\n      - "${cluster}/edge"\n`;
  const files = {
    'run.sh': RUN,
    'k8s/gw.yaml': install,
    'tsb/groups.yaml': [group('gw-01', '$CLUSTER_A_1'), group('gw-02', '$CLUSTER_A_2')].join('---\n'),
    'tsb/a.yaml': ingress('app-gateway', 'demo.example.com', 443, 'gw-01'),
    'tsb/b.yaml': ingress('app-gateway', 'demo.example.com', 443, 'gw-02'),
  };
  none(project(files).diags('tsb/b.yaml'), 'gateway-server-conflict');
  // The same two groups both on every cluster: now they meet.
  const shared = { ...files, 'tsb/groups.yaml': [group('gw-01', '*'), group('gw-02', '*')].join('---\n') };
  only(project(shared).diags('tsb/b.yaml'), 'gateway-server-conflict');
});

test('files only weakly related are a hint naming both units; alternative scenarios are silent', () => {
  const weak = project({
    'a/run.sh': 'tctl apply -f cfg.yaml\n',
    'a/cfg.yaml': ingress('shop', 'shop.example.com'),
    'b/run.sh': 'tctl apply -f cfg.yaml\n',
    'b/cfg.yaml': unified('wildcard', '*.example.com'),
  });
  const d = only(weak.diags('b/cfg.yaml'), 'gateway-server-conflict');
  assert.equal(d.severity, 'hint');
  assert.match(
    d.message,
    /^If a \(run\.sh\) and b \(run\.sh\) are applied together: Gateway wildcard and IngressGateway shop/,
  );
  const alt = project({
    'scenarios/one/run.sh': 'tctl apply -f tsb/\n',
    'scenarios/one/tsb/cfg.yaml': ingress('shop', 'shop.example.com'),
    'scenarios/two/run.sh': 'tctl apply -f tsb/\n',
    'scenarios/two/tsb/cfg.yaml': unified('wildcard', '*.example.com'),
  });
  none(alt.diags('scenarios/two/tsb/cfg.yaml'), 'gateway-server-conflict');
});

test('GitOps-form configurations (annotations for parents) are compared the same way', () => {
  const gitops = unified('wildcard', '*.example.com')
    .replace(
      /metadata:\n( {2}.*\n)+? {2}name: wildcard\n/,
      'metadata:\n  name: wildcard\n  namespace: edge\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\n    tsb.tetrate.io/workspace: shop\n    tsb.tetrate.io/gatewayGroup: edge-gg\n',
    )
    .replace('gateway.tsb.tetrate.io/v2', 'gateway.tsb.tetrate.io/v2');
  assert.match(gitops, /tsb\.tetrate\.io\/gatewayGroup: edge-gg/);
  const t = project({
    'run.sh': 'tctl apply -f tsb/\nkubectl --context c1 apply -f k8s/\n',
    'k8s/gw.yaml': install,
    'k8s/wildcard.yaml': gitops,
    'tsb/a-shop.yaml': ingress('shop', 'shop.example.com'),
  });
  const ds = [...t.diags('k8s/wildcard.yaml'), ...t.diags('tsb/a-shop.yaml')].filter(
    (d) => d.rule === 'gateway-server-conflict',
  );
  assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => d.message)));
  assert.match(ds[0]!.message, /both serve/);
});
