// Hover branch by branch, table-driven at the engine: a caret `|` in a document of the bookinfo project
// and what the hover says there. The kind's description on apiVersion/kind, a field's documentation
// (type, required, enum values), what a namespaceSelector name matches, and silence where there is
// nothing to say. Selectors of gateways and Services are covered in hover.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent, Range } from 'vscode-languageserver-types';
import { hover } from '../../server/src/engine/features/hover';
import { BOOKINFO } from '../helpers/bookinfo';
import { project } from '../helpers/engine';
import { caret } from '../helpers/workspace';

const REL = 'tsb/new.yaml';
const TCTL = 'apiVersion: api.tsb.tetrate.io/v2';
const WS = `${TCTL}\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: w\nspec:\n`;
const GROUP =
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: bookinfo-ws\n  name: g\nspec:\n';

function hoverAt(marked: string): { text: string | null; range: Range | undefined } {
  const { text, position } = caret(marked);
  const t = project({ ...BOOKINFO, [REL]: text });
  const h = hover(t.p.analysis(t.uri(REL))!, position, t.p);
  return { text: h ? (h.contents as MarkupContent).value : null, range: h?.range };
}

interface Row {
  where: string;
  marked: string;
  /** What the hover must say (every pattern), or null: no hover at all. */
  says: RegExp[] | null;
  /** The range the hover covers: [line, startCharacter, endCharacter]. */
  range?: [number, number, number];
}

const ROWS: Row[] = [
  // ---- kinds ----
  {
    where: 'kind value: the kind, its apiVersions and description',
    marked: `${TCTL}\nkind: Work|space\n`,
    says: [/^\*\*Workspace\*\* `api\.tsb\.tetrate\.io\/v2` · `tsb\.tetrate\.io\/v2`/, /owns exclusively/],
    range: [1, 6, 15],
  },
  {
    where: 'apiVersion value: the same kind description',
    marked: 'apiVersion: api.ts|b.tetrate.io/v2\nkind: Workspace\n',
    says: [/^\*\*Workspace\*\*/],
    range: [0, 12, 33],
  },
  {
    where: 'a kind the catalogue does not hold: nothing',
    marked: `${TCTL}\nkind: Nothing\nmetadata:\n  na|me: w\n`,
    says: null,
  },
  {
    where: 'a Kubernetes kind outside the catalogue: nothing',
    marked: 'apiVersion: v1\nkind: Ser|vice\nmetadata:\n  name: x\n',
    says: null,
  },
  // ---- field docs ----
  {
    where: 'a required object field: type, required, description',
    marked: `${WS}  namespace|Selector:\n    names:\n      - "*/bookinfo"\n`,
    says: [/^\*\*namespaceSelector\*\* `object` — required/, /namespaces, across clusters/],
    range: [7, 2, 19],
  },
  {
    where: 'a metadata field of the tctl form',
    marked: `${TCTL}\nkind: Workspace\nmetadata:\n  organization: tetrate\n  ten|ant: tetrate\n`,
    says: [/^\*\*tenant\*\* `string`\n/, /tctl form: the tenant/],
    range: [4, 2, 8],
  },
  {
    where: 'a required metadata field',
    marked: `${TCTL}\nkind: Workspace\nmetadata:\n  na|me: w\n`,
    says: [/^\*\*name\*\* `string` — required/],
  },
  {
    where: 'a boolean field of an install CR',
    marked:
      'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: g\n  namespace: eastwest\nspec:\n  eastWest|Only: true\n',
    says: [/^\*\*eastWestOnly\*\* `boolean`/, /east-west/],
  },
  {
    where: 'an enum field lists its values',
    marked: `${GROUP}  config|Mode: BRIDGED\n`,
    says: [/^\*\*configMode\*\*/, /BRIDGED/, /DIRECT/],
  },
  { where: 'a value hovers as its field', marked: `${GROUP}  configMode: BRI|DGED\n`, says: [/^\*\*configMode\*\*/] },
  { where: 'a field the kind does not have: nothing', marked: `${WS}  config|Mode: BRIDGED\n`, says: null },
  // ---- names: namespaceSelector ----
  {
    where: 'a namespaceSelector name: the namespaces it matches, with their clusters',
    marked: `${WS}  namespaceSelector:\n    names:\n      - "*/book|info"\n`,
    says: [/^`\*\/bookinfo` matches 1 namespace:/, /- `bookinfo` in `cluster-1, cluster-2`/],
    range: [9, 8, 20],
  },
  {
    where: 'a namespaceSelector name that matches nothing known',
    marked: `${WS}  namespaceSelector:\n    names:\n      - "cluster-1/nowh|ere"\n`,
    says: [/^`cluster-1\/nowhere` matches no namespace known in this project\.$/],
  },
  // ---- nothing to say ----
  { where: 'an empty document', marked: '|', says: null },
];

for (const row of ROWS) {
  test(`hover: ${row.where}`, () => {
    const h = hoverAt(row.marked);
    if (row.says === null) {
      assert.equal(h.text, null);
      return;
    }
    assert.ok(h.text, 'a hover');
    for (const re of row.says) assert.match(h.text, re);
    if (row.range) {
      const [line, start, end] = row.range;
      assert.deepEqual(h.range, { start: { line, character: start }, end: { line, character: end } });
    }
  });
}
