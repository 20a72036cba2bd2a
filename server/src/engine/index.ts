// The engine facade: the only way into the engine from the language server's handlers, the Node glue
// and CLI, the client and its webview, and the benchmark, types included (a test checks the imports).
// The engine is pure analysis of TSB YAML: it imports no `vscode`, no LSP connection and no `fs`.
//
// Shaped like vscode-json-languageservice: a `Project` holds the analysed files (its owner feeds it
// text); language features are plain functions over what they read of it (`AnalysedProject`) that
// return LSP types. Scheduling (time slices, the worker pool) belongs to the language server, which
// drives the project through the narrow `AnalysisScheduling` interface below.
//
// The folder's package.json declares the engine free of side effects: a bundle keeps only the parts it
// uses (the webview, which runs the what-if in the browser, leaves the schemas and rules out).
import type { Project } from './project';

// ---------- the project: created, fed text, read ----------
export { createProject, createRegistry, catalog } from './createProject';
export { Project } from './project';
export type { ProjectOptions, UpdateOptions, DiagnosticsOptions } from './projectTypes';
export type { AnalysedProject } from './analysedProject';
export type { FileAnalysis } from './fileAnalysis';
export { DEFAULT_MAX_FILE_SIZE, NOT_TEXT, NOT_UTF8 } from './fileAnalysis';
export { SchemaRegistry } from './schema/registry';
export type { PrecompiledValidators } from './schema/registry';
export { CONFIG_FILE } from './workspace/config';
export { MAX_SOURCE_BYTES } from './units/sources';
export { holdsText } from './sameText';

/**
 * What the language server's scheduler uses, and nothing else should: analysis of a file in steps
 * (`prepare`, then `commit`), documents analysed in worker threads turned into seeds (`documentsToAnalyse`,
 * `adopt`), cross-file results computed in steps (`deriveSteps`, `checked`), answers from the last
 * complete results while that runs (`setStaleReads`), and the one document under the cursor of a huge
 * file still being analysed (`documentAt`). The CLI uses `Project.update`, which runs them in one go.
 */
export type AnalysisScheduling = Pick<
  Project,
  'prepare' | 'commit' | 'adopt' | 'documentsToAnalyse' | 'documentAt' | 'deriveSteps' | 'checked' | 'setStaleReads'
>;
export type { Prepared } from './projectTypes';
export type { ChunkData, ChunkResult, DocumentText } from './chunkResult';
export { analyseToData } from './chunkData';

// ---------- language features: plain functions, LSP types out ----------
export { toDiagnostic, DIAGNOSTIC_SOURCE } from './features/diagnostics';
export { complete, type CompletionOptions } from './features/completion';
export { hover } from './features/hover';
export { codeActions } from './features/codeActions';
export { codeLenses } from './features/codeLens';
export { Commands } from './commandIds';
export { definition, references } from './features/navigation';
export { documentSymbols, outlineSteps } from './features/symbols';
export { projectValues } from './features/summary';
export type { ProjectValues, WorkspaceSummary, GatewayInstallSummary } from './features/summary';

// ---------- failover model, what-if and deployment units ----------
export type * from './model/failoverTypes';
export { simulateDown, parseDownTarget, formatDownTarget } from './model/whatIf';
export { formatLabels } from './workspace/selectors';
export type { Deployment, Unit, Evidence, InferenceNote, Relation } from './deployment';
export { inferredConfig } from './units/writeConfig';

// ---------- problems and rules ----------
export type { Problem, FixData, RelatedInfo } from './types';
export { RULES, RULE_IDS } from './problems';
export type { Severity, SeveritySetting, RuleInfo } from './problems';
export { sarifRule } from './rules/registry/index';

// ---------- messages in the user's language ----------
export { msg, msgN, commas, pipes } from './l10n/message';
export type { Arg, Message } from './l10n/message';
export { render, toLocale } from './l10n/translate';
export type { Locale } from './l10n/translate';
export { localizeModel, localizeNote, localizeProblem, localizeUnit, localizeWhatIf } from './localize';
