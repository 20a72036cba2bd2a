// What the field walk reports besides problems (renamed keys, mis-indented blocks and where they belong)
// and the paths it speaks in: JSON pointers, and written paths read where a relocation puts them.
import type { RawProblem } from '../types';

export interface Rename {
  path: (string | number)[];
  from: string;
  to: string;
}

/**
 * A mis-indented block and where it belongs: validation (and the cross-file facts) read it at `to`, so its
 * own mistakes are reported in the same pass as its place.
 */
export interface Relocation {
  /** Path of the key as written. */
  from: (string | number)[];
  /** Path where the schema has it. */
  to: (string | number)[];
}

/** Where a written path lies once mis-indented blocks are read where they belong. */
export function intendedPath(
  path: readonly (string | number)[],
  relocations: readonly Relocation[] | undefined,
): (string | number)[] {
  let out = [...path];
  for (const r of relocations ?? []) {
    if (r.from.length <= out.length && r.from.every((seg, i) => String(seg) === String(out[i])))
      out = [...r.to, ...out.slice(r.from.length)];
  }
  return out;
}

export interface WalkResult {
  problems: RawProblem[];
  /** Keys written in the wrong case, to normalise before schema validation. */
  renames: Rename[];
  /** Mis-indented blocks, to move before schema validation. */
  relocations: Relocation[];
  /** Paths (JSON pointers) whose type/required errors are explained by a mis-indentation already. */
  explained: Set<string>;
  /** pointer of an object -> property names that an unknown key there probably meant. */
  meant: Map<string, Set<string>>;
}

export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
