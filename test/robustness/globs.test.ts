// Globs of tsb.config.yaml: a linear-time matcher that agrees with picomatch (dot: true) on
// the syntax it accepts, refuses extglobs and other ambiguous forms with a message, and whose work per
// match is bounded by the pattern's length times the path's (counted, not timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../server/src/engine/l10n/translate';
import picomatch from 'picomatch';
import { compileGlob, takeGlobSteps } from '../../server/src/engine/workspace/glob';
import { parseConfig, placementOf } from '../../server/src/engine/workspace/config';
import { fuzzSeed, int, pick, prng } from './support';

function matcher(glob: string): (p: string) => boolean {
  const c = compileGlob(glob);
  if ('error' in c) throw new Error(`${glob}: ${c.error}`);
  return c.match;
}

test('agrees with picomatch (dot: true) on random globs and paths', (t) => {
  const r = prng(fuzzSeed());
  const atoms = [
    'a',
    'b',
    'bb',
    '.',
    '-',
    'x',
    '*',
    '?',
    '/',
    '**/',
    '/**',
    '**',
    '[ab]',
    '[^a]',
    '[a-c]',
    '[]a]',
    '{a,b}',
    '{a,bb,}',
    '{a,{b,c}}',
    '{1..3}',
    '{a}',
    '\\*',
    '\\[',
    '.yaml',
    ']',
  ];
  const parts = ['a', 'b', 'bb', '.', '-', 'x', 'c', '.yaml', '*', '1', ']', '[', '{a}'];
  let compared = 0;
  let refused = 0;
  for (let i = 0; i < 3000; i++) {
    const glob = (r() < 0.1 ? '!' : '') + Array.from({ length: 1 + int(r, 6) }, () => pick(r, atoms)).join('');
    const c = compileGlob(glob);
    if ('error' in c) {
      refused++;
      continue;
    }
    const pm = picomatch(glob, { dot: true });
    for (let j = 0; j < 15; j++) {
      const path = Array.from({ length: 1 + int(r, 3) }, () =>
        Array.from({ length: 1 + int(r, 3) }, () => pick(r, parts)).join(''),
      ).join('/');
      if (path.split('/').some((s) => s === '.' || s === '..')) continue;
      compared++;
      assert.equal(c.match(path), pm(path), `${JSON.stringify(glob)} on ${JSON.stringify(path)}`);
    }
  }
  t.diagnostic(
    `seed ${fuzzSeed()}: ${compared} comparisons, ${refused} globs refused (** beside other characters, brace explosions)`,
  );
  assert.ok(compared > 20_000);
});

test('the globs of the contract and the examples match as before', () => {
  const cases: [string, string, boolean][] = [
    ['apps/**', 'apps/bookinfo.yaml', true],
    ['apps/**', 'apps/a/b/c.yaml', true],
    ['apps/**', 'gateways/x.yaml', false],
    ['apps/**', 'apps', true],
    ['*/**', 'x.yaml', false],
    ['**/*.yaml', 'a/b/c.yaml', true],
    ['**/*.yaml', 'c.yaml', true],
    ['cluster-{1,2}/**', 'cluster-2/x.yaml', true],
    ['cluster-{1,2}/**', 'cluster-3/x.yaml', false],
    ['./apps/*.yaml', 'apps/x.yaml', true],
    ['**/.hidden/*', 'a/.hidden/x', true],
    ['!apps/**', 'gateways/x.yaml', true],
  ];
  for (const [glob, path, want] of cases) assert.equal(matcher(glob)(path), want, `${glob} on ${path}`);
  // `[!a]` negates the class, as in every shell (picomatch reads it as the characters ! and a).
  assert.equal(matcher('[!a].yaml')('b.yaml'), true);
  assert.equal(matcher('[!a].yaml')('a.yaml'), false);
});

test('extglobs, groups, ** beside other characters, POSIX classes and huge globs are refused with a reason', () => {
  const refusals: [string, RegExp][] = [
    ['apps/*(*([a-z0-9.-])*([a-z0-9.-]))x', /Extended globs such as \*\(…\) are not supported/],
    ['+(a|aa)b', /Extended globs such as \+\(…\)/],
    ['!(a)', /Extended globs such as !\(…\)/],
    ['(a|b)/x', /`\(` is not supported in tsb.config.yaml globs/],
    ['a|b', /`\|` is not supported/],
    ['**.yaml', /`\*\*` matches folders only as a whole path segment/],
    ['[[:alpha:]]', /POSIX classes/],
    ['{a,b}'.repeat(9), /expands to more than 256 alternatives/],
    ['a'.repeat(2000), /2000 characters long, above the limit of 1024/],
  ];
  for (const [glob, why] of refusals) {
    const c = compileGlob(glob);
    assert.ok('error' in c, glob);
    assert.match(render(c.error), why, glob);
  }
});

test('matching work is bounded by pattern length times path length, whatever the pattern', () => {
  const hostile: [string, string][] = [
    ['*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(255)],
    ['**/x/**/x/**/x/**/x/**/y', 'x/'.repeat(1000) + 'z'],
    ['**/*a*a*a*b/**/*a*a*b', Array(16).fill('a'.repeat(255)).join('/')],
    ['*?*?*?*?*?*?*?*?*?c', 'ab'.repeat(120)],
    [`${'*/'.repeat(40)}y`, 'a/'.repeat(60) + 'z'],
  ];
  for (const [glob, path] of hostile) {
    const m = matcher(glob);
    takeGlobSteps();
    assert.equal(m(path), false, glob);
    const steps = takeGlobSteps();
    const bound = 2 * (glob.length + 1) * (path.length + 1);
    assert.ok(steps <= bound, `${glob}: ${steps} steps for a ${path.length}-character path (bound ${bound})`);
  }
});

test('tsb.config.yaml: a refused glob is one config-invalid on it, the other globs and placements still apply', () => {
  const cfg = parseConfig(
    'file:///p',
    'ignore: ["vendor/**", "*(x)"]\nplacements:\n  - files: ["apps/**", "**.yaml"]\n    clusters: [c1]\n  - files: "@(a|b)/**"\n    clusters: [c2]\n',
  );
  assert.deepEqual(
    cfg.problems.map((p) => [p.rule, /Extended|whole path segment/.test(render(p.message))]),
    [
      ['config-invalid', true],
      ['config-invalid', true],
      ['config-invalid', true],
    ],
  );
  assert.equal(cfg.ignore.length, 1);
  assert.equal(cfg.ignore[0]!('vendor/x.yaml'), true);
  assert.deepEqual(placementOf(cfg, 'file:///p/apps/x.yaml').clusters, ['c1']);
  assert.deepEqual(placementOf(cfg, 'file:///p/a/x.yaml').clusters, []);
});
