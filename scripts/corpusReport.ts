// Generates docs/corpus-report.md: every finding of the engine on the real-world TSB corpus
// (../shared/corpus/real-world), each with a one-line justification. Each corpus file comes from a
// different repository and scenario, so each file is analysed as a project of its own (single-document
// rules plus the relational rules within the file). Templated files only have to not crash.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject } from '../server/src/engine/index';
import type { Problem } from '../server/src/engine/types';
import { readText } from '../server/src/node/scan';
import { justify } from './corpusJustifications';

const root = resolve(__dirname, '../..');
// The shared folder: TSB_SHARED, else ../shared beside the repository.
const corpus = resolve(
  process.env.TSB_SHARED ? resolve(process.env.TSB_SHARED) : resolve(root, '../shared'),
  'corpus/real-world',
);
if (!existsSync(corpus)) {
  console.error(
    `corpus-report needs the shared folder: ${corpus} not found (set TSB_SHARED to the folder that holds corpus/, or place it at ../shared beside the repository)`,
  );
  process.exit(2);
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
    });
}

const all = files(corpus);
const plain = all.filter((f) => !relative(corpus, f).startsWith('templated/'));
const templated = all.filter((f) => relative(corpus, f).startsWith('templated/'));
const counts: Record<string, number> = {};
const sections: string[] = [];
let unjustified = 0;

function analyse(file: string): Problem[] {
  const project = createProject();
  const uri = pathToFileURL(file).href;
  const read = readText(file, 20 * 1048576);
  if ('skipped' in read) project.update(uri, '', 0, { skip: read.skipped });
  else project.update(uri, read.text);
  return project.diagnostics(uri);
}

for (const file of plain) {
  const rel = relative(corpus, file);
  const problems = analyse(file).filter((p) => p.severity === 'error' || p.severity === 'warning');
  if (!problems.length) continue;
  const rows = problems.map((p) => {
    counts[`${p.severity} ${p.rule}`] = (counts[`${p.severity} ${p.rule}`] ?? 0) + 1;
    const why = justify(rel, p);
    if (!why) unjustified++;
    return `| ${p.range.start.line + 1}:${p.range.start.character + 1} | ${p.severity} | \`${p.rule}\` | ${p.message.replace(/\|/g, '\\|')} | ${why ?? '**unjustified**'} |`;
  });
  sections.push(
    `### \`${rel}\`\n\n| at | severity | rule | message | justification |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

// Relational findings across the files of one scenario (the corpus keeps files of a repository
// flattened as a__b__c.yaml; a scenario is the path up to `scenarios__<name>`, else its first two folders).
const RELATIONAL = new Set([
  'namespace-owned-twice',
  'multiple-workspace-settings',
  'gateway-selector-no-match',
  'service-selector-no-match',
  'edge-dns-resolution-disabled',
  'subset-not-found',
  'cluster-name-reused',
  'cluster-not-found',
  'gateway-server-conflict',
  'gateway-kind-mismatch',
  'port-protocol-unknown',
  'version-label-missing',
]);
const groups = new Map<string, string[]>();
for (const file of plain) {
  const [repo, name] = relative(corpus, file).split('/') as [string, string];
  const segs = name.split('__');
  const at = segs.indexOf('scenarios');
  const key = `${repo}/${at >= 0 ? segs.slice(0, at + 2).join('__') : segs.length > 2 ? segs.slice(0, 2).join('__') : segs[0]}`;
  groups.set(key, [...(groups.get(key) ?? []), file]);
}
const relational: string[] = [];
let relUnjustified = 0;
for (const [key, group] of [...groups].sort()) {
  if (group.length < 2) continue;
  const project = createProject();
  for (const file of group) {
    const read = readText(file, 20 * 1048576);
    if (!('skipped' in read)) project.update(pathToFileURL(file).href, read.text);
  }
  for (const file of group) {
    for (const p of project.diagnostics(pathToFileURL(file).href)) {
      if (!RELATIONAL.has(p.rule)) continue;
      const rel = relative(corpus, file);
      const why = justify(rel, p);
      if (!why) relUnjustified++;
      relational.push(
        `| \`${key}\` | \`${rel.split('/')[1]}\`:${p.range.start.line + 1} | ${p.severity} \`${p.rule}\` | ${p.message.replace(/\|/g, '\\|')} | ${why ?? '**unjustified**'} |`,
      );
    }
  }
}

let crashes = 0;
const templatedNotes: Record<string, number> = {};
for (const file of templated) {
  try {
    for (const p of analyse(file)) templatedNotes[p.rule] = (templatedNotes[p.rule] ?? 0) + 1;
  } catch {
    crashes++;
  }
}

// The repository trees, each checked at its root as its users would (`tsb-lint check .` with the built CLI,
// deployment units inferred). Every error is listed, and every warning of the cross-file rules.
const NEW_RULES = new Set([
  'cluster-name-reused',
  'cluster-not-found',
  'gateway-server-conflict',
  'gateway-kind-mismatch',
  'per-try-timeout-too-long',
  'weight-sum',
  'invalid-name',
  'service-annotation-misplaced',
  'port-protocol-unknown',
  'version-label-missing',
]);
const treesDir = resolve(corpus, '../trees');
const treeRows: string[] = [];
const treeFindings: string[] = [];
let treeUnjustified = 0;
for (const tree of existsSync(treesDir)
  ? readdirSync(treesDir)
      .filter((n) => statSync(join(treesDir, n)).isDirectory())
      .sort()
  : []) {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [join(root, 'server/out/cli.js'), 'check', '.', '--format', 'json'], {
      cwd: join(treesDir, tree),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    stdout = String((e as { stdout?: string }).stdout ?? '');
  }
  const found = (
    JSON.parse(stdout) as {
      diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
    }
  ).diagnostics;
  const by = (sev: string) => found.filter((d) => d.severity === sev);
  const perRule = (sev: string) =>
    Object.entries(
      by(sev).reduce<Record<string, number>>((m, d) => {
        m[d.rule] = (m[d.rule] ?? 0) + 1;
        return m;
      }, {}),
    )
      .map(([r, n]) => `${r} ${n}`)
      .join(', ') || '-';
  treeRows.push(`| \`${tree}\` | ${by('error').length} | ${perRule('warning')} |`);
  for (const d of found) {
    if (d.severity !== 'error' && !(d.severity === 'warning' && NEW_RULES.has(d.rule))) continue;
    const why = justify(`trees/${tree}/${d.file}`, { rule: d.rule } as Problem);
    if (!why) treeUnjustified++;
    treeFindings.push(
      `| \`${tree}\` | \`${d.file}\`:${d.line}:${d.column} | ${d.severity} \`${d.rule}\` | ${d.message.replace(/\|/g, '\\|')} | ${why ?? '**unjustified**'} |`,
    );
  }
}

const clean = plain.length - sections.length;
const summary = Object.entries(counts)
  .sort()
  .map(([k, n]) => `| ${k.split(' ')[1]} | ${k.split(' ')[0]} | ${n} |`)
  .join('\n');
const md = `# Corpus report

Generated by \`npm run corpus-report\` (scripts/corpusReport.ts) from \`../shared/corpus/real-world\`: ${plain.length}
plain YAML files from public TSB repositories and ${templated.length} templated ones. Each file is analysed
as a project of its own, because the corpus mixes unrelated repositories and scenarios (several copies of
one demo workspace would otherwise be reported as duplicates of each other). Infos (deprecated fields,
injection hints) are not listed; every warning and error is, with a one-line justification.

- ${clean} of ${plain.length} plain files: no warning and no error.
- ${sections.length} files with findings; ${unjustified} finding(s) without a justification.
- Templated files: ${crashes} crash(es); findings there are only do-not-crash material: ${
  Object.entries(templatedNotes)
    .sort()
    .map(([r, n]) => `${r} ${n}`)
    .join(', ') || 'none'
}.

| rule | severity | findings |
|---|---|---|
${summary}

## Findings per file

${sections.join('\n')}
## Relational findings per scenario

Files of one scenario (${[...groups.values()].filter((g) => g.length > 1).length} scenarios with two files or more) analysed together, without
placements. Only the selector, ownership and setting rules are listed: the corpus keeps alternative
versions of one sample side by side (traffic-shifting variants, walkthrough steps), so duplicates and
missing parents across its files say nothing about the original repositories. The corpus also copies
only some files of each repository, which explains most of what is below. ${relUnjustified} unjustified.

| scenario | file:line | finding | message | justification |
|---|---|---|---|---|
${relational.join('\n')}

## Repository trees

The six repositories of \`../shared/corpus/trees\`, each checked at its root with \`tsb-lint check .\` (the built
CLI; deployment units inferred from their scripts, READMEs, Argo CD and kustomize files). Errors per tree, and
warnings per rule:

| tree | errors | warnings |
|---|---|---|
${treeRows.join('\n')}

Every error, and every warning of the rules added for the checks an expert makes (cluster names, gateway server
conflicts and kinds, retry timeouts, weights, names, misplaced Service annotations, port protocols, version
labels), with its justification (${treeUnjustified} unjustified):

| tree | file:line | finding | message | justification |
|---|---|---|---|---|
${treeFindings.join('\n') || '| - | - | - | none | - |'}
`;
writeFileSync(join(root, 'docs/corpus-report.md'), md);
console.log(
  `corpus report: ${plain.length} files, ${sections.length} with findings, ${unjustified} unjustified, ${crashes} crashes`,
);
process.exitCode = unjustified || relUnjustified || treeUnjustified || crashes ? 1 : 0;
