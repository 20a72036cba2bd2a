// The schemas for other editors: the real yaml-language-server, configured as the README documents
// (schemas/tsb.schema.json for every YAML file), over the examples and the real-world corpus. Every
// schema diagnostic it reports must be a real mistake: one that tsb-lint reports on the same line as
// an error or warning (each of those is justified in docs/corpus-report.md). Deprecations are not
// diagnostics there (yaml-language-server would show them like violations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProject } from '../../server/src/engine/index';
import { findTemplateMarker } from '../../server/src/engine/parse/templates';
import { repoRoot } from '../helpers/repo';
import { YamlLs } from '../helpers/yamlLs';
import { needShared } from '../helpers/shared';

const root = repoRoot();
const SCHEMA = path.join(root, 'schemas', 'tsb.schema.json');

/** The settings the README gives for yaml-language-server (VS Code YAML extension, Neovim, Helix...). */
const SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  schemas: { [SCHEMA]: ['*.yaml', '*.yml', '!**/templates/**'] },
  schemaStore: { enable: false },
};

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const p = path.join(dir, d.name);
      return d.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(d.name) && d.name !== 'tsb.config.yaml' ? [p] : [];
    });
}

/** Lines (0-based) where tsb-lint reports an error or warning, and the documents (by first line) that have one. */
function lintLines(file: string, text: string): { lines: Set<number>; docs: Set<number> } {
  const project = createProject();
  const uri = pathToFileURL(file).href;
  project.update(uri, text);
  const lines = new Set<number>();
  const docs = new Set<number>();
  for (const d of project.diagnostics(uri)) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    for (let l = d.range.start.line; l <= d.range.end.line; l++) lines.add(l);
    docs.add(docStart(text, d.range.start.line));
  }
  return { lines, docs };
}

/** First line of the YAML document holding `line`. */
function docStart(text: string, line: number): number {
  const lines = text.split('\n');
  for (let l = Math.min(line, lines.length - 1); l > 0; l--) if (/^---(\s|$)/.test(lines[l]!)) return l;
  return 0;
}

async function falseErrors(files: string[]): Promise<string[]> {
  const ls = new YamlLs(root, SETTINGS);
  const out: string[] = [];
  try {
    await ls.start();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // Helm/Jinja templates are not YAML to validate (unquoted `{{ }}` reads as a mapping): the README
      // has users leave templates/ out of the association, as the setting above does.
      if (findTemplateMarker(text) !== -1) continue;
      const diags = await ls.diagnostics(file, text);
      const ours = lintLines(file, text);
      for (const d of diags) {
        // Only schema findings: syntax errors and unused anchors are yaml-language-server's own checks.
        if (!/^yaml-schema/.test(String(d.source ?? ''))) continue;
        const lines = [d.range.start.line, d.range.start.line - 1, d.range.end.line];
        // A missing property is reported on the document: one of our findings in that document explains it.
        const confirmed =
          lines.some((l) => ours.lines.has(l)) ||
          (/^Missing property/.test(d.message) && ours.docs.has(docStart(text, d.range.start.line)));
        if (!confirmed) out.push(`${path.relative(root, file)}:${d.range.start.line + 1}: ${d.message}`);
      }
    }
  } finally {
    await ls.stop();
  }
  return out;
}

test('yaml-language-server with the documented settings: no false errors on the examples', async () => {
  assert.ok(fs.existsSync(SCHEMA), 'schemas/tsb.schema.json is missing: run npm run schemas');
  const files = yamlFiles(path.join(root, 'examples'));
  assert.ok(files.length > 5);
  assert.deepEqual(await falseErrors(files), []);
});

test('yaml-language-server with the documented settings: no false errors on the real-world corpus', async (t) => {
  const corpus = needShared(t, path.join('corpus', 'real-world'));
  if (!corpus) return;
  const files = yamlFiles(corpus);
  assert.ok(files.length > 50);
  assert.deepEqual(await falseErrors(files), []);
});

test('yaml-language-server reports real mistakes through the dispatcher schema, and leaves Kubernetes documents alone', async () => {
  const ls = new YamlLs(root, SETTINGS);
  try {
    await ls.start();
    const file = path.join(root, 'test', 'fixtures', 'tctl-get', 'mixed.yaml');
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo\n  whatever: 1\n---\napiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  name: w\n  organization: o\n  tenant: t\nspec:\n  namespaceSelector:\n    names: ["*/bookinfo"]\n  privilegd: true\n';
    const diags = (await ls.diagnostics(file, text)).filter((d) => /^yaml-schema/.test(String(d.source ?? '')));
    assert.deepEqual(
      diags.map((d) => d.range.start.line),
      [15],
      JSON.stringify(diags),
    );
    // A deprecated field is not a diagnostic for yaml-language-server (its text is in the hover).
    const dep =
      'apiVersion: traffic.tsb.tetrate.io/v2\nkind: TrafficSetting\nmetadata:\n  name: d\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\nspec:\n  reachability:\n    mode: GROUP\n';
    assert.deepEqual(
      (await ls.diagnostics(path.join(root, 'test', 'fixtures', 'tctl-get', 'dep.yaml'), dep)).filter((d) =>
        /^yaml-schema/.test(String(d.source ?? '')),
      ),
      [],
    );
    // An envsubst placeholder in an integer field passes; a quoted number is still reported.
    const cp = (port: string) =>
      `apiVersion: install.tetrate.io/v1alpha1\nkind: ControlPlane\nmetadata:\n  name: cp\n  namespace: istio-system\nspec:\n  hub: h\n  managementPlane:\n    host: h\n    port: ${port}\n    clusterName: c\n  telemetryStore:\n    elastic: { host: h, port: 9200 }\n`;
    const schemaDiags = async (port: string) =>
      (await ls.diagnostics(path.join(root, 'test', 'fixtures', 'tctl-get', `cp${port.length}.yaml`), cp(port))).filter(
        (d) => /^yaml-schema/.test(String(d.source ?? '')),
      );
    assert.deepEqual(await schemaDiags('$TSB_PORT'), []);
    assert.deepEqual(
      (await schemaDiags('"8443"')).map((d) => d.range.start.line),
      [9],
    );
  } finally {
    await ls.stop();
  }
});
