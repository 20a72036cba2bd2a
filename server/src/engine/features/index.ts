// Pure feature providers: the engine's Project/FileAnalysis in, LSP types out. No connection, no fs.
export { complete, keySnippet, yamlScalar, type CompletionOptions } from './completion';
export { hover } from './hover';
export { codeActions } from './codeActions';
export { documentSymbols } from './symbols';
export { definition, references } from './navigation';
export { codeLenses } from './codeLens';
export { toDiagnostic, DIAGNOSTIC_SOURCE } from './diagnostics';
