// The benchmark's command-line options (listed in the header of run.mjs).
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export function parseArgs(argv) {
  const a = {
    quick: false,
    inputs: [],
    runs: undefined,
    servers: ['ours', 'yls', 'yls-min'],
    modes: ['push', 'pull'],
    cli: true,
    floor: true,
    out: join(ROOT, 'docs/performance.md'),
    keep: false,
    scaling: true,
    scalingSizes: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const val = () => (x.includes('=') ? x.slice(x.indexOf('=') + 1) : argv[++i]);
    const flag = x.split('=')[0];
    if (flag === '--quick') a.quick = true;
    else if (flag === '--input') a.inputs.push(...val().split(','));
    else if (flag === '--runs') a.runs = Number(val());
    else if (flag === '--servers') a.servers = val().split(',');
    else if (flag === '--modes') a.modes = val().split(',');
    else if (flag === '--no-cli') a.cli = false;
    else if (flag === '--no-floor') a.floor = false;
    else if (flag === '--out') a.out = val();
    else if (flag === '--keep') a.keep = true;
    else if (flag === '--merge') a.merge = true;
    else if (flag === '--render') a.render = true;
    else if (flag === '--no-scaling') a.scaling = false;
    else if (flag === '--scaling-only') {
      a.scaling = true;
      a.scalingOnly = true;
    } else if (flag === '--scaling-sizes') a.scalingSizes = val().split(',').map(Number);
    else throw new Error(`unknown option ${x}`);
  }
  return a;
}
