import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notes, placements, repo, svc, tenant, unit } from './support';

// READMEs, Makefiles, Argo CD, Flux, kustomize and folder conventions.

test('README code blocks: shell fences are read (prompts stripped), prose and other languages are not', () => {
  const t = repo({
    'README.md': [
      '# Deploy',
      'Run kubectl --context prose apply -f k8s/never.yaml yourself.',
      '```bash',
      '$ kubectl --context east apply -f k8s/a.yaml',
      '```',
      '```console',
      '$ envsubst < k8s/b.yaml | kubectl --context west apply -f -',
      'service/b created',
      '```',
      '```yaml',
      'kubectl --context nope apply -f k8s/never.yaml',
      '```',
    ].join('\n'),
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
    'k8s/never.yaml': svc('n'),
  });
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'east', 'k8s/b.yaml': 'west' });
  assert.equal(unit(t, 'k8s/a.yaml').evidence[0]!.line, 3);
});

test('a README in a lab folder resolves paths from the repository root (the labs are run from there)', () => {
  const t = repo({
    '02-deploy/README.md': '```sh\nenvsubst < 02-deploy/cloud-A/app.yaml | kubectl --context cloud-a apply -f -\n```\n',
    '02-deploy/cloud-A/app.yaml': svc('app'),
  });
  assert.deepEqual(placements(t), { '02-deploy/cloud-A/app.yaml': 'cloud-a' });
});

test('README "one of the following" blocks: the commands are alternatives to each other', () => {
  const t = repo({
    'README.md':
      'Apply one of the following settings:\n\n```sh\ntctl apply -f tsb/fast.yaml\ntctl apply -f tsb/slow.yaml\n```\n',
    'tsb/fast.yaml': tenant('fast'),
    'tsb/slow.yaml': tenant('slow'),
  });
  const fast = unit(t, 'tsb/fast.yaml');
  const slow = unit(t, 'tsb/slow.yaml');
  assert.notEqual(fast.name, slow.name);
  assert.deepEqual(fast.alternativeTo, [slow.name]);
  assert.equal(t.p.deployment().relation(t.uri('tsb/fast.yaml'), t.uri('tsb/slow.yaml')), 'never');
});

test('Makefile recipes: make variables and $$ are expanded, other lines ignored', () => {
  const t = repo({
    Makefile:
      'CTX := prod\nNS = shop\ndeploy:\n\t@kubectl --context $(CTX) -n ${NS} apply -f k8s/a.yaml\n\tfor f in k8s/b.yaml; do kubectl --context $(CTX) apply -f $$f; done\nnot-a-recipe: kubectl apply -f k8s/c.yaml\n',
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
    'k8s/c.yaml': svc('c'),
  });
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'prod ns=shop', 'k8s/b.yaml': 'prod' });
});

test('an Argo CD Application: its path (recursively when asked), its destination cluster and namespace', () => {
  const app = (name: string, path: string, dest: string, recurse = false) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
spec:
  source:
    repoURL: https://example.com/repo.git
    path: ${path}
${recurse ? '    directory:\n      recurse: true\n' : ''}  destination:
${dest}
`;
  const t = repo({
    'argo/shop.yaml': app('shop', 'gitops/shop', '    name: prod-east\n    namespace: shop', true),
    'argo/local.yaml': app('local', 'gitops/local', '    server: https://kubernetes.default.svc'),
    'gitops/shop/a.yaml': svc('a'),
    'gitops/shop/deep/b.yaml': svc('b'),
    'gitops/local/c.yaml': svc('c'),
    'gitops/local/deep/d.yaml': svc('d'),
  });
  assert.deepEqual(placements(t), {
    'gitops/local/c.yaml': 'in-cluster',
    'gitops/shop/a.yaml': 'prod-east ns=shop',
    'gitops/shop/deep/b.yaml': 'prod-east ns=shop',
  });
  assert.match(unit(t, 'gitops/local/c.yaml').clustersUnknown ?? '', /in-cluster/);
  assert.equal(unit(t, 'gitops/shop/a.yaml').evidence[0]!.uri, t.uri('argo/shop.yaml'));
});

test('an Argo CD Application whose folder is not in the repository is a note; ApplicationSets are noted as not expanded', () => {
  const t = repo({
    'argo/x.yaml':
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: x\nspec:\n  source:\n    path: elsewhere\n  destination:\n    name: c\n',
    'argo/set.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: s\nspec: {}\n',
  });
  assert.deepEqual(notes(t), [
    'argo/set.yaml:2 ApplicationSet generators are not expanded',
    'argo/x.yaml:2 the folder elsewhere is not in this project',
  ]);
});

test('a Flux Kustomization applies its path with its target namespace (cluster: where Flux runs)', () => {
  const t = repo({
    'clusters/flux.yaml':
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./apps\n  targetNamespace: web\n',
    'apps/a.yaml': svc('a'),
  });
  const u = unit(t, 'apps/a.yaml');
  assert.deepEqual(
    [u.source, u.namespace, u.clusters, u.clustersUnknown],
    ['flux', 'web', [], 'the cluster Flux runs in'],
  );
});

test('kustomize: resources and bases expand, the overlay namespace wins; apply -k gives the clusters', () => {
  const t = repo({
    'deploy.sh': 'kubectl --context prod apply -k overlays/prod\n',
    'base/kustomization.yaml': 'resources:\n  - svc.yaml\nnamespace: base-ns\n',
    'base/svc.yaml': svc('a'),
    'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n  - extra.yaml\nnamespace: prod-ns\n',
    'overlays/prod/extra.yaml': svc('b'),
  });
  assert.deepEqual(placements(t), {
    'base/kustomization.yaml': 'prod ns=prod-ns',
    'base/svc.yaml': 'prod ns=prod-ns',
    'overlays/prod/extra.yaml': 'prod ns=prod-ns',
    'overlays/prod/kustomization.yaml': 'prod ns=prod-ns',
  });
});

test('a kustomization nothing applies is still a unit: its namespace holds, its cluster is unknown', () => {
  const t = repo({ 'app/kustomization.yaml': 'resources: [svc.yaml]\nnamespace: web\n', 'app/svc.yaml': svc('a') });
  const u = unit(t, 'app/svc.yaml');
  assert.deepEqual([u.source, u.namespace, u.clusters], ['kustomize', 'web', []]);
  assert.equal(t.p.resolved().services[0]!.namespace, 'web');
});

test("folder conventions: a folder named like a cluster the repository names; a folder with one cluster's ControlPlane", () => {
  const cp = (cluster: string) =>
    `apiVersion: install.tetrate.io/v1alpha1\nkind: ControlPlane\nmetadata:\n  name: cp\n  namespace: istio-system\nspec:\n  hub: x\n  managementPlane:\n    clusterName: ${cluster}\n`;
  const t = repo({
    'deploy.sh': 'kubectl --context east apply -f apps/a.yaml\n',
    'apps/a.yaml': svc('a'),
    'templates/east/gw.yaml': svc('gw'),
    'templates/West/x.yaml': svc('x'),
    'tsb/clusters.yaml':
      'apiVersion: api.tsb.tetrate.io/v2\nkind: Cluster\nmetadata:\n  organization: tetrate\n  name: west\nspec: {}\n',
    'install/c9/controlplane.yaml': cp('c9'),
  });
  const p = placements(t);
  assert.equal(p['templates/east/gw.yaml'], 'east');
  assert.equal(p['templates/West/x.yaml'], 'west');
  assert.equal(p['install/c9/controlplane.yaml'], 'c9');
  assert.equal(unit(t, 'templates/east/gw.yaml').source, 'convention');
});

test('files a command leaves out of a folder it applies file by file are not placed by convention', () => {
  const t = repo({
    'README.md': '```sh\nkubectl --context east apply -f east/app.yaml\n```\n',
    'east/app.yaml': svc('app'),
    'east/later.yaml': svc('later'),
  });
  assert.deepEqual(placements(t), { 'east/app.yaml': 'east' });
  assert.deepEqual(t.p.deployment().unplaced, [t.uri('east/later.yaml')]);
});

test('tsb.config.yaml wins: its placements replace what would be inferred for the files they match', () => {
  const t = repo({
    'tsb.config.yaml': 'placements:\n  - files: k8s/**\n    clusters: [c1, c2]\n',
    'deploy.sh': 'kubectl --context other apply -f k8s/a.yaml\nkubectl --context other apply -f extra/b.yaml\n',
    'k8s/a.yaml': svc('a'),
    'extra/b.yaml': svc('b'),
  });
  assert.equal(t.p.deployment().deploymentOf(t.uri('k8s/a.yaml')).clusters.join(), 'c1,c2');
  assert.equal(t.p.deployment().deploymentOf(t.uri('extra/b.yaml')).clusters.join(), 'other');
  assert.equal(t.p.deployment().configured, true);
});

test('kube contexts are matched to TSB cluster names: same name, a ControlPlane clusterName, a short suffix', () => {
  const cluster = (n: string) =>
    `apiVersion: api.tsb.tetrate.io/v2\nkind: Cluster\nmetadata:\n  organization: tetrate\n  name: ${n}\nspec: {}\n---\n`;
  const t = repo({
    'tsb/clusters.yaml': cluster('active-cluster') + cluster('east'),
    'run.sh':
      'kubectl --context active-cluster-m2 apply -f k8s/a.yaml\nkubectl --context east apply -f k8s/b.yaml\nkubectl --context ctx-9 apply -f cp/cp.yaml\n',
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
    'cp/cp.yaml':
      'apiVersion: install.tetrate.io/v1alpha1\nkind: ControlPlane\nmetadata:\n  name: cp\nspec:\n  hub: x\n  managementPlane:\n    clusterName: west\n',
  });
  const d = t.p.deployment();
  assert.deepEqual(unit(t, 'k8s/a.yaml').clusters, ['active-cluster-m2']);
  assert.deepEqual(
    unit(t, 'k8s/a.yaml').clusterMatches.map((m) => [m.name, m.tsb]),
    [['active-cluster-m2', 'active-cluster']],
  );
  assert.deepEqual(
    unit(t, 'cp/cp.yaml').clusterMatches.map((m) => [m.name, m.tsb]),
    [['ctx-9', 'west']],
  );
  assert.deepEqual(unit(t, 'k8s/b.yaml').clusterMatches, []);
  // The rules and the model use the TSB names.
  assert.deepEqual(d.deploymentOf(t.uri('k8s/a.yaml')).clusters, ['active-cluster']);
});

test('CI pipelines: GitHub Actions run steps (with working-directory) and GitLab script lines apply files', () => {
  const t = repo({
    '.github/workflows/deploy.yml': [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: |',
      '          kubectl config use-context prod',
      '          kubectl apply -f k8s/a.yaml',
      '      - run: tctl apply -f t.yaml',
      '        working-directory: tsb',
    ].join('\n'),
    '.gitlab-ci.yml': 'deploy:\n  script:\n    - kubectl --context staging apply -f k8s/b.yaml\n',
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
    'tsb/t.yaml': tenant('prod'),
  });
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'prod', 'k8s/b.yaml': 'staging', 'tsb/t.yaml': 'mp' });
  assert.deepEqual(
    unit(t, 'k8s/a.yaml').evidence.map((e) => e.line),
    [8],
  );
  assert.deepEqual(
    unit(t, 'k8s/b.yaml').evidence.map((e) => e.line),
    [2],
  );
});
