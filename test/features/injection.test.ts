// Workspace text in markdown: names and labels are data, never links, images or HTML in
// a hover or in completion documentation; hover lists are bounded (top N, then "and M more") and
// references stay linear on thousands of settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { complete, hover, references } from '../../server/src/engine/features/index';
import { mdCode } from '../../server/src/engine/features/markdown';
import { bounded, serveScenarios } from '../robustness/support';
import { project } from '../helpers/engine';

/** What a markdown renderer would see outside code spans and backslash escapes (both render literally). */
function outsideCode(md: string): string {
  return md.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, '').replace(/\\[!-/:-@[-`{-~]/g, '');
}

/** No link, image, autolink or HTML can come out of this markdown. */
function inert(md: string): void {
  const rest = outsideCode(md);
  assert.doesNotMatch(rest, /\]\(|<[a-z!/]|https?:|www\./i, `markdown outside code spans: ${rest.slice(0, 400)}`);
}

const EVIL = '![x](https://evil.example/t.png)';
const LINK = '[click](https://evil.example/)';
const HTML = '<img src=x onerror=alert(1)>';

const text = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

function gateway(name: string, labels: Record<string, string>): string {
  return `apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: eastwest\nspec:\n  eastWestOnly: true\n  kubeSpec:\n    deployment:\n      labels:\n${Object.entries(
    labels,
  )
    .map(([k, v]) => `        ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join('\n')}\n`;
}

const SETTING = (labels: string) =>
  `apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: ws\n  name: s\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        labels:\n${labels}`;

test('hover: gateway names and label keys from the workspace are code, not links, images or HTML', () => {
  const t = project({
    'gw.yaml': gateway(`${LINK}${HTML}`, { [EVIL]: `${HTML}` }),
    'setting.yaml': SETTING(`          ${JSON.stringify(EVIL)}: ${JSON.stringify(HTML)}\n`),
  });
  const file = t.p.analysis(t.uri('setting.yaml'))!;
  const onKey = hover(file, { line: 12, character: 12 }, t.p);
  const md = text(onKey);
  assert.match(md, /Selects 1 gateway/);
  assert.ok(md.includes(mdCode(`${LINK}${HTML}`)), md);
  inert(md);
});

test('hover: a reported problem quoted in the hover keeps its names inert', () => {
  const t = project({
    'gw.yaml': gateway('eastwest-gateway', { tier: 'edge' }),
    'setting.yaml': SETTING(`          ${JSON.stringify(LINK)}: ${JSON.stringify(`${HTML} www.evil.example`)}\n`),
  });
  assert.deepEqual(
    t.diags('setting.yaml').map((d) => d.rule),
    ['gateway-selector-no-match'],
  );
  const md = text(hover(t.p.analysis(t.uri('setting.yaml'))!, { line: 12, character: 12 }, t.p));
  assert.match(md, /\*\*Selects no gateway\*\* \(gateway-selector-no-match\)/);
  inert(md);
});

test('hover: a namespace selector matching thousands of namespaces lists 50 and counts the rest', () => {
  const n = 3000;
  const namespaces = Array.from(
    { length: n },
    (_, i) =>
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${JSON.stringify(i % 2 ? `ns-${i}` : `${EVIL}-${i}`)}\n`,
  ).join('---\n');
  const ws =
    'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names:\n      - "*/*"\n';
  const t = project({ 'ns.yaml': namespaces, 'ws.yaml': ws });
  const md = text(hover(t.p.analysis(t.uri('ws.yaml'))!, { line: 9, character: 10 }, t.p));
  const items = md.split('\n').filter((l) => l.startsWith('- '));
  assert.equal(items.length, 51, md.slice(0, 300));
  assert.equal(items[50], `- … and ${n - 50} more`);
  assert.match(md, /matches 3000 namespaces/);
  inert(md);
});

test('completion documentation stays inert with hostile names in the project', () => {
  const t = project({
    'gw.yaml': gateway(`${LINK}`, { [EVIL]: HTML }),
    'ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${JSON.stringify(EVIL)}\n`,
    'setting.yaml': SETTING('          '),
  });
  const file = t.p.analysis(t.uri('setting.yaml'))!;
  const items: CompletionItem[] = [
    ...complete(file, { line: 12, character: 10 }, t.p).items,
    ...complete(file, { line: 10, character: 19 }, t.p).items,
  ];
  assert.ok(items.length > 0);
  for (const i of items) {
    const doc = i.documentation;
    if (doc && typeof doc !== 'string') inert(doc.value);
  }
});

// Thousands of WorkspaceSettings of one workspace exposing the same Services: find-references on a
// serviceLabels selector took over five minutes (cubic). Run in a worker so that a hang fails the test.
const SCENARIOS: Record<string, () => unknown> = {
  references: () => {
    const n = 3000;
    const ws =
      'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  name: ws\nspec:\n  namespaceSelector:\n    names:\n      - "*/ns"\n';
    const svc = (i: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns\n  labels:\n    app: shared\n`;
    const setting = (i: number) =>
      `apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: tetrate\n  tenant: tetrate\n  workspace: ws\n  name: s-${i}\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: eastwest\n        labels:\n          app: gw\n      exposedServices:\n        - serviceLabels:\n            app: shared\n`;
    const t = project({
      'ws.yaml': ws,
      'svc.yaml': Array.from({ length: n }, (_, i) => svc(i)).join('---\n'),
      'settings.yaml': Array.from({ length: n }, (_, i) => setting(i)).join('---\n'),
    });
    const file = t.p.analysis(t.uri('settings.yaml'))!;
    const refs = references(file, { line: 15, character: 14 }, t.p, true);
    return {
      services: refs.filter((r) => r.uri.endsWith('svc.yaml')).length,
      selectors: refs.filter((r) => r.uri.endsWith('settings.yaml')).length,
    };
  },
};

if (!serveScenarios(SCENARIOS)) {
  test('find-references on serviceLabels with 3,000 settings of one workspace answers (bounded list)', async () => {
    // 3,000 declarations and 3,000 selectors: the list stops at 5,000 locations.
    assert.deepEqual(await bounded(__filename, 'references'), { services: 3000, selectors: 2000 });
  });
}
