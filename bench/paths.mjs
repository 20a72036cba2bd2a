// Where the benchmark finds the repository, the built server and CLI, and yaml-language-server.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OURS = join(ROOT, 'server/out/serverMain.js');
export const CLI = join(ROOT, 'server/out/cli.js');
export const YLS = join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
