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
import { appDocs, CLUSTERS, MISTAKES, sharedDocs } from './app-documents.mjs';

export { CLUSTERS, MISTAKES, SERVICES_PER_APP, TENANTS } from './app-documents.mjs';

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
    const unresolved = i === Math.floor(spec.apps / 2) ? 0 : (spec.unresolvedPerApp ?? 0);
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
    files.push({
      rel: 'tsb/tenancy.yaml',
      docs: shared.tenancy.map((d) => ({ ...d, app: 'shared', part: 'tenancy' })),
    });
    files.push({
      rel: 'gateways/eastwest.yaml',
      docs: shared.eastwest.map((d) => ({ ...d, app: 'shared', part: 'eastwest' })),
    });
    CLUSTERS.forEach((c, k) => {
      files.push({ rel: `clusters/${c}/controlplane.yaml`, docs: shared.controlPlanes[k] });
    });
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
  writeFileSync(
    join(dir, 'tsb.config.yaml'),
    spec.deployScripts
      ? '# Generated by bench/generate.mjs: placements inferred from scripts/.\n'
      : cfg.join('\n') + '\n',
  );
  if (spec.deployScripts)
    writeDeployScripts(
      dir,
      files.map((f) => f.rel),
    );

  // Write files, remember where the target documents landed.
  const where = new Map(); // `${app}|${docName}` -> { rel, line (of doc start) }
  const outFiles = [];
  let totalDocs = 0;
  let totalLines = 0;
  let bytes = 0;
  for (const f of files) {
    const r = render(f.docs);
    f.docs.forEach((d, k) => {
      where.set(`${d.app}|${d.part}|${d.name}`, { rel: f.rel, line: r.starts[k], doc: d });
    });
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
  const edit = {
    ...e,
    character: e.text.indexOf(':'),
    insert: 'x',
    affected: [{ rel: e.rel, line: e.line, rule: 'unknown-field' }],
  };
  // 2. A selector edit: the middle app's WorkspaceSetting east-west selector label gets one more character
  //    (gateway-selector-no-match appears in that file: a cross-file rule result).
  const s = at(midApp.app, 'tsb', 'setting', 'selectorApp');
  const selector = {
    ...s,
    character: s.text.length,
    insert: 'x',
    affected: [{ rel: s.rel, rule: 'gateway-selector-no-match' }],
  };
  // 3. A dependency edit: the middle app's install IngressGateway is renamed by one character; its gateway
  //    config in tsb/<tenant>/<app>.yaml (another file in the workspace layout) then selects nothing.
  const d = at(midApp.app, 'k8s', 'install-ingress', 'name');
  const dependent = {
    ...d,
    character: d.text.length,
    insert: 'x',
    affected: [{ rel: where.get(`${midApp.app}|tsb|gateway-config`).rel, rule: 'gateway-selector-no-match' }],
  };
  // 4. A fan-out edit: the shared east-west gateway is renamed: every WorkspaceSetting's selector breaks.
  const f = at('shared', 'eastwest', 'eastwest-gateway', 'name');
  // Apps whose own selector is already wrong (or not under spec) keep their one warning: not affected.
  const fanoutFiles = [
    ...new Set(
      apps
        .filter((a) => a.mistake !== 'gateway-selector-no-match' && a.mistake !== 'mis-indented')
        .map((a) => where.get(`${a.app}|tsb|setting`).rel),
    ),
  ];
  const fanout = {
    ...f,
    character: f.text.length,
    insert: 'x',
    affected: fanoutFiles.map((rel) => ({ rel, rule: 'gateway-selector-no-match' })),
  };
  return {
    name: spec.name,
    dir,
    layout: spec.layout,
    apps: spec.apps,
    files: outFiles,
    docs: totalDocs,
    lines: totalLines,
    bytes,
    mistakes,
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
    const lines = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      `CTX=${c}`,
      `kubectl --context "$CTX" apply -f clusters/${c}/controlplane.yaml`,
    ];
    for (const r of k8s) lines.push(`kubectl --context "$CTX" apply -f ${r}`);
    writeFileSync(join(dir, 'scripts', `deploy-${c}.sh`), lines.join('\n') + '\n');
  }
  writeFileSync(
    join(dir, 'scripts', 'tsb.sh'),
    ['#!/usr/bin/env bash', 'set -euo pipefail', ...tsb.map((r) => `tctl apply -f ${r}`)].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'Makefile'),
    [
      '.PHONY: all tsb ' + CLUSTERS.join(' '),
      `all: tsb ${CLUSTERS.join(' ')}`,
      'tsb:',
      '\t./scripts/tsb.sh',
      ...CLUSTERS.flatMap((c) => [`${c}:`, `\t./scripts/deploy-${c}.sh`]),
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'README.md'),
    [
      '# Platform configuration',
      '',
      'Apply the TSB configuration, then each cluster:',
      '',
      '```sh',
      './scripts/tsb.sh',
      ...CLUSTERS.map((c) => `./scripts/deploy-${c}.sh`),
      '```',
      '',
      'One app by hand:',
      '',
      '```sh',
      'kubectl --context cluster-1 apply -f apps/app-0000/k8s.yaml',
      '```',
    ].join('\n') + '\n',
  );
}

/** The benchmark's inputs (and a quick set for smoke runs). Sizes: 40 documents per app, ~13 lines each. */
export const INPUTS = {
  'file-1k': { layout: 'single', apps: 25, mistakeRate: 0.3, seed: 11, runs: 5, label: '1 file, 1,000 docs' },
  'file-1k-clean': {
    layout: 'single',
    apps: 25,
    mistakeRate: 0,
    seed: 11,
    runs: 5,
    label: '1 file, 1,000 docs, no mistakes',
  },
  'file-5k': { layout: 'single', apps: 125, mistakeRate: 0.3, seed: 12, runs: 3, label: '1 file, 5,000 docs' },
  'ws-10k': { layout: 'workspace', apps: 250, mistakeRate: 0.3, seed: 13, runs: 3, label: '500 files, 10,000 docs' },
  // A file and a workspace where references resolve to nothing (did-you-mean on every edit).
  'file-1k-unresolved': {
    layout: 'single',
    apps: 26,
    mistakeRate: 0,
    seed: 15,
    runs: 5,
    unresolvedPerApp: 8,
    tenants: 1,
    label: '1 file, 1,000 docs, 200 unresolved references',
  },
  'ws-10k-unresolved': {
    layout: 'workspace',
    apps: 250,
    mistakeRate: 0,
    seed: 16,
    runs: 3,
    unresolvedPerApp: 4,
    tenants: 1,
    cliOnly: true,
    label: '500 files, 10,000 docs, 1,000 unresolved references',
  },
  // The file-1k file opened in a folder that also holds ~17 MB of other YAML (a repository of 1,650 apps).
  'open-in-big-folder': {
    bigFolder: true,
    folderApps: 1650,
    runs: 3,
    label: 'a 1,000-document file opened in a folder with 17 MB of other YAML',
  },
  'file-300k': { layout: 'single', apps: 575, mistakeRate: 0.3, seed: 14, runs: 2, label: '1 file, 300k lines' },
};

export const QUICK_INPUTS = {
  'open-in-big-folder': {
    ...INPUTS['open-in-big-folder'],
    folderApps: 50,
    runs: 1,
    label: 'a 1,000-document file in a folder with 0.5 MB of other YAML (quick)',
  },
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
    console.log(
      `${n}: ${g.files.length} files, ${g.docs} docs, ${g.lines} lines, ${(g.bytes / 1048576).toFixed(1)} MiB, mistakes ${JSON.stringify(g.mistakes)}`,
    );
  }
}
