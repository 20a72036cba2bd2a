// The README inside the .vsix (scripts/vsixReadme.mjs, run by `npm run package`): VS Code renders it
// from the installed extension, so every relative link must point at a file the .vsix holds (as `vsce ls`
// lists them); the others must have become absolute links into the repository.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';

const ROOT = repoRoot();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-vsix-readme-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the .vsix README has no relative link to a file the .vsix does not hold', { timeout: 60_000 }, () => {
  const out = path.join(tmp, 'README.md');
  const gen = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vsixReadme.mjs'), out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(gen.status, 0, gen.stderr);
  const vsce = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
    { cwd: ROOT, encoding: 'utf8', timeout: 50_000 },
  );
  assert.equal(vsce.status, 0, vsce.stderr);
  const packaged = new Set(vsce.stdout.trim().split('\n'));
  assert.ok(packaged.has('package.json'));
  // `npm run package` hands vsce the generated README; re-including README.md as well gives the .vsix two
  // README files differing only in case, which vsce refuses.
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  assert.match(scripts['package']!, /node scripts\/vsixReadme\.mjs (\S+) && vsce package .*--readme-path \1/);
  assert.doesNotMatch(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!README\.md$/m);
  const links = [...fs.readFileSync(out, 'utf8').matchAll(/!?\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!);
  assert.ok(links.length > 5, `${links.length} links`);
  const relative = links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l) && !l.startsWith('#'));
  for (const l of relative)
    assert.ok(packaged.has(decodeURI(l.split('#')[0]!)), `relative link to an unpackaged file: ${l}`);
  assert.ok(relative.includes('docs/screenshots/preview-light.png'), 'the packaged screenshot stays relative');
  // The source README does link to unpackaged files (docs/...): they are rewritten, not dropped.
  const source = [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/\]\((docs\/[a-z-]+\.md)\)/g)].map(
    (m) => m[1]!,
  );
  assert.ok(source.length > 0);
  for (const s of source)
    assert.ok(
      links.some((l) => /^https:\/\//.test(l) && l.endsWith(`/blob/main/${s}`)),
      s,
    );
});
