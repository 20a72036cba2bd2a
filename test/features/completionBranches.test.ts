// Completion branch by branch, table-driven at the engine: a caret `|` in a document of the bookinfo
// project and what the list must (and must not) hold there. Keys at each depth, values (apiVersion/kind,
// enums, booleans), names the project knows (tenancy, namespaces, gateway and Service labels,
// `<cluster>/<namespace>`), GitOps parent annotations, the document after a `---`, and odd YAML (flow
// style, CRLF, a document that does not parse, a `kind: List`). Where resource snippets appear is
// covered in completion.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { complete } from '../../server/src/engine/features/completion';
import { BOOKINFO } from '../helpers/bookinfo';
import { project } from '../helpers/engine';
import { caret } from '../helpers/workspace';

const REL = 'tsb/new.yaml';

function itemsAt(marked: string, files: Record<string, string> = BOOKINFO): CompletionItem[] {
  const { text, position } = caret(marked);
  const t = project({ ...files, [REL]: text });
  return complete(t.p.analysis(t.uri(REL))!, position, t.p, { snippets: true }).items.filter(
    (i) => i.kind !== CompletionItemKind.Snippet,
  );
}

const TCTL = 'apiVersion: api.tsb.tetrate.io/v2';
const GITOPS = 'apiVersion: tsb.tetrate.io/v2';
const META = 'metadata:\n  organization: tetrate\n  tenant: tetrate\n';
const SETTING = `${TCTL}\nkind: WorkspaceSetting\n${META}  workspace: bookinfo-ws\n  name: s\nspec:\n`;
const EW_ENTRY = `${SETTING}  defaultEastWestGatewaySettings:\n    - workloadSelector:\n`;

interface Row {
  /** The branch of completion.ts this row exercises. */
  where: string;
  marked: string;
  /** Labels that must be offered. */
  has: string[];
  /** Labels that must not be offered. */
  not?: string[];
  /** The list is exactly these labels, in any order. */
  only?: boolean;
}

const ROWS: Row[] = [
  // ---- keys, by depth ----
  {
    where: 'top-level keys of an unidentified document',
    marked: '|',
    has: ['apiVersion', 'kind', 'metadata', 'spec'],
    only: true,
  },
  {
    where: 'top-level keys already written are not offered again',
    marked: 'apiVersion: v1\n|',
    has: ['kind', 'metadata', 'spec'],
    not: ['apiVersion'],
  },
  {
    where: 'top-level keys of a Workspace',
    marked: `${TCTL}\nkind: Workspace\n|`,
    has: ['metadata', 'spec'],
    not: ['apiVersion', 'kind'],
  },
  {
    where: 'metadata keys (depth 1)',
    marked: `${TCTL}\nkind: Workspace\nmetadata:\n  |\n`,
    has: ['organization', 'tenant', 'name', 'displayName'],
    not: ['spec', 'namespaceSelector'],
  },
  {
    where: 'spec keys of a Workspace (depth 1)',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\nspec:\n  |\n`,
    has: ['namespaceSelector'],
    not: ['defaultEastWestGatewaySettings', 'organization'],
  },
  {
    where: 'keys of namespaceSelector (depth 2)',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\nspec:\n  namespaceSelector:\n    |\n`,
    has: ['names'],
    not: ['namespaceSelector'],
  },
  {
    where: 'keys of a list item (depth 3)',
    marked: `${SETTING}  defaultEastWestGatewaySettings:\n    - |\n`,
    has: ['workloadSelector', 'exposedServices'],
  },
  {
    where: 'keys beside the first key of a list item (depth 3)',
    marked: `${EW_ENTRY}        namespace: eastwest\n      |\n`,
    has: ['exposedServices'],
    not: ['workloadSelector'],
  },
  { where: 'keys of workloadSelector (depth 4)', marked: `${EW_ENTRY}        |\n`, has: ['namespace', 'labels'] },
  {
    where: 'a prefix filters nothing (the client filters) but the range covers it',
    marked: `${TCTL}\nkind: Workspace\nmetadata:\n  ten|\n`,
    has: ['tenant', 'organization'],
  },
  // ---- values ----
  {
    where: 'apiVersion values for the kind written below',
    marked: 'apiVersion: |\nkind: WorkspaceSetting\n',
    has: ['api.tsb.tetrate.io/v2', 'tsb.tetrate.io/v2'],
    not: ['install.tetrate.io/v1alpha1', 'v1'],
  },
  {
    where: 'kind values of the apiVersion written above',
    marked: `${TCTL}\nkind: |\n`,
    has: ['Workspace', 'WorkspaceSetting', 'Tenant'],
    not: ['IngressGateway', 'Service'],
  },
  { where: 'kind values with no apiVersion: every kind', marked: 'kind: |\n', has: ['Workspace', 'IngressGateway'] },
  {
    where: 'enum values (configMode of a Group)',
    marked: `apiVersion: traffic.tsb.tetrate.io/v2\nkind: Group\n${META}  workspace: bookinfo-ws\n  name: g\nspec:\n  configMode: |\n`,
    has: ['BRIDGED', 'DIRECT'],
    only: true,
  },
  {
    where: 'flow style: a key whose value is a flow map counts as written',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\nspec: {namespaceSelector: {names: ["*/bookinfo"]}}\n|\n`,
    has: ['status'],
    only: true,
  },
  // Completion reads block structure: inside a flow map it offers nothing rather than a wrong guess.
  {
    where: 'inside a flow map: nothing',
    marked: `${TCTL}\nkind: Workspace\nmetadata: {name: w, tenant: |}\n`,
    has: [],
    only: true,
  },
  {
    where: 'boolean values (eastWestOnly)',
    marked:
      'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: g\n  namespace: eastwest\nspec:\n  eastWestOnly: |\n',
    has: ['true', 'false'],
    only: true,
  },
  // ---- names the project knows ----
  {
    where: 'tenancy parent names (metadata.organization)',
    marked: `${TCTL}\nkind: Workspace\nmetadata:\n  organization: |\n`,
    has: ['tetrate'],
  },
  {
    where: 'tenancy parent names (metadata.workspace)',
    marked: `${TCTL}\nkind: WorkspaceSetting\n${META}  workspace: |\n`,
    has: ['bookinfo-ws'],
  },
  {
    where: 'Kubernetes namespaces the project uses (metadata.namespace)',
    marked: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: |\n',
    has: ['bookinfo'],
  },
  {
    where: 'gateway namespaces (workloadSelector.namespace)',
    marked: `${EW_ENTRY}        namespace: |\n`,
    has: ['eastwest'],
  },
  {
    where: 'gateway label pairs (workloadSelector.labels keys)',
    marked: `${EW_ENTRY}        namespace: eastwest\n        labels:\n          |\n`,
    has: ['app: eastwest-gateway'],
  },
  {
    where: 'gateway label values (workloadSelector.labels.app)',
    marked: `${EW_ENTRY}        namespace: eastwest\n        labels:\n          app: |\n`,
    has: ['eastwest-gateway'],
  },
  {
    where: 'Service label pairs of the workspace (serviceLabels keys)',
    marked: `${EW_ENTRY}        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n      exposedServices:\n        - serviceLabels:\n            |\n`,
    has: ['app: details', 'app: ratings', 'service: details'],
  },
  {
    where: 'Service label values (serviceLabels.app)',
    marked: `${EW_ENTRY}        namespace: eastwest\n        labels:\n          app: eastwest-gateway\n      exposedServices:\n        - serviceLabels:\n            app: |\n`,
    has: ['details', 'ratings'],
    not: ['eastwest-gateway'],
  },
  {
    where: 'namespaceSelector names: <cluster>/<namespace>',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\nspec:\n  namespaceSelector:\n    names:\n      - |\n`,
    has: ['*/bookinfo', 'cluster-1/*', 'cluster-1/bookinfo', 'cluster-2/bookinfo'],
  },
  {
    where: 'GitOps parent annotations (keys)',
    marked: `${GITOPS}\nkind: Workspace\nmetadata:\n  name: w\n  annotations:\n    |\n`,
    has: ['tsb.tetrate.io/organization', 'tsb.tetrate.io/tenant'],
  },
  {
    where: 'GitOps parent annotation values',
    marked: `${GITOPS}\nkind: WorkspaceSetting\nmetadata:\n  name: s\n  annotations:\n    tsb.tetrate.io/workspace: |\n`,
    has: ['bookinfo-ws'],
  },
  // ---- after a `---` ----
  {
    where: 'the second document reads its own kind',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\n---\n${SETTING}  |\n`,
    has: ['defaultEastWestGatewaySettings'],
    not: ['namespaceSelector'],
  },
  {
    where: 'the first document is not read from the second',
    marked: `${TCTL}\nkind: Workspace\n${META}  name: w\nspec:\n  |\n---\n${SETTING}`,
    has: ['namespaceSelector'],
    not: ['defaultEastWestGatewaySettings'],
  },
  // ---- odd YAML ----
  {
    where: 'CRLF line breaks: the same keys as LF',
    marked: `${TCTL}\r\nkind: Workspace\r\nmetadata:\r\n  name: w\r\nspec:\r\n  |\r\n`,
    has: ['namespaceSelector'],
  },
  {
    where: 'a document that does not parse: identified from its text',
    marked: `${TCTL}\nkind: Workspace\nmetadata: [unclosed\nspec:\n  |\n`,
    has: ['namespaceSelector'],
  },
  {
    where: 'a kind: List item: paths relative to the item',
    marked:
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: api.tsb.tetrate.io/v2\n    kind: Workspace\n    metadata:\n      name: w\n    spec:\n      |\n',
    has: ['namespaceSelector'],
  },
];

for (const row of ROWS) {
  test(`completion: ${row.where}`, () => {
    const labels = itemsAt(row.marked).map((i) => i.label);
    for (const want of row.has) assert.ok(labels.includes(want), `${want} offered; got ${JSON.stringify(labels)}`);
    for (const no of row.not ?? []) assert.ok(!labels.includes(no), `${no} not offered; got ${JSON.stringify(labels)}`);
    if (row.only) assert.deepEqual([...labels].sort(), [...row.has].sort());
  });
}

test('completion: an item replaces the prefix typed before the caret', () => {
  const { text, position } = caret(`${TCTL}\nkind: Workspace\nmetadata:\n  ten|\n`);
  const t = project({ ...BOOKINFO, [REL]: text });
  const item = complete(t.p.analysis(t.uri(REL))!, position, t.p, { snippets: false }).items.find(
    (i) => i.label === 'tenant',
  )!;
  assert.deepEqual((item.textEdit as { range: unknown }).range, {
    start: { line: 3, character: 2 },
    end: { line: 3, character: 5 },
  });
  assert.equal((item.textEdit as { newText: string }).newText, 'tenant: ');
});
