// service-selector-no-match on a large workspace: the nearest Service named for an unmatched selector is
// exactly the one the plain definition picks (the first of the best-scoring Services among those it
// compares), and the rule yields between selectors so that the language server can answer meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Project } from '../../server/src/engine/index';
import { serviceSelectors } from '../../server/src/engine/crossFile/rules/serviceSelectors';
import type { LocatedProblem } from '../../server/src/engine/crossFile/crossRules';
import { editDistance } from '../../server/src/engine/util/nearest';
import { render } from '../../server/src/engine/l10n/translate';
import type { Labels } from '../../server/src/engine/types';
import { registry, WS_SETTING } from '../helpers/engine';

const ROOT = 'file:///nearest';

/** A small deterministic generator (the same project on every run). */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

interface Svc {
  name: string;
  labels: Labels;
  /** Where it is defined (two Services may share a name). */
  at?: string;
}

/** Services with labels from small vocabularies (values repeat, some are near each other) and some unique ones. */
function services(n: number, r: (n: number) => number): Svc[] {
  const tiers = ['backend', 'frontend', 'backnd', 'db'];
  const out: Svc[] = [];
  for (let i = 0; i < n; i++) {
    const labels: Labels = { app: r(4) ? `app-${r(60)}` : `svc-${i}` };
    if (r(3)) labels['tier'] = tiers[r(tiers.length)]!;
    if (!r(4)) labels['team'] = `team-${r(25)}`;
    if (!r(9)) labels['version'] = `v${r(3)}`;
    out.push({ name: r(5) ? `svc-${i}` : `app-${r(60)}`, labels });
  }
  return out;
}

/** Selectors that mostly match nothing: typos of values, unknown keys, values no Service has. */
function selectors(n: number, r: (n: number) => number): Labels[] {
  const out: Labels[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r(6);
    if (kind === 0) out.push({ app: `app-${r(60)}x` });
    else if (kind === 1) out.push({ tier: ['backnd', 'fronted', 'back-end', 'xyz'][r(4)]!, team: `team-${r(40)}` });
    else if (kind === 2) out.push({ team: `tem-${r(25)}`, tier: 'backend' });
    else if (kind === 3) out.push({ owner: `svc-${r(3000)}` });
    else if (kind === 4) out.push({ app: `svc-${r(3000)}y`, version: `v${r(5)}` });
    else out.push({ tier: 'backend', version: `v${r(4)}`, app: `app-${r(70)}` });
  }
  return out;
}

/** The definition: every Service up to 2,000 (beyond, those sharing a pair, in order, else the first 2,000), scored per key. */
function expectedNearest(selector: Labels, all: Svc[]): Svc | undefined {
  let pool = all;
  if (all.length > 2000) {
    const seen = new Set<Svc>();
    for (const [k, v] of Object.entries(selector)) {
      for (const s of all.filter((x) => x.labels[k] === v)) {
        seen.add(s);
        if (seen.size >= 2000) break;
      }
    }
    const sharing = [...seen].sort((a, b) => all.indexOf(a) - all.indexOf(b)).slice(0, 2000);
    pool = sharing.length ? sharing : all.slice(0, 2000);
  }
  let best: Svc | undefined;
  let bestScore = 0;
  let bestDistance = Infinity;
  const near = (v: string, x: string) => editDistance(v, x) <= Math.max(1, Math.floor(v.length / 3));
  for (const svc of pool) {
    let score = 0;
    let distance = 0;
    for (const [k, v] of Object.entries(selector)) {
      const have = svc.labels[k];
      if (have === undefined) continue;
      if (have === v) {
        score += 4;
        continue;
      }
      distance += editDistance(v, have);
      score += near(v, have) ? 2 : 1;
    }
    if (score === 0) continue;
    if (Object.values(selector).some((v) => v === svc.name || near(v, svc.name))) score += 1;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = svc;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

function load(svcs: Svc[], sels: Labels[]): Project {
  const p = new Project(registry());
  const yaml = (l: Labels, indent: string) =>
    Object.entries(l)
      .map(([k, v]) => `${indent}${k}: ${v}`)
      .join('\n');
  p.update(
    `${ROOT}/tsb.yaml`,
    [
      'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: bookinfo-ws\nspec:\n  namespaceSelector:\n    names: ["*/*"]\n',
      WS_SETTING +
        '      exposedServices:\n' +
        sels.map((s) => `        - serviceLabels:\n${yaml(s, '            ')}\n`).join(''),
    ].join('---\n'),
  );
  for (let f = 0; f * 100 < svcs.length; f++) {
    const docs = svcs
      .slice(f * 100, (f + 1) * 100)
      .map(
        (s, i) =>
          `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${s.name}\n  namespace: ns-${f}-${i % 3}\n  labels:\n${yaml(s.labels, '    ')}\nspec:\n  ports:\n    - port: 80\n      name: http\n  selector:\n    app: x\n`,
      );
    p.update(`${ROOT}/svc-${String(f).padStart(3, '0')}.yaml`, docs.join('---\n'));
  }
  return p;
}

/** The Service the problem names (its related place), or undefined when none is near. */
const named = (d: LocatedProblem) => {
  const r = d.related?.[0];
  return r ? `${/^Service (\S+) /.exec(render(r.message))?.[1]}@${r.uri}:${r.range.start.line}` : undefined;
};

for (const [count, seed] of [
  [300, 1],
  [2600, 2],
]) {
  test(`the nearest Service of each unmatched selector is the definition's, over ${count} Services`, () => {
    const r = random(seed);
    const svcs = services(count, r);
    const sels = selectors(80, r);
    const p = load(svcs, sels);
    const resolved = p.resolved(`${ROOT}/tsb.yaml`);
    // The Services as the rule sees them: the project's, in URI order.
    const inOrder = resolved.services.map((s) => ({
      name: s.fact.name,
      labels: s.fact.labels,
      at: `${s.fact.source.uri}:${s.fact.source.line}`,
    }));
    const out: LocatedProblem[] = [];
    for (const _ of serviceSelectors(resolved, out));
    const unmatched = sels.filter((s) => !svcs.some((v) => Object.entries(s).every(([k, val]) => v.labels[k] === val)));
    assert.equal(out.length, unmatched.length);
    assert.ok(out.length > 40, `${out.length} unmatched selectors`);
    let named_ = 0;
    out.forEach((d, i) => {
      const want = expectedNearest(unmatched[i]!, inOrder);
      assert.equal(named(d), want ? `${want.name}@${want.at}` : undefined, `selector ${JSON.stringify(unmatched[i])}`);
      if (want) named_++;
    });
    assert.ok(named_ > 20, `${named_} selectors with a nearest Service`);
  });
}

test('the rule yields between selectors on a large workspace, with the results of a run in one go', () => {
  const r = random(3);
  const p = load(services(2600, r), selectors(200, r));
  const resolved = p.resolved(`${ROOT}/tsb.yaml`);
  const stepped: LocatedProblem[] = [];
  let yields = 0;
  for (const _ of serviceSelectors(resolved, stepped)) yields++;
  assert.ok(yields >= 10, `${yields} yields`);
  const once: LocatedProblem[] = [];
  const steps = serviceSelectors(resolved, once);
  while (!steps.next().done);
  assert.deepEqual(stepped, once);
});
