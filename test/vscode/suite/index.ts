// Entry point loaded by the extension host (extensionTestsPath): same contract for both routes,
// code-server's payload (harness/extensionTests.ts) and @vscode/test-electron (runElectron.ts).
// Mocha is bundled into this file by build.mjs; the *.test.js files next to it are loaded with require.
import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as path from 'node:path';

interface RunOptions {
  /** Where results.json goes. */
  out?: string;
  grep?: string | null;
}

function readOptions(): RunOptions {
  const file = path.join(__dirname, 'options.json');
  const fromFile: RunOptions = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RunOptions) : {};
  return {
    ...fromFile,
    ...(process.env['TSB_VSCODE_TEST_OUT'] ? { out: process.env['TSB_VSCODE_TEST_OUT'] } : {}),
    ...(process.env['TSB_VSCODE_TEST_GREP'] ? { grep: process.env['TSB_VSCODE_TEST_GREP'] } : {}),
  };
}

interface Result {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const options = readOptions();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  if (options.grep) mocha.grep(options.grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: Result[] = [];
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (options.out) {
        fs.mkdirSync(options.out, { recursive: true });
        fs.writeFileSync(path.join(options.out, 'results.json'), JSON.stringify({ failures, results }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) =>
      results.push({ title: t.fullTitle(), state: 'passed', ...(t.duration !== undefined ? { ms: t.duration } : {}) }),
    );
    runner.on('fail', (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.message ?? err) }),
    );
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
