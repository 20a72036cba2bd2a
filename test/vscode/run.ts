// Runs the real-VS-Code suites against code-server (installed by test/vscode/install-code-server.sh).
//   node .e2e/build/run.js [ext|ui|all] [--vsix FILE | --dev DIR] [--grep PATTERN]
// ext: mocha inside the extension host (payload route); ui: Playwright drives the workbench.
// With --vsix the packaged extension is installed into a fresh extensions dir (and, for ext, that installed
// folder is the development path); without it the built checkout (or --dev DIR) is the extension development path.
// Exit status: 0 when every suite selected passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runExtensionTests } from './harness/extensionTests';
import { BUILD, OUT, ROOT, elapsed } from './harness/paths';

interface Args {
  suites: ('ext' | 'ui')[];
  vsix?: string;
  dev?: string;
  grep?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { suites: ['ext', 'ui'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === 'ext' || a === 'ui') args.suites = [a];
    else if (a === 'all') args.suites = ['ext', 'ui'];
    else if (a === '--vsix') args.vsix = path.resolve(argv[++i] ?? '');
    else if (a === '--dev') args.dev = path.resolve(argv[++i] ?? '');
    else if (a === '--grep') args.grep = argv[++i] ?? '';
    else {
      console.error(`usage: run.js [ext|ui|all] [--vsix FILE | --dev DIR] [--grep PATTERN] (unknown: ${a})`);
      process.exit(2);
    }
  }
  if (args.vsix && !fs.existsSync(args.vsix)) {
    console.error(`run: ${args.vsix} does not exist`);
    process.exit(2);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.vsix && !args.dev) {
    for (const f of ['client/out/extension.js', 'server/out/serverMain.js']) {
      if (!fs.existsSync(path.join(ROOT, f)))
        console.warn(`run: ${f} is missing: build the extension (npm run build) or pass --vsix`);
    }
  }
  fs.mkdirSync(OUT, { recursive: true });
  const summary: { suite: string; ok: boolean; seconds: number }[] = [];
  for (const suite of args.suites) {
    const t0 = Date.now();
    let ok: boolean;
    if (suite === 'ext') {
      ok =
        (await runExtensionTests({
          ...(args.vsix ? { vsix: args.vsix } : {}),
          ...(args.dev ? { devPath: args.dev } : {}),
          ...(args.grep ? { grep: args.grep } : {}),
        }).catch((e: unknown) => {
          console.error('[ext] harness failure:', e);
          return 1;
        })) === 0;
    } else {
      const files = fs
        .readdirSync(path.join(BUILD, 'ui'))
        .filter((f) => f.endsWith('.test.js'))
        .map((f) => path.join(BUILD, 'ui', f));
      const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
        stdio: 'inherit',
        cwd: ROOT,
        timeout: 420_000,
        env: {
          ...process.env,
          ...(args.vsix ? { TSB_VSIX: args.vsix } : {}),
          ...(args.dev ? { TSB_DEV_PATH: args.dev } : {}),
        },
      });
      ok = r.status === 0;
      if (r.error) console.error('[ui] runner failure:', r.error.message);
    }
    summary.push({ suite, ok, seconds: Math.round((Date.now() - t0) / 100) / 10 });
    console.log(`== ${suite}: ${ok ? 'PASS' : 'FAIL'} in ${elapsed(t0)}`);
  }
  fs.writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(
    `== summary: ${summary.map((s) => `${s.suite} ${s.ok ? 'pass' : 'FAIL'} ${s.seconds}s`).join(', ')} (artifacts in ${path.relative(ROOT, OUT)}/)`,
  );
  return summary.every((s) => s.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
