// Test helpers for the analysis engine: an in-memory project builder with file:///proj/... URIs and a
// range-marker helper so tests can write the expected range right inside the YAML.
import assert from 'node:assert/strict';
import { catalog, Project, type Problem, type ProjectOptions, type FailoverModel } from '../../server/src/engine/index';
import { SchemaRegistry } from '../../server/src/engine/schema/registry';

// One registry for every test project: compiling the ajv validators is the slow part of a project.
let sharedRegistry: SchemaRegistry | undefined;
export function registry(): SchemaRegistry {
  sharedRegistry ??= new SchemaRegistry(catalog);
  return sharedRegistry;
}

export const ROOT = 'file:///proj';
export const CONFIG = 'tsb.config.yaml';

export function uriOf(path: string): string {
  return `${ROOT}/${path}`;
}

export interface TestProject {
  p: Project;
  uri: (path: string) => string;
  /** Diagnostics of one file, optionally only those of the given rule(s). */
  diags: (path: string, rule?: string | string[]) => Problem[];
  /** Rules of a file's diagnostics, in order. */
  rules: (path: string) => string[];
  model: () => FailoverModel;
  /** Re-sets one file (or the config); bumps its version. */
  set: (path: string, text: string | undefined) => void;
}

/**
 * Creates a project, sets `tsb.config.yaml` (when given) for file:///proj and updates every other file.
 * Paths are relative to /proj.
 */
export function project(files: Record<string, string>, options?: ProjectOptions): TestProject {
  const p = new Project(registry(), options);
  const versions = new Map<string, number>();
  const set = (path: string, text: string | undefined) => {
    if (path === CONFIG) {
      p.setConfig(ROOT, text);
      return;
    }
    if (Project.isSource(uriOf(path))) {
      // Deploy scripts, Makefiles and READMEs: read for deployment units, not analysed as YAML.
      p.setSource(uriOf(path), text);
      return;
    }
    if (text === undefined) {
      p.remove(uriOf(path));
      return;
    }
    const v = (versions.get(path) ?? 0) + 1;
    versions.set(path, v);
    p.update(uriOf(path), text, v);
  };
  if (files[CONFIG] !== undefined) set(CONFIG, files[CONFIG]);
  for (const [path, text] of Object.entries(files)) if (path !== CONFIG) set(path, text);
  const diags = (path: string, rule?: string | string[]) => {
    const all = p.diagnostics(uriOf(path));
    if (rule === undefined) return all;
    const wanted = Array.isArray(rule) ? rule : [rule];
    return all.filter((d) => wanted.includes(d.rule));
  };
  return {
    p,
    uri: uriOf,
    diags,
    rules: (path) => diags(path).map((d) => d.rule),
    model: () => p.failoverModel(),
    set,
  };
}

/** Diagnostics of a single file `doc.yaml` in a project without config. */
export function lint(text: string, options?: ProjectOptions): Problem[] {
  return project({ 'doc.yaml': text }, options).diags('doc.yaml');
}

export interface Span {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * Removes range markers from `src` and returns the clean text plus the marked ranges, in order of their
 * opening marker. `«` opens a range, `»` closes the most recently opened one.
 */
export function marked(src: string): { text: string; ranges: Span[] } {
  let text = '';
  let line = 0;
  let character = 0;
  const open: { line: number; character: number; index: number }[] = [];
  const ranges: Span[] = [];
  for (const ch of src) {
    if (ch === '«') {
      open.push({ line, character, index: ranges.length });
      ranges.push({ start: { line, character }, end: { line, character } });
      continue;
    }
    if (ch === '»') {
      const o = open.pop();
      assert.ok(o, 'unbalanced » marker');
      ranges[o.index]!.end = { line, character };
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      character = 0;
    } else {
      character++;
    }
  }
  assert.equal(open.length, 0, 'unbalanced « marker');
  return { text, ranges };
}

/** Compact form of a range for assertions: [startLine, startChar, endLine, endChar]. */
export function rng(r: Span): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Asserts that exactly one diagnostic of `rule` exists and returns it. */
export function only(diags: Problem[], rule: string): Problem {
  const hits = diags.filter((d) => d.rule === rule);
  assert.equal(
    hits.length,
    1,
    `expected exactly one ${rule}, got ${hits.length}: ${JSON.stringify(diags.map((d) => [d.rule, d.message, rng(d.range)]))}`,
  );
  return hits[0]!;
}

/** Asserts that no diagnostic of `rule` exists. */
export function none(diags: Problem[], rule: string): void {
  const hits = diags.filter((d) => d.rule === rule);
  assert.equal(
    hits.length,
    0,
    `expected no ${rule}, got: ${JSON.stringify(hits.map((d) => [d.message, rng(d.range)]))}`,
  );
}

/** Dedents a template literal: strips the first newline and the common indentation. */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  let s = strings.reduce((acc, part, i) => acc + part + (i < values.length ? String(values[i]) : ''), '');
  s = s.replace(/^\n/, '').replace(/\n[ ]*$/, '\n');
  const lines = s.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Building blocks shared by the workspace and failover tests (the seed's east-west scenario).

export const WS = y`
  apiVersion: api.tsb.tetrate.io/v2
  kind: Workspace
  metadata:
    organization: tetrate
    tenant: tetrate
    name: bookinfo-ws
  spec:
    namespaceSelector:
      names:
        - "*/bookinfo"
`;

export const WS_SETTING = y`
  apiVersion: api.tsb.tetrate.io/v2
  kind: WorkspaceSetting
  metadata:
    organization: tetrate
    tenant: tetrate
    workspace: bookinfo-ws
    name: bookinfo-ws-setting
  spec:
    defaultEastWestGatewaySettings:
      - workloadSelector:
          namespace: eastwest
          labels:
            app: eastwest-gateway
`;

export const EW_GATEWAY = y`
  apiVersion: install.tetrate.io/v1alpha1
  kind: IngressGateway
  metadata:
    name: eastwest-gateway
    namespace: eastwest
  spec:
    eastWestOnly: true
`;

export const NAMESPACE = y`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: bookinfo
    labels:
      istio-injection: enabled
`;

export function service(
  name: string,
  labels: Record<string, string> = { app: name, service: name },
  namespace?: string,
): string {
  const l = Object.entries(labels)
    .map(([k, v]) => `    ${k}: ${v}`)
    .join('\n');
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    ...(Object.keys(labels).length ? ['  labels:', l] : []),
    'spec:',
    '  ports:',
    '    - port: 9080',
    '      name: http',
    '  selector:',
    `    app: ${name}`,
    '',
  ].join('\n');
}

export function deployment(app: string, version: string, namespace?: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${app}-${version}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    `      version: ${version}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${app}`,
    `        version: ${version}`,
    '    spec:',
    '      containers:',
    `        - name: ${app}`,
    `          image: docker.io/istio/examples-bookinfo-${app}-${version}:1.20.2`,
    '',
  ].join('\n');
}

/** The bookinfo application of the seed: four services, reviews in v1 and v2. */
export const BOOKINFO = [
  service('details'),
  deployment('details', 'v1'),
  service('ratings'),
  deployment('ratings', 'v1'),
  service('reviews'),
  deployment('reviews', 'v1'),
  deployment('reviews', 'v2'),
  service('productpage'),
  deployment('productpage', 'v1'),
].join('---\n');

export const SEED_CONFIG = y`
  placements:
    - files: apps/**
      clusters: [cluster-1, cluster-2]
      namespace: bookinfo
    - files: gateways/**
      clusters: [cluster-1, cluster-2]
`;

/** The seed-failover acceptance case as an in-memory project. */
export function seedFiles(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = {
    'tsb.config.yaml': SEED_CONFIG,
    'apps/bookinfo.yaml': BOOKINFO,
    'apps/namespace.yaml': NAMESPACE,
    'gateways/eastwest-gateway.yaml': EW_GATEWAY,
    'tsb/bookinfo-ws.yaml': WS,
    'tsb/bookinfo-ws-setting.yaml': WS_SETTING,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}
