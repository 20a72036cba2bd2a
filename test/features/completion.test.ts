// Completion, table-driven at the engine: a caret `|` in a document of the bookinfo project, what the list
// holds there, and what accepting each item leaves behind. Resource snippets appear only where a resource
// starts; key completions never leave an empty value (an error at once) nor any other new problem.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { complete } from '../../server/src/engine/features/completion';
import { SNIPPET_PREFIXES } from '../../server/src/engine/features/snippets';
import { BOOKINFO } from '../helpers/bookinfo';
import { project } from '../helpers/engine';
import { accept } from '../helpers/snippet';
import { caret } from '../helpers/workspace';

const REL = 'tsb/new.yaml';

function completeAt(marked: string, files: Record<string, string> = BOOKINFO): { list: CompletionList; text: string } {
  const { text, position } = caret(marked);
  const t = project({ ...files, [REL]: text });
  return { list: complete(t.p.analysis(t.uri(REL))!, position, t.p, { snippets: true }), text };
}

/** Errors and warnings of the new file, as `rule: message` (positions left out: an insertion shifts them). */
function problemsOf(text: string, files: Record<string, string> = BOOKINFO): string[] {
  return project({ ...files, [REL]: text })
    .diags(REL)
    .filter((p) => p.severity === 'error' || p.severity === 'warning')
    .map((p) => `${p.rule}: ${p.message}`);
}

const snippetsOf = (l: CompletionList) =>
  l.items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);

const WS = BOOKINFO['tsb/workspace.yaml']!;
const HEAD = (kind: string, api = 'api.tsb.tetrate.io/v2') =>
  `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n`;

describe('resource snippets appear only where a resource starts', () => {
  const rows: [string, string, boolean][] = [
    ['an empty file', '|', true],
    ['a prefix in an empty file', 'tsb-ws|', true],
    ['below comments', '# the shop\n\ntsb|\n', true],
    ['a new document after ---', `${WS}---\n|`, true],
    ['a new document between two', `${WS}---\n|\n---\n${WS}`, true],
    ['above the --- of the next document', `|\n---\n${WS}`, true],
    ['a top-level key of a resource', 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\n|', false],
    ['above an existing resource', '|\napiVersion: v1\nkind: Service\n', false],
    ['a nested key (spec)', `${WS}  |`, false],
    ['a nested key (metadata)', 'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  |\n', false],
    ['a list item', `${WS}      - |`, false],
    ['a value', 'apiVersion: api.tsb.tetrate.io/v2\nkind: |\n', false],
    ['an indented line of an empty document', '  |', false],
    ['text after the caret', 'ts|b-x: 1\n', false],
  ];
  for (const [where, marked, want] of rows) {
    test(`${want ? 'offered' : 'not offered'}: ${where}`, () => {
      const got = snippetsOf(completeAt(marked).list);
      if (want) assert.deepEqual([...got].sort(), [...SNIPPET_PREFIXES].sort());
      else assert.deepEqual(got, []);
    });
  }

  test('clients without snippet support get none', () => {
    const { text, position } = caret('|');
    const t = project({ ...BOOKINFO, [REL]: text });
    assert.deepEqual(snippetsOf(complete(t.p.analysis(t.uri(REL))!, position, t.p, { snippets: false })), []);
  });

  test("a snippet item shows its YAML with the project's defaults and says why", () => {
    const item = completeAt('tsb-workspace-s|').list.items.find((i) => i.label === 'tsb-workspace-setting')!;
    const doc = (item.documentation as { value: string }).value;
    assert.match(doc, /```yaml\napiVersion: api\.tsb\.tetrate\.io\/v2\nkind: WorkspaceSetting/);
    assert.match(doc, /bookinfo-ws already has|already has its WorkspaceSetting/);
    assert.deepEqual((item.textEdit as { range: unknown }).range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 15 },
    });
  });
});

// Key completions: every item offered at the caret is accepted in turn (snippet defaults, VS Code's
// indentation); none may add an error or a warning to what the document had before.
const KEY_CONTEXTS: [string, string][] = [
  ['Workspace spec', `${WS}  |\n`],
  [
    'Workspace metadata',
    `${HEAD('Workspace')}  name: shop-ws\n  |\nspec:\n  namespaceSelector:\n    names:\n      - "*/shop"\n`,
  ],
  [
    'WorkspaceSetting spec',
    `${HEAD('WorkspaceSetting')}  workspace: bookinfo-ws\n  name: bookinfo-ws-setting\nspec:\n  |\n`,
  ],
  [
    'east-west entry',
    `${HEAD('WorkspaceSetting')}  workspace: bookinfo-ws\n  name: bookinfo-ws-setting\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n      |\n`,
  ],
  [
    'exposedServices item',
    `${HEAD('WorkspaceSetting')}  workspace: bookinfo-ws\n  name: bookinfo-ws-setting\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n      exposedServices:\n        - |\n`,
  ],
  [
    'install IngressGateway spec',
    'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: edge\n  namespace: eastwest\nspec:\n  |\n',
  ],
];

describe('an accepted key completion leaves no empty value and no new problem', () => {
  const files = { ...BOOKINFO };
  delete files['tsb/workspace-setting.yaml'];
  for (const [where, marked] of KEY_CONTEXTS) {
    test(where, () => {
      const { list, text } = completeAt(marked, files);
      const before = problemsOf(text, files);
      const keys = list.items.filter(
        (i: CompletionItem) => i.kind !== CompletionItemKind.Snippet && !i.tags?.includes(1),
      );
      assert.ok(keys.length > 0, 'some keys offered');
      const failures: string[] = [];
      for (const item of keys) {
        const after = accept(text, item);
        const added = problemsOf(after, files).filter((p) => !before.includes(p));
        if (added.length) failures.push(`${String(item.label)} ->\n${after}\n  ${added.join('\n  ')}`);
      }
      assert.deepEqual(failures, [], `${failures.length} of ${keys.length} items leave a problem`);
    });
  }

  test('serviceLabels: inserts a Service label pair of the workspace, not an empty map', () => {
    const { list, text } = completeAt(KEY_CONTEXTS[4]![1].replace('- |', '- serviceL|'), files);
    const item = list.items.find((i) => i.label === 'serviceLabels')!;
    const after = accept(text, item);
    assert.match(after, /- serviceLabels:\n {12}(app|service): (details|ratings)\n/);
    assert.deepEqual(problemsOf(after, files), []);
  });

  test('workloadSelector labels: inserts the pod label of the east-west gateway the project installs', () => {
    const marked = `${HEAD('WorkspaceSetting')}  workspace: bookinfo-ws\n  name: s\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        lab|\n`;
    const { list, text } = completeAt(marked, files);
    const after = accept(text, list.items.find((i) => i.label === 'labels')!);
    assert.match(after, /labels:\n {10}app: eastwest-gateway\n/);
    assert.deepEqual(problemsOf(after, files), []);
  });
});
