// Pure feature providers: a FileAnalysis and what they read of the project (AnalysedProject) in, LSP types out.
export { complete, keySnippet, yamlScalar, type CompletionOptions } from './completion';
export { hover } from './hover';
export { codeActions } from './codeActions';
export { documentSymbols, outlineSteps } from './symbols';
export { definition, references } from './navigation';
export { codeLenses } from './codeLens';
export { toDiagnostic, DIAGNOSTIC_SOURCE } from './diagnostics';
