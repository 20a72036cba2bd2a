// One policy for a missing build output, as for the shared folder: one line and a skip locally, a
// failure under CI=true (CI builds before it tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT, builtMissing, unlessBuilt } from '../helpers/built';
import { repoRoot } from '../helpers/repo';

function withCi<T>(value: string | undefined, f: () => T): T {
  const before = process.env['CI'];
  if (value === undefined) delete process.env['CI'];
  else process.env['CI'] = value;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env['CI'];
    else process.env['CI'] = before;
  }
}

test('a missing build output: one line naming it and the command, a skip locally, a failure under CI=true', () => {
  const absent = path.join(repoRoot(), 'server', 'out', 'no-such-bundle.js');
  assert.equal(
    builtMissing(absent),
    'needs the build output server/out/no-such-bundle.js: not found (run npm run build)',
  );
  assert.equal(
    withCi(undefined, () => unlessBuilt(absent)),
    builtMissing(absent),
  );
  assert.equal(
    withCi('false', () => unlessBuilt(absent)),
    builtMissing(absent),
  );
  assert.throws(
    () => withCi('true', () => unlessBuilt(absent)),
    /server\/out\/no-such-bundle\.js: not found \(run npm run build\); CI=true, so this is a failure/,
  );
});

test('every build output the tests use is made by npm run build (present after it)', {
  skip: unlessBuilt(...Object.values(BUILT)),
}, () => {
  assert.equal(builtMissing(...Object.values(BUILT)), undefined);
});

test('the server, worker and CLI bundle yaml as ES modules: no process.env read per token, no getter per call', {
  skip: unlessBuilt(BUILT.server, BUILT.worker, BUILT.cli),
}, () => {
  // yaml's CommonJS build reads process.env.LOG_TOKENS for every token it parses, and a CommonJS module
  // bundled into ours is reached through a getter on every call (isMap, isScalar...): both cost a cold open.
  for (const bundle of [BUILT.server, BUILT.worker, BUILT.cli]) {
    const code = fs.readFileSync(bundle, 'utf8');
    assert.ok(code.includes('MULTIPLE_DOCS'), `${bundle} bundles yaml`);
    assert.ok(!code.includes('LOG_TOKENS'), `${bundle} bundles yaml's CommonJS build`);
  }
});
