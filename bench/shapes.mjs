// Generated projects for the scaling suite: one project per shape of cross-file work, at any
// size N (the number of YAML documents), so that `npm run bench` can tell linear work from super-linear.
// Each shape stresses one cross-file computation; the documents are valid on their own, so what grows
// beyond the parse is the cross-file step. Files hold at most 100 documents each (a repository layout).
//
//   node bench/shapes.mjs OUTDIR N [shape...]     writes OUTDIR/<shape>-<N>/ for each shape
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate } from './generate.mjs';
import { mixedShape } from './mixedShape.mjs';
import {
  CLUSTERS,
  pad,
  workspace,
  tenantDoc,
  organization,
  namespaceDoc,
  serviceDoc,
  deploymentDoc,
  settingDoc,
  installGateway,
  placementsConfig,
  chunked,
  defaultConfig,
} from './shapeDocs.mjs';

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
