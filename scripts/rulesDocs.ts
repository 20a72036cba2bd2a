// `npm run rules-docs`: writes the artifacts generated from the rule registry (see rulesArtifacts.ts).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rulePages, ruleSettings, withReadmeTable } from './rulesArtifacts';

const root = resolve(__dirname, '../..');
const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.contributes.configuration.properties['tsb.rules'].properties = ruleSettings();
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');

const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withReadmeTable(readFileSync(readmePath, 'utf8')));

const dir = join(root, 'docs/rules');
mkdirSync(dir, { recursive: true });
const pages = rulePages();
for (const f of readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) rmSync(join(dir, f));
for (const [name, text] of pages) writeFileSync(join(dir, name), text);
console.log(`rules-docs: ${pages.size} rules: package.json, README.md, docs/rules/`);
