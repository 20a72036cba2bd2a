// The same mocha suite in a desktop VS Code downloaded by @vscode/test-electron (for contributors with
// network access to update.code.visualstudio.com; CI uses code-server instead: see run.ts).
//   npm run test:electron            (VSCODE_VERSION=1.100.3 npm run test:electron to pin a version)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { BUILD, E2E, FIXTURES, OUT, ROOT, freshDir } from './harness/paths';

async function main(): Promise<void> {
  const run = freshDir(path.join(E2E, 'run', 'electron'));
  const ws = path.join(run, 'ws');
  fs.cpSync(path.join(FIXTURES, 'integration'), ws, { recursive: true });
  const userData = path.join(run, 'user');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'settings.json'), path.join(userData, 'User', 'settings.json'));
  const out = freshDir(path.join(OUT, 'electron'));
  fs.writeFileSync(
    path.join(BUILD, 'suite', 'options.json'),
    JSON.stringify({ out, grep: process.env['TSB_VSCODE_TEST_GREP'] ?? null }, null, 2),
  );
  await runTests({
    version: process.env['VSCODE_VERSION'] ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(BUILD, 'suite', 'index.js'),
    launchArgs: [
      path.join(ws, 'integration.code-workspace'),
      '--disable-extensions', // other installed extensions (a YAML extension, say) stay out of the way
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userData}`,
      `--extensions-dir=${path.join(run, 'extensions')}`,
    ],
    extensionTestsEnv: { TSB_VSCODE_TEST_OUT: out },
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('test:electron failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
