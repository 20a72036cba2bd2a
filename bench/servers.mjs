// The language servers under test: how each is started and configured (yaml-language-server with our
// schemas through a dispatcher schema, or with a minimal strict schema), and the LSP start-up handshake.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientCapabilities, fileUri, LspClient } from './lsp.mjs';
import { OURS, ROOT, YLS } from './paths.mjs';
import { sleep } from './stats.mjs';

/**
 * yaml-language-server associates schemas with files by glob, but TSB files mix kinds in one file; so
 * one dispatcher schema selects our per-kind schema by apiVersion + kind (if/then), as a user would set up.
 */
function writeDispatcherSchema(dir) {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas/catalog.json'), 'utf8')).schemas;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'TSB (any kind): dispatches on apiVersion and kind',
    allOf: catalog.map((e) => ({
      if: {
        properties: { apiVersion: { enum: e.apiVersions }, kind: { const: e.kind } },
        required: ['apiVersion', 'kind'],
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
      then: { $ref: fileUri(join(ROOT, 'schemas', e.file)) },
    })),
  };
  const p = join(dir, 'tsb-all.schema.json');
  writeFileSync(p, JSON.stringify(schema, null, 2));
  return fileUri(p);
}

/**
 * The cheapest schema that still checks every document strictly (yaml-language-server at its
 * fastest): apiVersion and kind required strings, metadata and spec objects, nothing else at the top.
 */
function writeMinimalSchema(dir) {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Minimal strict schema (benchmark baseline)',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: { type: 'object' },
    },
    additionalProperties: false,
  };
  const p = join(dir, 'minimal.schema.json');
  writeFileSync(p, JSON.stringify(schema, null, 2));
  return fileUri(p);
}

/** Writes both schemas yaml-language-server is measured with; returns their URIs. */
export function writeSchemas(dir) {
  const dispatcher = writeDispatcherSchema(dir);
  return { dispatcher, minimal: writeMinimalSchema(dir) };
}

export const YLS_MIN = 'yaml-language-server (minimal schema)';

/** How to start one server (ours in push or pull mode, or yaml-language-server) and answer its configuration requests. */
export function serverSpec(kind, mode, schemaUris) {
  if (kind === 'ours') {
    return {
      name: mode === 'pull' ? 'ours (pull)' : 'ours',
      kind,
      mode,
      command: [process.execPath, OURS, '--stdio'],
      settings: (section) => (section === 'tsb' ? {} : null),
      initializationOptions: {},
    };
  }
  return {
    name: kind === 'yls-min' ? YLS_MIN : 'yaml-language-server',
    kind,
    mode: 'push',
    command: [process.execPath, YLS, '--stdio'],
    settings: (section) => {
      if (section === 'yaml') {
        return {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemas: { [kind === 'yls-min' ? schemaUris.minimal : schemaUris.dispatcher]: ['*.yaml', '**/*.yaml'] },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
        };
      }
      if (section === '[yaml]') return {};
      if (section === 'editor') return { tabSize: 2 };
      if (section === 'http') return {};
      return null;
    },
    initializationOptions: {},
  };
}

/** Starts a server for a project folder; resolves once initialize/initialized/configuration are done. */
export async function start(spec, dir) {
  const client = new LspClient(spec.command, {
    settings: spec.settings,
    cwd: ROOT,
    ...(spec.env ? { env: spec.env } : {}),
    workspaceFolders: [{ uri: fileUri(dir), name: 'project' }],
  });
  const configAsked = client
    .waitFor((n) => n.request && n.method === 'workspace/configuration', 5000, 'workspace/configuration')
    .catch(() => undefined);
  const init = await client.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'tsb-bench', version: '1' },
    rootUri: fileUri(dir),
    workspaceFolders: [{ uri: fileUri(dir), name: 'project' }],
    capabilities: clientCapabilities(spec.mode === 'pull'),
    initializationOptions: spec.initializationOptions,
  });
  if (init.error) throw new Error(`initialize failed: ${JSON.stringify(init.error)}`);
  const initializedAt = client.notify('initialized', {});
  await configAsked;
  const caps = init.result.capabilities ?? {};
  const syncKind =
    typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : (caps.textDocumentSync?.change ?? 1);
  return { client, caps, syncKind, initializedAt, pull: spec.mode === 'pull' && !!caps.diagnosticProvider };
}

/** Why our server cannot be measured (not built, or does not answer initialize), or undefined. */
export async function ourServerReady() {
  if (!existsSync(OURS)) return `server/out/serverMain.js does not exist (npm run build)`;
  try {
    const c = new LspClient([process.execPath, OURS, '--stdio'], { settings: () => null });
    const r = await Promise.race([
      c.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
      sleep(10000).then(() => ({ error: 'no answer in 10 s' })),
    ]);
    await c.shutdown();
    return r.error ? `initialize failed: ${JSON.stringify(r.error)}` : undefined;
  } catch (e) {
    return String(e.message ?? e);
  }
}
