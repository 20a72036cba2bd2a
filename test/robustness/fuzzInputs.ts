// The robustness suite's fuzz inputs: a seeded PRNG, the seed inputs (acceptance cases and the
// real-world corpus, read from ../shared at test time, never copied), YAML mutations and a random
// YAML generator.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedDir, sharedMissing } from '../helpers/shared';

// ---- seeded PRNG (mulberry32) ----
export type Rng = () => number;
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** The fuzz seed: TSB_FUZZ_SEED, else a fixed default so that CI runs are reproducible. */
export function fuzzSeed(): number {
  const env = process.env.TSB_FUZZ_SEED;
  return env && /^\d+$/.test(env) ? Number(env) : 20261123;
}
export const int = (r: Rng, n: number) => Math.floor(r() * n);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

// ---- seed inputs ----
export interface SeedCase {
  name: string;
  /** Relative path → text; tsb.config.yaml included when present. */
  files: Record<string, string>;
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Acceptance cases (one project each) and corpus files (one single-file project each). */
export function seedCases(): { cases: SeedCase[]; note: string } {
  const shared = sharedDir();
  const cases: SeedCase[] = [];
  if (!shared) return { cases: BUILTIN, note: `${sharedMissing()}: fuzzing the built-in seeds only` };
  const acc = path.join(shared, 'acceptance', 'cases');
  if (fs.existsSync(acc)) {
    for (const name of fs.readdirSync(acc).sort()) {
      const dir = path.join(acc, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const files: Record<string, string> = {};
      for (const f of yamlFilesUnder(dir))
        files[path.relative(dir, f).split(path.sep).join('/')] = fs.readFileSync(f, 'utf8');
      cases.push({ name: `acceptance/${name}`, files });
    }
  }
  const corpus = path.join(shared, 'corpus', 'real-world');
  if (fs.existsSync(corpus)) {
    for (const f of yamlFilesUnder(corpus))
      cases.push({ name: `corpus/${path.relative(corpus, f)}`, files: { 'doc.yaml': fs.readFileSync(f, 'utf8') } });
  }
  return { cases: [...cases, ...BUILTIN], note: `${cases.length} seed projects from ${shared}` };
}

const WS =
  'apiVersion: tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: bookinfo-ws\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\nspec:\n  namespaceSelector:\n    names:\n      - "*/bookinfo"\n';
const SETTING =
  'apiVersion: tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  name: bookinfo-ws-setting\n  annotations:\n    tsb.tetrate.io/organization: tetrate\n    tsb.tetrate.io/tenant: tetrate\n    tsb.tetrate.io/workspace: bookinfo-ws\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n';
const BUILTIN: SeedCase[] = [
  {
    name: 'builtin/workspace',
    files: {
      'tsb.config.yaml': 'placements:\n  - files: "**"\n    clusters: [c1, c2]\n',
      'ws.yaml': WS,
      'setting.yaml': SETTING,
    },
  },
  {
    name: 'builtin/list',
    files: { 'doc.yaml': `apiVersion: v1\nkind: List\nitems:\n  - ${WS.trimEnd().split('\n').join('\n    ')}\n` },
  },
];

// ---- mutations ----
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'spec',
  'labels',
  'annotations',
  'namespaceSelector',
  'names',
  'workloadSelector',
  'exposedServices',
  'serviceLabels',
  'defaultEastWestGatewaySettings',
  'eastWestOnly',
  'items',
  'tsb.tetrate.io/organization',
  'tsb.tetrate.io/tenant',
  'tsb.tetrate.io/workspace',
];
const SNIPPETS = [
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ':',
  ': ',
  '- ',
  '&a ',
  '*a',
  '!!js/function ',
  '!foo ',
  '? ',
  '|',
  '>',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '#',
  '{{ .Values.x }}',
  '\u0000',
  '\uFFFD',
  '\u2028',
  '\r',
  '\uFEFF',
  '\\',
  '@',
  '`',
];

export type Mutation = (lines: string[], r: Rng) => string[];
export const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (l, r) => (l.length ? l.filter((_, i) => i !== int(r, l.length)) : l),
  duplicateLine: (l, r) => {
    const i = int(r, l.length);
    return [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)];
  },
  swapLines: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    const j = int(r, c.length);
    [c[i], c[j]] = [c[j]!, c[i]!];
    return c;
  },
  indent: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = r() < 0.5 ? ' '.repeat(1 + int(r, 4)) + (c[i] ?? '') : (c[i] ?? '').replace(/^ {1,3}/, '');
    return c;
  },
  tab: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = (c[i] ?? '').replace(/^( *)/, (m) => m.slice(0, Math.max(0, m.length - 2)) + '\t');
    return c;
  },
  unclosedQuote: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = (c[i] ?? '').replace(/: /, r() < 0.5 ? ': "' : ": '");
    return c;
  },
  snippet: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    const s = c[i] ?? '';
    const at = int(r, s.length + 1);
    c[i] = s.slice(0, at) + pick(r, SNIPPETS) + s.slice(at);
    return c;
  },
  randomBytes: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = (c[i] ?? '') + Array.from({ length: 1 + int(r, 12) }, () => String.fromCharCode(int(r, 0x3000))).join('');
    return c;
  },
  truncate: (l, r) => {
    const text = l.join('\n');
    return text.slice(0, int(r, text.length + 1)).split('\n');
  },
  keyTypo: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = (c[i] ?? '').replace(/^(\s*-?\s*)([A-Za-z./]+)(?=:)/, (_, pre: string, key: string) => pre + typo(key, r));
    return c;
  },
  renameKey: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    c[i] = (c[i] ?? '').replace(/^(\s*-?\s*)[^\s:#]+(?=:)/, `$1${pick(r, KEYS)}`);
    return c;
  },
  deepNesting: (l, r) => {
    const c = [...l];
    const d = 1 + int(r, 60);
    c.splice(int(r, c.length + 1), 0, `deep: ${'['.repeat(d)}x${r() < 0.7 ? ']'.repeat(d) : ''}`);
    return c;
  },
  anchors: (l, r) => {
    const c = [...l];
    const i = int(r, c.length);
    const j = int(r, c.length);
    c[i] = (c[i] ?? '').replace(/: (?=\S)/, ': &a ');
    c[j] = (c[j] ?? '').replace(/: \S.*$/, ': *a');
    if (r() < 0.3) c.push('<<: *a');
    return c;
  },
  documentSplit: (l, r) => {
    const c = [...l];
    c.splice(int(r, c.length + 1), 0, r() < 0.8 ? '---' : '...');
    return c;
  },
  crlf: (l) => l.map((s) => s + '\r'),
  bom: (l) => (l.length ? ['\uFEFF' + l[0], ...l.slice(1)] : ['\uFEFF']),
};
function typo(key: string, r: Rng): string {
  if (key.length < 2) return key + 'x';
  const i = int(r, key.length - 1);
  switch (int(r, 4)) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1);
    case 1:
      return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    case 2:
      return key.toLowerCase();
    default:
      return key.slice(0, i) + 'q' + key.slice(i);
  }
}

/** One to three mutations; returns the text and the names of the mutations applied. */
export function mutate(text: string, r: Rng): { text: string; applied: string[] } {
  let lines = text.split('\n');
  const applied: string[] = [];
  const names = Object.keys(MUTATIONS);
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const name = pick(r, names);
    lines = MUTATIONS[name]!(lines, r);
    applied.push(name);
  }
  return { text: lines.join('\n'), applied };
}

// ---- random YAML ----
export function randomYaml(r: Rng): string {
  const scalar = () =>
    pick(r, [
      'x',
      '"quoted"',
      "'single'",
      '42',
      '-1.5e3',
      'true',
      'null',
      '~',
      '""',
      'c1/ns',
      '*/bookinfo',
      '15443',
      '10s',
      '|\n  block\n  text',
      '>-\n  folded',
      '!!str 1',
      '!!binary aGVsbG8=',
      '!!js/function "function(){}"',
      '.nan',
      '0x1F',
      '2026-01-01',
    ]);
  const node = (depth: number, indent: string): string => {
    const roll = r();
    if (depth > 4 || roll < 0.35) return ' ' + scalar().replace(/\n/g, '\n' + indent);
    if (roll < 0.45) return ` [${Array.from({ length: int(r, 4) }, () => scalar().split('\n')[0]).join(', ')}]`;
    if (roll < 0.5)
      return ` {${Array.from({ length: int(r, 3) }, () => `${pick(r, KEYS)}: ${scalar().split('\n')[0]}`).join(', ')}}`;
    if (roll < 0.7)
      return Array.from({ length: 1 + int(r, 3) }, () => `\n${indent}-${node(depth + 1, indent + '  ')}`).join('');
    return Array.from(
      { length: 1 + int(r, 4) },
      () => `\n${indent}${pick(r, KEYS)}:${node(depth + 1, indent + '  ')}`,
    ).join('');
  };
  const doc = () => {
    const head =
      r() < 0.7
        ? `apiVersion: ${pick(r, ['tsb.tetrate.io/v2', 'api.tsb.tetrate.io/v2', 'install.tetrate.io/v1alpha1', 'v1', 'apps/v1', 'traffic.tsb.tetrate.io/v2', 'gateway.tsb.tetrate.io/v2'])}\nkind: ${pick(r, ['Workspace', 'WorkspaceSetting', 'Group', 'IngressGateway', 'Service', 'Deployment', 'Namespace', 'List', 'Tenant', 'ControlPlane', 'Nope'])}\n`
        : '';
    return head + Array.from({ length: 1 + int(r, 5) }, () => `${pick(r, KEYS)}:${node(0, '  ')}`).join('\n') + '\n';
  };
  return Array.from({ length: 1 + int(r, 3) }, doc).join('---\n');
}
