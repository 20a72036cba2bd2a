// The engine facade: pure analysis of TSB YAML, used by the language server and the CLI alike.
// It imports no `vscode`, no LSP connection and no `fs` (a test checks the imports).
import { catalog } from '../../../schemas/src/index';
import { Project, type ProjectOptions } from './project';
import { SchemaRegistry, type PrecompiledValidators } from './schema/registry';

export { Project } from './project';
export type { ProjectOptions } from './project';
export { RULES, RULE_IDS } from './problems';
export type { Severity, SeveritySetting, RuleInfo } from './problems';
export type { Problem, FixData, RelatedInfo } from './types';
export { CONFIG_FILE } from './workspace/config';
export { MAX_SOURCE_BYTES } from './units/sources';
export { inferredConfig } from './units/writeConfig';
export type { Deployment, Unit, Evidence, InferenceNote, Relation } from './deployment';
export { simulateDown, parseDownTarget, formatDownTarget } from './model/whatIf';
export type * from './model/failoverTypes';
export { catalog };
export { analyseToData } from './chunkData';
export type { ChunkData } from './chunkResult';
export { SchemaRegistry };
export type { PrecompiledValidators };

/** `validators`: validators compiled ahead of time (the Node entry points load them from disk). */
export function createProject(options?: ProjectOptions, validators?: PrecompiledValidators): Project {
  return new Project(new SchemaRegistry(catalog, validators), options);
}
