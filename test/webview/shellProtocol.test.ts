import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { labelsText } from '../../client/src/webview/app/viewModel';
import { buildShellHtml, contentSecurityPolicy } from '../../client/src/webview/html';
import { isAppToHostMessage, isHostToAppMessage } from '../../client/src/webview/protocol';
import { seed } from './modelFixtures';

describe('webview shell and protocol', () => {
  const opts = {
    cspSource: 'https://x.vscode-cdn.net',
    nonce: 'abcdefghijklmnop0123',
    scriptUri: 'https://x.vscode-cdn.net/main.js',
    styleUri: 'https://x.vscode-cdn.net/main.css',
  };

  it('uses the strict CSP with the nonce and nothing else dynamic', () => {
    const html = buildShellHtml(opts);
    assert.ok(
      html.includes(
        `content="default-src 'none'; style-src https://x.vscode-cdn.net; script-src 'nonce-abcdefghijklmnop0123'; img-src https://x.vscode-cdn.net data:"`,
      ),
    );
    assert.ok(html.includes('<script nonce="abcdefghijklmnop0123" src="https://x.vscode-cdn.net/main.js"></script>'));
    assert.ok(html.includes('<link rel="stylesheet" href="https://x.vscode-cdn.net/main.css">'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, the bundle');
    assert.equal(
      contentSecurityPolicy('a', 'b'),
      "default-src 'none'; style-src a; script-src 'nonce-b'; img-src a data:",
    );
  });

  it('refuses values that could break out of an attribute', () => {
    assert.throws(() => buildShellHtml({ ...opts, scriptUri: 'x" onload="alert(1)' }));
    assert.throws(() => buildShellHtml({ ...opts, nonce: 'short' }));
    assert.throws(() => buildShellHtml({ ...opts, cspSource: "'unsafe-inline'>" }));
  });

  it('validates messages on both sides', () => {
    const source = { uri: 'file:///a.yaml', line: 1, character: 0, endLine: 1, endCharacter: 4 };
    assert.ok(isAppToHostMessage({ type: 'ready' }));
    assert.ok(isAppToHostMessage({ type: 'requestModel' }));
    assert.ok(isAppToHostMessage({ type: 'reveal', source }));
    assert.ok(!isAppToHostMessage({ type: 'reveal', source: { ...source, line: -1 } }));
    assert.ok(!isAppToHostMessage({ type: 'reveal' }));
    assert.ok(!isAppToHostMessage({ type: 'exec', command: 'x' }));
    assert.ok(!isAppToHostMessage('ready'));
    assert.ok(isHostToAppMessage({ type: 'model', model: seed(), version: 1 }));
    assert.ok(!isHostToAppMessage({ type: 'model', model: {}, version: 1 }));
    assert.ok(isHostToAppMessage({ type: 'error', message: 'x' }));
    assert.ok(!isHostToAppMessage({ type: 'model', model: seed(), version: -1 }));
  });

  it('formats labels', () => {
    assert.equal(labelsText({ app: 'a', version: 'v1' }), 'app=a, version=v1');
    assert.equal(labelsText({}), '(no labels)');
  });
});
