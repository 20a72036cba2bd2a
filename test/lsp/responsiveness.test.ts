// A huge file is analysed in time slices: while the analysis is paused between two slices (held here
// by the test, so nothing depends on timing), hover and completion in that file and requests about
// other files are still answered; once released, the analysis completes and its diagnostics arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { BOOKINFO } from '../helpers/bookinfo';
import { LspHarness } from '../helpers/lspHarness';
import { makeWorkspace, removeWorkspace } from '../helpers/workspace';

const DOCS = 3000;

function hugeFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    docs.push(
      [
        'apiVersion: tsb.tetrate.io/v2',
        'kind: Workspace',
        'metadata:',
        `  name: ws-${i}`,
        '  annotations:',
        '    tsb.tetrate.io/organization: tetrate',
        '    tsb.tetrate.io/tenant: tetrate',
        'spec:',
        // The last document has a misspelt field: its diagnostic proves the whole file was analysed.
        i === DOCS - 1 ? '  displayNam: last' : `  displayName: workspace ${i}`,
        '  namespaceSelector:',
        '    names:',
        `      - "*/ns-${i}"`,
      ].join('\n'),
    );
  }
  return docs.join('\n---\n') + '\n';
}

test('requests are answered while a huge file is half analysed', async () => {
  const root = makeWorkspace(BOOKINFO);
  let armed = false;
  let paused!: () => void;
  const pausedNow = new Promise<void>((r) => {
    paused = r;
  });
  let release!: () => void;
  const h = await LspHarness.start({
    root,
    mode: 'push',
    runtime: (node) => ({
      ...node,
      timer: {
        ...node.timer,
        // The first yield after the huge file is opened: the analysis stops here until released.
        yield: () => {
          if (!armed) return node.timer.yield();
          armed = false;
          paused();
          return new Promise<void>((r) => {
            release = r;
          });
        },
      },
    }),
  });
  try {
    await h.open('tsb/workspace.yaml');
    await h.waitForPublish('tsb/workspace.yaml');
    armed = true;
    const big = hugeFile();
    await h.open('huge.yaml', big);
    await pausedNow;

    // Hover and completion in the half-analysed file: answered from the document under the cursor.
    const middle = Math.floor(DOCS / 2);
    const line = middle * 13 + 9; // `  namespaceSelector:` of the middle document
    const hover = await h.request<Hover>('textDocument/hover', {
      textDocument: { uri: h.uri('huge.yaml') },
      position: { line, character: 4 },
    });
    assert.match((hover.contents as MarkupContent).value, /namespaceSelector/);
    const list = await h.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: h.uri('huge.yaml') },
      position: { line: middle * 13 + 7, character: 0 },
    });
    assert.ok(list && list.items.length > 0, 'completion answered');
    // Another file's symbols: answered from its own (current) analysis.
    const symbols = await h.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: h.uri('tsb/workspace.yaml') },
    });
    assert.ok(symbols.length > 0);
    // Still paused: no diagnostics for the huge file have been published yet.
    assert.equal(h.published.get(h.uri('huge.yaml')), undefined);

    const done = h.waitForPublish('huge.yaml', (d) => d.some((x) => x.code === 'unknown-field'));
    release();
    const diags = await done;
    const unknown = diags.filter((d) => d.code === 'unknown-field');
    assert.deepEqual(
      unknown.map((d) => d.range.start.line),
      [(DOCS - 1) * 13 + 8],
    );
  } finally {
    release?.();
    await h.dispose();
    removeWorkspace(root);
  }
});
