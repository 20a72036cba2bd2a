// What an editor does with open documents: open, one-character edits, and waiting for their diagnostics
// (pushed, or pulled with textDocument/diagnostic).
import { readFileSync } from 'node:fs';
import { fileUri, now } from './lsp.mjs';
import { sleep } from './stats.mjs';

/** Open documents the harness edits: text, version, and the latest diagnostics per uri. */
export class Docs {
  constructor(client, syncKind) {
    this.client = client;
    this.syncKind = syncKind;
    this.text = new Map();
    this.version = new Map();
  }

  open(path) {
    const uri = fileUri(path);
    const text = readFileSync(path, 'utf8');
    this.text.set(uri, text);
    this.version.set(uri, 1);
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** One-character edit: insert `insert` at (line, character), or delete the character there. */
  edit(uri, line, character, insert) {
    const text = this.text.get(uri);
    let offset = 0;
    for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
    offset += character;
    const next = insert
      ? text.slice(0, offset) + insert + text.slice(offset)
      : text.slice(0, offset) + text.slice(offset + 1);
    const version = this.version.get(uri) + 1;
    this.text.set(uri, next);
    this.version.set(uri, version);
    const change =
      this.syncKind === 2
        ? {
            range: { start: { line, character }, end: { line, character: insert ? character : character + 1 } },
            text: insert,
          }
        : { text: next };
    const t = this.client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    return { t, version };
  }
}

export const codeOf = (d) =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
export const countRule = (diags, rule) =>
  diags.filter((d) => codeOf(d) === rule || (d.message ?? '').includes(rule)).length;
export const atLine = (diags, line) => diags.some((d) => d.range.start.line === line);

/** Latest pushed diagnostics per uri (push mode), kept up to date from the client's notifications. */
export function trackPushes(client) {
  const latest = new Map();
  client.listeners.add((n) => {
    if (n.method === 'textDocument/publishDiagnostics') latest.set(n.params.uri, n.params.diagnostics);
  });
  return latest;
}

/** Waits for a publish on `uri` whose diagnostics satisfy pred (and whose version, if given, is >= minVersion). */
export function waitPush(client, uri, pred, timeoutMs, minVersion) {
  return client.waitFor(
    (n) =>
      n.method === 'textDocument/publishDiagnostics' &&
      n.params.uri === uri &&
      (minVersion === undefined ||
        n.params.version === undefined ||
        n.params.version === null ||
        n.params.version >= minVersion) &&
      pred(n.params.diagnostics),
    timeoutMs,
    `diagnostics of ${uri.split('/').slice(-2).join('/')}`,
  );
}

/** Waits until no publishDiagnostics arrived for `quietMs` (bounded by maxMs). */
export async function settle(client, quietMs = 300, maxMs = 15000) {
  const t0 = now();
  let last = now();
  const l = (n) => {
    if (n.method === 'textDocument/publishDiagnostics') last = now();
  };
  client.listeners.add(l);
  while (now() - last < quietMs && now() - t0 < maxMs) await sleep(25);
  client.listeners.delete(l);
}

export async function pullDiagnostics(client, uri) {
  for (;;) {
    const r = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    if (r.error?.code === -32802) continue; // ServerCancelled, retriggerRequest: pull again
    if (r.error) throw new Error(`textDocument/diagnostic failed: ${JSON.stringify(r.error)}`);
    return { items: r.result.items ?? [], t: r.t, kind: r.result.kind };
  }
}

/** Pull mode: pulls until the diagnostics satisfy pred (a server may answer before it saw the edit). */
export async function pullUntil(client, uri, pred, timeoutMs = 60000) {
  const t0 = now();
  for (;;) {
    const r = await pullDiagnostics(client, uri);
    if (pred(r.items)) return r;
    if (now() - t0 > timeoutMs) throw new Error(`pull: diagnostics of ${uri} never satisfied the expectation`);
    await sleep(5);
  }
}
