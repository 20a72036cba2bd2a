// Thin handlers: find the file, make sure the project has the latest text, call the pure provider.
import type { CodeAction, Command, Connection, Position } from 'vscode-languageserver';
import { Commands } from '../protocol';
import {
  codeActions,
  codeLenses,
  complete,
  definition,
  documentSymbols,
  hover,
  outlineSteps,
  msg,
  references,
  render,
  type AnalysedProject,
  type AnalysisScheduling,
  type FileAnalysis,
  type Locale,
} from '../engine/index';
import type { RuntimeEnvironment } from '../runtime';
import { guard as guardWith, type Handler, type Logger } from './guard';
import { runInSlices } from './slices';
import type { WorkspaceSync } from './workspaceSync';

/** Characters above which an out-of-date document is not analysed whole before a hover or completion. */
const LARGE = 256 * 1024;

export interface FeatureDeps {
  connection: Connection;
  /** Read by the features; `documentAt` answers from one document of a huge file still being analysed. */
  project: AnalysedProject & Pick<AnalysisScheduling, 'documentAt'>;
  sync: WorkspaceSync;
  runtime: RuntimeEnvironment;
  logger: Logger;
  enabled: () => boolean;
  /** The client accepts snippet completions. */
  snippets: () => boolean;
  /** `initialize` has arrived (requests before it are answered with an error). */
  initialized: () => boolean;
  /** The language of what the features say (the client's display language). */
  locale: () => Locale;
}

export function registerFeatures(d: FeatureDeps): void {
  const { connection } = d;
  const guard = <P, R>(name: string, fallback: R, handler: Handler<P, R>) =>
    guardWith(d.logger, name, fallback, handler, d.initialized);
  // A document whose analysis is current is answered at once (cross-file parts from the project as it
  // is); one that was edited waits until its text is analysed.
  const fileOf = async (uri: string): Promise<FileAnalysis | undefined> => {
    if (!d.enabled()) return undefined;
    await d.sync.initialized;
    const key = d.runtime.normaliseUri(uri);
    if (!d.sync.isOpen(key) || d.sync.isStale(key)) await d.sync.settled();
    return d.project.analysis(key);
  };
  // The outline and quick fixes need only the document itself: an open document waits until its own
  // text is analysed, never for the workspace scan (a file opened during a long scan had no outline
  // until the scan ended). Cross-file parts answer from the project as it is, as hover does.
  const ownFileOf = async (uri: string): Promise<FileAnalysis | undefined> => {
    if (!d.enabled()) return undefined;
    await d.sync.initialized;
    const key = d.runtime.normaliseUri(uri);
    if (!d.sync.isOpen(key)) return fileOf(uri);
    if (d.sync.isStale(key)) await d.sync.flush();
    return d.project.analysis(key);
  };
  // Hover and completion need only the document under the cursor. While a large file is still being
  // analysed (or the workspace scanned) they answer from that one document, never waiting for the rest;
  // project-wide parts of the answer use the project as it is.
  const fileAt = async (uri: string, position: Position): Promise<FileAnalysis | undefined> => {
    if (!d.enabled()) return undefined;
    await d.sync.initialized;
    const key = d.runtime.normaliseUri(uri);
    const doc = d.sync.openDocument(key);
    if (doc && d.sync.isStale(key) && (doc.getText().length > LARGE || d.sync.busy)) {
      return d.project.documentAt(key, doc, doc.offsetAt(position), d.sync.updateOptions(key));
    }
    if (!doc || d.sync.isStale(key)) await d.sync.settled();
    return d.project.analysis(key);
  };

  connection.onCompletion(
    guard('completion', null, async (p) => {
      const file = await fileAt(p.textDocument.uri, p.position);
      return file ? complete(file, p.position, d.project, { snippets: d.snippets(), locale: d.locale() }) : null;
    }),
  );
  connection.onHover(
    guard('hover', null, async (p) => {
      const file = await fileAt(p.textDocument.uri, p.position);
      return file ? hover(file, p.position, d.project, d.locale()) : null;
    }),
  );
  connection.onCodeAction(
    guard('codeAction', null, async (p) => {
      const file = await ownFileOf(p.textDocument.uri);
      // Fixes are built from the diagnostics' data alone; the text is needed to shape the edits.
      const doc = d.sync.openDocument(d.runtime.normaliseUri(p.textDocument.uri)) ?? file?.doc;
      if (!doc || !d.enabled()) return null;
      const actions = codeActions(doc, p.context.diagnostics, d.locale());
      // The edits must name the URI the client gave us.
      const fixes: (CodeAction | Command)[] = actions.map((a) =>
        a.edit?.changes ? { ...a, edit: { changes: { [p.textDocument.uri]: Object.values(a.edit.changes)[0]! } } } : a,
      );
      // A repository without tsb.config.yaml whose deployment was inferred: offer to write it down.
      const only = p.context.only;
      const uri = d.runtime.normaliseUri(p.textDocument.uri);
      if (
        (!only || only.some((k) => k === 'source' || k.startsWith('source.'))) &&
        !d.project.configFor(uri) &&
        d.project.deployment(uri).units.length
      ) {
        const title = render(
          msg('Write tsb.config.yaml from what the repository says (deploy scripts, READMEs, Argo CD...)'),
          d.locale(),
        );
        fixes.push({
          title,
          kind: 'source.writeConfig',
          command: { title, command: Commands.writeConfig, arguments: [p.textDocument.uri] },
        });
      }
      return fixes;
    }),
  );
  connection.onDocumentSymbol(
    guard('documentSymbol', null, async (p) => {
      const file = await ownFileOf(p.textDocument.uri);
      if (!file) return null;
      // A file read by the scan takes its documents' outlines now, in slices (requests go on meanwhile).
      await runInSlices(d.runtime, outlineSteps(file));
      return documentSymbols(file);
    }),
  );
  connection.onDefinition(
    guard('definition', null, async (p) => {
      const file = await fileOf(p.textDocument.uri);
      return file ? definition(file, p.position, d.project) : null;
    }),
  );
  connection.onReferences(
    guard('references', null, async (p) => {
      const file = await fileOf(p.textDocument.uri);
      return file ? references(file, p.position, d.project, p.context.includeDeclaration) : null;
    }),
  );
  connection.onCodeLens(
    guard('codeLens', null, async (p) => {
      const file = await fileOf(p.textDocument.uri);
      // Lenses read the failover model of the whole workspace: once it is read, computed in slices.
      if (file) {
        await d.sync.settled();
        await d.sync.derive();
      }
      return file ? codeLenses(file.uri, d.project, d.locale()) : null;
    }),
  );
}
