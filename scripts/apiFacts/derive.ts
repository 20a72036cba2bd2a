// `npm run derive-schemas`: derives the compact schema source schemas/src/apiFacts.gen.ts from the
// committed facts (data/tsb-api/api.json and versions.json): for every message the catalog's kinds
// reach, each field's JSON name, type, enum values, required-ness, oneof, and the fields only some
// TSB versions have. schemas/src/facts.ts completes the hand-written schemas from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkVersions, deriveSource, type VersionsFile } from './deriveSource';
import type { ApiFacts } from './types';

const dataDir = resolve(__dirname, '../../data/tsb-api');
const facts = JSON.parse(readFileSync(resolve(dataDir, 'api.json'), 'utf8')) as ApiFacts;
const versions = JSON.parse(readFileSync(resolve(dataDir, 'versions.json'), 'utf8')) as VersionsFile;
const out = resolve(__dirname, '../../schemas/src/apiFacts.gen.ts');
const problems = checkVersions(facts, versions);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const src = deriveSource(facts, versions);
writeFileSync(out, src);
console.log(`wrote ${out} (${(src.length / 1024).toFixed(0)} KiB)`);
