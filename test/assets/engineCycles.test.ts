// The engine's modules and folders form layers: no module imports (even for types) a module that imports
// it back, directly or through others, and no folder depends on a folder that depends on it. A cycle makes
// a layer impossible to read, test or move on its own; this test names the imports that close one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

const engine = path.join(repoRoot(), 'server', 'src', 'engine');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative module specifiers of import/export-from statements and dynamic imports, type-only ones included. */
function relativeImports(source: string): string[] {
  const re =
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]*)['"]|(?:^|[\s;])import\s*['"](\.[^'"]*)['"]|import\(\s*['"](\.[^'"]*)['"]\s*\)/g;
  return [...source.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

function resolveModule(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
}

type Graph = Map<string, Set<string>>;

/** Strongly connected components with more than one node: each is a cycle (or several). */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Module -> modules it imports, as paths relative to the engine. */
function moduleGraph(dir: string): Graph {
  const g: Graph = new Map();
  for (const f of tsFiles(dir)) {
    const from = path.relative(dir, f).split(path.sep).join('/');
    const to = new Set<string>();
    for (const spec of relativeImports(fs.readFileSync(f, 'utf8'))) {
      const target = resolveModule(f, spec);
      if (target?.startsWith(dir + path.sep)) to.add(path.relative(dir, target).split(path.sep).join('/'));
    }
    g.set(from, to);
  }
  return g;
}

/**
 * Folder -> folders it depends on. A module at the engine's top level is a node of its own (the top level
 * holds the shared base types and the entry modules, not one layer); every folder, nested ones included,
 * is one node.
 */
function folderGraph(modules: Graph): { graph: Graph; why: Map<string, string> } {
  const folderOf = (m: string) => (m.includes('/') ? m.slice(0, m.lastIndexOf('/')) + '/' : m);
  const graph: Graph = new Map();
  const why = new Map<string, string>();
  for (const [from, tos] of modules) {
    for (const to of tos) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
      if (!why.has(`${a} -> ${b}`)) why.set(`${a} -> ${b}`, `${from} imports ${to}`);
    }
  }
  return { graph, why };
}

test('the cycle finder sees a cycle through three modules and ignores a chain', () => {
  const g: Graph = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a'])],
    ['d', new Set(['a'])],
  ]);
  assert.deepEqual(cycles(g), [['a', 'b', 'c']]);
  assert.deepEqual(
    cycles(
      new Map([
        ['a', new Set(['b'])],
        ['b', new Set(['c'])],
      ]),
    ),
    [],
  );
});

test('folders are nodes; top-level modules are nodes of their own', () => {
  const modules: Graph = new Map([
    ['x/one.ts', new Set(['types.ts'])],
    ['types.ts', new Set(['y/two.ts'])],
    ['y/two.ts', new Set(['x/three.ts'])],
    ['x/three.ts', new Set()],
  ]);
  assert.deepEqual(cycles(folderGraph(modules).graph), [['types.ts', 'x/', 'y/']]);
});

test('no module of the engine is part of an import cycle', () => {
  const g = moduleGraph(engine);
  assert.ok(g.size > 50, `${g.size} modules read`);
  assert.deepEqual(cycles(g), []);
});

test('no folder of the engine depends on itself through other folders', () => {
  const { graph, why } = folderGraph(moduleGraph(engine));
  const found = cycles(graph).map((c) => ({
    folders: c,
    imports: c.flatMap((a) => c.map((b) => why.get(`${a} -> ${b}`)).filter((x) => x !== undefined)),
  }));
  assert.deepEqual(found, []);
});
