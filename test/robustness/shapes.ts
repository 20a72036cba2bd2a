// Scale and shape generators: inputs that are valid-looking but hostile by their size or
// shape — wide aliases, many keys, many documents, long runs of spaces and blank lines, suppressions,
// lone CRs, deep and wide globs, many objects of one kind. Each takes a size and a PRNG and returns a
// whole project (relative path → text). The fuzz test checks their work in counts; measure.mjs times
// them in fresh processes for docs/robustness.md.
import { int, pick, type Rng } from './support';

export interface Shape {
  name: string;
  /** Sizes the fuzz test uses (small, to stay quick) and the report uses (large). */
  sizes: { test: number[]; report: number[] };
  make(size: number, r: Rng): Record<string, string>;
}

const WS = (name: string, extra = '') =>
  `apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: ${name}\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  namespaceSelector:\n    names:\n      - "*/x"\n${extra}`;

export const SHAPES: Shape[] = [
  {
    name: 'wide alias leaf: one list referenced by many aliases',
    sizes: { test: [200, 2000], report: [20_000, 100_000] },
    make: (n, r) => {
      const refs = 1 + int(r, 999);
      return {
        'doc.yaml': WS(
          'ws',
          `  a: &a [${Array(n).fill('0').join(', ')}]\n  b: [${Array(refs).fill('*a').join(', ')}]\n`,
        ),
      };
    },
  },
  {
    name: 'billion laughs, deeper',
    sizes: { test: [12, 30], report: [30, 60] },
    make: (n) => {
      let s =
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < n; i++)
        s += `  a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]\n`;
      return { 'doc.yaml': s };
    },
  },
  {
    name: 'many unknown keys in one spec',
    sizes: { test: [500, 12_000], report: [40_000, 100_000] },
    make: (n, r) => {
      const style = int(r, 2);
      const keys = Array.from({ length: n }, (_, i) => `k${i}${pick(r, ['', 'x', 'Name'])}`);
      return {
        'doc.yaml': WS(
          'ws',
          style ? `  extra: {${keys.map((k) => `${k}: 1`).join(', ')}}\n` : keys.map((k) => `  ${k}: 1\n`).join(''),
        ),
      };
    },
  },
  {
    name: 'many documents',
    sizes: { test: [1000, 8000], report: [100_000, 300_000] },
    make: (n, r) => ({
      'doc.yaml': Array.from({ length: n }, (_, i) => (r() < 0.5 ? '' : `k${i}: 1\n`)).join('---\n'),
    }),
  },
  {
    name: 'long line of spaces',
    sizes: { test: [10_000, 400_000], report: [1_000_000, 5_000_000] },
    make: (n, r) => ({ 'doc.yaml': WS('ws', `  a${' '.repeat(n)}${pick(r, ['', ':', ': x', '#'])}\n`) }),
  },
  {
    name: 'blank lines and braces',
    // Small sizes until the template check is linear (its quadratic regex is being replaced separately).
    sizes: { test: [2000, 8000], report: [100_000, 400_000] },
    make: (n, r) => ({ 'doc.yaml': WS('ws', `${pick(r, ['\n', '\r\n', '{', '  \n'])}`.repeat(n) + '\n') }),
  },
  {
    name: 'many suppression lines',
    sizes: { test: [1000, 50_000], report: [100_000, 500_000] },
    make: (n, r) => ({
      'doc.yaml': WS(
        'ws',
        `  # tsb-lint-disable-next-line ${pick(r, ['unknown-field', 'key-case, unknown-field', ''])}\n`.repeat(n) +
          '  bogus: 1\n',
      ),
    }),
  },
  {
    name: 'lone CR line breaks',
    sizes: { test: [100, 1000], report: [20_000, 50_000] },
    make: (n) => ({
      'doc.yaml': Array.from({ length: n }, (_, i) =>
        WS(`ws${i}`, `  # tsb-lint-disable-next-line unknown-field\n  bogus: 1\n`),
      )
        .join('---\n')
        .replace(/\n/g, '\r'),
    }),
  },
  {
    name: 'many objects of one kind',
    sizes: { test: [1000, 6000], report: [130_000, 200_000] },
    make: (n) => ({
      'ns.yaml': Array.from(
        { length: n },
        (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`,
      ).join('---\n'),
      'ws.yaml': WS('ws'),
    }),
  },
  {
    name: 'subsets times versions',
    sizes: { test: [50, 300], report: [1000, 3000] },
    make: (n) => {
      const deploy = (v: number) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: r-v${v}\n  namespace: ns\nspec:\n  template:\n    metadata:\n      labels:\n        app: r\n        version: v${v}\n`;
      const route = `apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: route\nspec:\n  service: ns/r.ns.svc.cluster.local\n  subsets:\n${Array.from({ length: n }, (_, i) => `    - name: s${i}\n      labels:\n        version: x${i}\n`).join('')}`;
      return {
        'k8s.yaml': [
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: r\n  namespace: ns\nspec:\n  selector:\n    app: r\n',
          ...Array.from({ length: n }, (_, i) => deploy(i)),
        ].join('---\n'),
        'route.yaml': route,
      };
    },
  },
  {
    name: 'many placements in tsb.config.yaml',
    sizes: { test: [100, 1500], report: [10_000, 100_000] },
    make: (n) => {
      const files: Record<string, string> = {
        'tsb.config.yaml': `placements:\n${Array.from({ length: n }, (_, i) => `  - files: "d${i}/**"\n    clusters: [c${i % 7}]\n`).join('')}`,
      };
      for (let i = 0; i < 50; i++)
        files[`d${i * 37}/f.yaml`] = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n${i}\n`;
      return files;
    },
  },
  {
    name: 'deep and wide globs in tsb.config.yaml',
    sizes: { test: [20, 200], report: [1000, 5000] },
    make: (n, r) => {
      const glob = () => {
        const parts = Array.from({ length: 1 + int(r, 12) }, () =>
          pick(r, ['**', '*', '*a*a*a*b', '?*', '{a,b}*', 'apps', '[a-z]*', '*(*(x))', 'x**']),
        );
        return parts.join('/');
      };
      const placements = Array.from(
        { length: n },
        () =>
          `  - files: [${Array.from({ length: 1 + int(r, 4) }, () => JSON.stringify(glob())).join(', ')}]\n    clusters: [c${int(r, 3)}]\n`,
      ).join('');
      const files: Record<string, string> = {
        'tsb.config.yaml': `ignore: [${JSON.stringify(glob())}]\nplacements:\n${placements}`,
      };
      for (let i = 0; i < 20; i++)
        files[`${Array.from({ length: 1 + int(r, 8) }, () => 'a'.repeat(1 + int(r, 60))).join('/')}/f${i}.yaml`] =
          `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n${i}\n`;
      return files;
    },
  },
];
