import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notes, placements, repo, svc, tenant, unit } from './support';

// Apply commands in shell scripts: what the reader follows and what it refuses to guess.

test('kubectl --context and -n, tctl apply: clusters, namespace, management plane, evidence line', () => {
  const t = repo({
    'deploy.sh': '#!/bin/bash\nkubectl --context east -n shop apply -f k8s/a.yaml\ntctl apply -f tsb/tenant.yaml\n',
    'k8s/a.yaml': svc('a'),
    'tsb/tenant.yaml': tenant('prod'),
  });
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'east ns=shop', 'tsb/tenant.yaml': 'mp' });
  const u = unit(t, 'k8s/a.yaml');
  assert.deepEqual(
    u.evidence.map((e) => [e.line, e.text]),
    [[1, 'kubectl --context east -n shop apply -f k8s/a.yaml']],
  );
  assert.equal(u.source, 'command');
});

test('flags in any order and spelling: --context=x, --namespace=y, -f after the verb, --filename', () => {
  const t = repo({
    'a.sh':
      'kubectl apply --context=west --namespace=web --filename k8s/a.yaml\nkubectl -n web2 --context west apply -f k8s/b.yaml\n',
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
  });
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'west ns=web', 'k8s/b.yaml': 'west ns=web2' });
});

test('the script folder idioms resolve paths: $(dirname "$0"), BASH_SOURCE with readlink, cd -- … pwd -P, and /..', () => {
  const t = repo({
    'sc/one/run.sh':
      'D=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")\nkubectl --context c1 apply -f "${D}/k8s/a.yaml"\n',
    'sc/one/k8s/a.yaml': svc('a'),
    'sc/two/run.sh':
      'ROOT_DIR="$( cd -- "$(dirname "${0}")" >/dev/null 2>&1 ; pwd -P )"\nkubectl --context c2 apply -f ${ROOT_DIR}/b.yaml\n',
    'sc/two/b.yaml': svc('b'),
    'bin/up.sh': 'TOP="$(cd "$(dirname "$0")/.." && pwd)"\nkubectl --context c3 apply -f "$TOP/shared/c.yaml"\n',
    'shared/c.yaml': svc('c'),
  });
  assert.deepEqual(placements(t), { 'sc/one/k8s/a.yaml': 'c1', 'sc/two/b.yaml': 'c2', 'shared/c.yaml': 'c3' });
});

test('loops: a literal list of contexts, an array, and the folders of a directory listing', () => {
  const t = repo({
    'a.sh': 'for ctx in east west; do\n  kubectl --context "$ctx" apply -f app/svc.yaml\ndone\n',
    'app/svc.yaml': svc('a'),
    'b.sh':
      'local clusters=( c1 c2 ) ;\nfor cluster in "${clusters[@]}"; do\n  kubectl --context "${cluster}" apply -f other/x.yaml ;\ndone\n',
    'other/x.yaml': svc('x'),
    'c.sh':
      'DIR=$(dirname $0)/k8s\nfor cluster in $(ls -1 ${DIR}); do\n  kubectl --context ${cluster} apply -k ${DIR}/${cluster}\ndone\n',
    'k8s/active/kustomization.yaml': 'resources:\n  - svc.yaml\n',
    'k8s/active/svc.yaml': svc('k'),
    'k8s/standby/kustomization.yaml': 'resources:\n  - svc.yaml\nnamespace: sb\n',
    'k8s/standby/svc.yaml': svc('k'),
  });
  assert.deepEqual(placements(t), {
    'app/svc.yaml': 'east,west',
    'k8s/active/kustomization.yaml': 'active',
    'k8s/active/svc.yaml': 'active',
    'k8s/standby/kustomization.yaml': 'standby ns=sb',
    'k8s/standby/svc.yaml': 'standby ns=sb',
    'other/x.yaml': 'c1,c2',
  });
});

test('kubectl config use-context and kubectx set the cluster of the commands that follow', () => {
  const t = repo({
    'a.sh': 'kubectl config use-context east\nkubectl apply -f a.yaml\nkubectx west\nkubectl apply -f b.yaml\n',
    'a.yaml': svc('a'),
    'b.yaml': svc('b'),
  });
  assert.deepEqual(placements(t), { 'a.yaml': 'east', 'b.yaml': 'west' });
});

test('pipes and renders: envsubst < f | kubectl apply -f -, envsubst < a > b then apply b, cat f | tctl apply -f -', () => {
  const t = repo({
    'a.sh': [
      'envsubst < k8s/a.yaml | kubectl --context east apply -f -',
      'envsubst < "${HERE}/k8s/b.yaml" > "${OUT}/b.yaml"',
      'kubectl --context west apply -f "${OUT}/b.yaml"',
      'cat tsb/t.yaml | tctl apply -f -',
    ].join('\n'),
    'k8s/a.yaml': svc('a'),
    'k8s/b.yaml': svc('b'),
    'tsb/t.yaml': tenant('prod'),
  });
  // ${HERE} is unknown, so b's source cannot be found: the render is not guessed.
  assert.deepEqual(placements(t), { 'k8s/a.yaml': 'east', 'tsb/t.yaml': 'mp' });
  const u = repo({
    'a.sh':
      'H=$(dirname $0)\nenvsubst < "${H}/k8s/b.yaml" > "${OUT}/b.yaml"\nkubectl --context west apply -f "${OUT}/b.yaml"\n',
    'k8s/b.yaml': svc('b'),
  });
  assert.deepEqual(placements(u), { 'k8s/b.yaml': 'west' });
});

test('a folder applies its manifests (its subfolders only with -R); globs expand', () => {
  const t = repo({
    'a.sh':
      'kubectl --context c apply -f k8s/\nkubectl --context d apply -R -f deep\nkubectl --context e apply -f "g/*.yaml"\n',
    'k8s/a.yaml': svc('a'),
    'k8s/sub/b.yaml': svc('b'),
    'deep/x/c.yaml': svc('c'),
    'g/one.yaml': svc('g1'),
    'g/two.yml': svc('g2'),
  });
  assert.deepEqual(placements(t), { 'deep/x/c.yaml': 'd', 'g/one.yaml': 'e', 'k8s/a.yaml': 'c' });
});

test('what cannot be resolved is a note, never a guess: unknown variables, URLs, heredocs', () => {
  const t = repo({
    'a.sh': [
      'kubectl --context c apply -f ${SOMEWHERE}/x.yaml',
      'kubectl --context c apply -f https://example.com/x.yaml',
      'cat <<EOF | kubectl apply -f -',
      'apiVersion: v1',
      'kind: Namespace',
      'EOF',
      'kubectl --context "${cp_cluster}" apply -f k8s/a.yaml',
    ].join('\n'),
    'k8s/a.yaml': svc('a'),
  });
  assert.deepEqual(notes(t), [
    'a.sh:1 could not resolve ${SOMEWHERE}/x.yaml',
    'a.sh:2 https://example.com/x.yaml is not a file of the repository',
    'a.sh:3 inline YAML (a heredoc), not a file of the repository',
  ]);
  // A context held in a variable the file never assigns: a named-but-unknown cluster.
  const u = unit(t, 'k8s/a.yaml');
  assert.deepEqual(u.clusters, []);
  assert.match(u.clustersUnknown ?? '', /does not name \(\$\{cp_cluster\}\)/);
});

test('consecutive commands to one target form one unit; a new target starts another; the order is kept', () => {
  const t = repo({
    'run.sh':
      'tctl apply -f tsb/1.yaml\ntctl apply -f tsb/2.yaml\nkubectl --context a apply -f k8s/x.yaml\ntctl apply -f tsb/3.yaml\n',
    'tsb/1.yaml': tenant('t1'),
    'tsb/2.yaml': tenant('t2'),
    'tsb/3.yaml': tenant('t3'),
    'k8s/x.yaml': svc('x'),
  });
  const names = t.p.deployment().units.map((u) => `${u.name}: ${u.files.length}`);
  assert.deepEqual(names, [
    '. (run.sh) -> management plane: 2',
    '. (run.sh) -> a: 1',
    '. (run.sh) -> management plane #2: 1',
  ]);
});

test('argocd app create: the repository folder named like the repo, destination namespace; in-cluster is the only cluster the script names', () => {
  const t = repo({
    'run.sh':
      'kubectl --context demo -n istio-system patch controlplane/cp --type merge\nargocd app create web --repo ${URL}/web.git --path k8s --dest-server https://kubernetes.default.svc --dest-namespace shop\n',
    'repositories/web/k8s/a.yaml': svc('a'),
  });
  assert.deepEqual(placements(t), { 'repositories/web/k8s/a.yaml': 'demo ns=shop' });
  assert.equal(unit(t, 'repositories/web/k8s/a.yaml').source, 'argocd');
});

test('hostile scripts are bounded and never throw: unbalanced quotes, deep $(, a 200,000-character line, 20,000 lines', () => {
  const t = repo({
    'a.sh': `kubectl apply -f "unterminated\necho $(((((((\n${'x'.repeat(200_000)}\n${'kubectl --context c apply -f a.yaml\n'.repeat(20_000)}`,
    'a.yaml': svc('a'),
  });
  assert.deepEqual(placements(t), { 'a.yaml': 'c' });
});

test('a source over 1 MiB is not read, and says so', () => {
  const t = repo({
    'big.sh': `${'# filler\n'.repeat(120_000)}kubectl --context c apply -f a.yaml\n`,
    'a.yaml': svc('a'),
  });
  assert.deepEqual(placements(t), {});
  assert.deepEqual(notes(t), ['big.sh:1 larger than 1 MiB: not read']);
});

test('functions run where they are called, with their arguments; one never called still says what it applies', () => {
  const t = repo({
    'deploy.sh': [
      'deploy_to() {',
      '  local ctx=$1',
      '  kubectl --context "${ctx}" apply -f "$2"',
      '}',
      'function mp {',
      '  tctl apply -f tsb/t.yaml',
      '}',
      'deploy_to east apps/a.yaml',
      'deploy_to west apps/b.yaml',
    ].join('\n'),
    'apps/a.yaml': svc('a'),
    'apps/b.yaml': svc('b'),
    'tsb/t.yaml': tenant('prod'),
  });
  assert.deepEqual(placements(t), { 'apps/a.yaml': 'east', 'apps/b.yaml': 'west', 'tsb/t.yaml': 'mp' });
});

test('an unquoted variable holding several words is split in a for loop, as the shell does', () => {
  const t = repo({
    'a.sh':
      'CLUSTERS="east west"\nfor c in $CLUSTERS; do kubectl --context "$c" apply -f app.yaml; done\nfor c in "$CLUSTERS"; do echo "$c"; done\n',
    'app.yaml': svc('a'),
  });
  assert.deepEqual(placements(t), { 'app.yaml': 'east,west' });
});

test('commands printed for the user to run are read as suggestions; versions of the same objects are alternatives', () => {
  const cm = (v: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: graph\n  namespace: ns-a\ndata:\n  v: "${v}"\n`;
  const t = repo({
    'run.sh': [
      'D=$(dirname "$0")',
      'print_command "kubectl apply -f \\"${D}/k8s/delays/graph.yaml\\" && kubectl rollout restart deploy -n ns-a"',
      'print_command "kubectl apply -f \\"${D}/k8s/normal/graph.yaml\\""',
      'echo "done"',
    ].join('\n'),
    'k8s/delays/graph.yaml': cm('slow'),
    'k8s/normal/graph.yaml': cm('fast'),
  });
  const delays = unit(t, 'k8s/delays/graph.yaml');
  const normal = unit(t, 'k8s/normal/graph.yaml');
  assert.equal(delays.clustersUnknown, 'the current kube context (the command names none)');
  assert.deepEqual(delays.alternativeTo, [normal.name]);
});
