import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PrecompiledValidators } from '../engine/index';

// Loads the validators `npm run build` compiles ahead of time (scripts/validators.ts writes one
// module per schema next to the bundle). A missing file (a development build without them) makes the
// engine compile that schema itself, so the result is the same either way, only slower to start.

export function precompiledValidators(dir = join(__dirname, 'validators')): PrecompiledValidators {
  const load = createRequire(join(dir, 'index.js'));
  return (id) => {
    if (!/^[a-z0-9-]+$/.test(id)) return undefined;
    const file = join(dir, `${id}.js`);
    if (!existsSync(file)) return undefined;
    const mod = load(file) as { default?: unknown };
    return (typeof mod === 'function' ? mod : mod.default) as ReturnType<PrecompiledValidators>;
  };
}
