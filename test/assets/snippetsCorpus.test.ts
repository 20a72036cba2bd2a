// Resource snippets accepted into the real repositories of the corpus (../shared/corpus/trees): with the
// defaults each repository gives them, none raises an error or a warning, and none copies a selector the
// repository already gets wrong. Skipped, with a message, when ../shared is absent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resourceSnippets, snippetDefaults } from '../../server/src/engine/features/snippets';
import { registry } from '../helpers/engine';
import { Project } from '../../server/src/engine/index';
import { repoRoot } from '../helpers/repo';
import { needShared, sharedDir } from '../helpers/shared';
import { expand } from '../helpers/snippet';

const TREES = path.join(sharedDir() ?? path.join(repoRoot(), '..', 'shared'), 'corpus', 'trees');
const trees = fs.existsSync(TREES)
  ? fs
      .readdirSync(TREES)
      .filter((d) => d.includes('__'))
      .sort()
  : [];

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === '.git' ? [] : yamlFiles(p)) : /\.ya?ml$/i.test(e.name) ? [p] : [];
  });
}

test('the corpus repositories are there (or the snippet checks below are skipped)', (t) => {
  needShared(t, path.join('corpus', 'trees'));
});

describe('resource snippets in the corpus repositories', () => {
  for (const tree of trees) {
    test(tree, () => {
      const root = path.join(TREES, tree);
      const p = new Project(registry());
      for (const f of yamlFiles(root)) p.update(pathToFileURL(f).href, fs.readFileSync(f, 'utf8'), 1);
      const uri = pathToFileURL(path.join(root, 'new-snippet.yaml')).href;
      const failures: string[] = [];
      for (const sn of resourceSnippets(snippetDefaults(p.resolved()))) {
        const text = expand(sn.body);
        p.update(uri, text, 2);
        const existing = new Set(
          p
            .uris()
            .filter((u) => u !== uri)
            .flatMap((u) => p.diagnostics(u))
            .map((x) => `${x.rule}|${x.message.replace(/^.* refers to /, '')}`),
        );
        const problems = p.diagnostics(uri).filter(
          (x) =>
            (x.severity === 'error' || x.severity === 'warning') &&
            // A parent the repository itself never defines: the new resource inherits the repository's own warning.
            !(x.rule === 'parent-not-found' && existing.has(`${x.rule}|${x.message.replace(/^.* refers to /, '')}`)) &&
            // Designed: no workspace is free of a WorkspaceSetting, or no east-west gateway is installed: the
            // snippet's note says so, and the one warning names what the user still has to write.
            !(
              sn.prefix === 'tsb-workspace-setting' &&
              x.severity === 'warning' &&
              ((x.rule === 'parent-not-found' && sn.notes.some((n) => /already has its WorkspaceSetting/.test(n))) ||
                (x.rule === 'gateway-selector-no-match' &&
                  sn.notes.some((n) => /No install CR of this project deploys an east-west gateway/.test(n))))
            ),
        );
        if (problems.length)
          failures.push(
            `${sn.prefix}:\n${text}\n  ${problems.map((x) => `${x.range.start.line + 1}: ${x.rule} ${x.message}`).join('\n  ')}`,
          );
      }
      p.remove(uri);
      assert.deepEqual(failures, []);
    });
  }
});
