// The one place the engine meets the bundled schema catalog: a bundle that never creates a project
// or a registry (the webview, which only runs the what-if) leaves the catalog out.
import { catalog } from '../../../schemas/src/index';
import { Project } from './project';
import type { ProjectOptions } from './projectTypes';
import { SchemaRegistry, type PrecompiledValidators } from './schema/registry';

export { catalog };

/** `validators`: validators compiled ahead of time (the Node entry points load them from disk). */
export function createProject(options?: ProjectOptions, validators?: PrecompiledValidators): Project {
  return new Project(createRegistry(validators), options);
}

/** The bundled schemas, for analysis outside a project (the analysis pool's workers). */
export function createRegistry(validators?: PrecompiledValidators): SchemaRegistry {
  return new SchemaRegistry(catalog, validators);
}
