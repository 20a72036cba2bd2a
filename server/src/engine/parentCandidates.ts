import type { ResolvedProject } from './workspace/resolved';
import type { FileFacts, TsbObjectFact } from './workspace/facts';
import type { FileAnalysis } from './fileAnalysis';
import type { RawProblem } from './types';

// Values for a missing tctl parent (`metadata.tenant` left out): the names this project already uses for
// that parent under the same ancestors, so the quick fix writes a real name instead of an empty value.

export type ParentField = 'organization' | 'tenant' | 'workspace' | 'group';

const PARENT_KIND: Record<ParentField, string> = {
  organization: 'Organization',
  tenant: 'Tenant',
  workspace: 'Workspace',
  group: 'Group',
};
const CHAIN: ParentField[] = ['organization', 'tenant', 'workspace', 'group'];
/** Offered at most: more would be a list to choose from, which completion already is. */
const MAX_CANDIDATES = 3;

export function isParentField(field: string): field is ParentField {
  return field in PARENT_KIND;
}

/**
 * Names for `field` of `self`, most used first: objects of that kind, and what other resources name
 * there, under the same ancestors (the parents `self` does write) and possibly applied with its file.
 */
export function parentCandidates(r: ResolvedProject, self: TsbObjectFact, field: ParentField): string[] {
  const above = CHAIN.slice(0, CHAIN.indexOf(field)).filter((k) => self[k] !== undefined);
  const sameAncestors = (o: TsbObjectFact) => above.every((k) => o[k] === self[k]);
  const count = new Map<string, number>();
  const add = (name: string | undefined) => {
    if (name && !name.includes('${') && !name.includes('{{')) count.set(name, (count.get(name) ?? 0) + 1);
  };
  for (const o of r.tsb) {
    if (o === self || r.relation(o.source.uri, self.source.uri) === 'never') continue;
    if (o.kind === PARENT_KIND[field] && sameAncestors(o)) add(o.name);
    else if (o[field] !== undefined && sameAncestors(o)) add(o[field]);
  }
  return [...count]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_CANDIDATES)
    .map(([name]) => name);
}

/**
 * `p` with the values the project uses for the parent it reports missing (an add-field fix of a tctl
 * parent), when there are any; else `p` as it is.
 */
export function withParentValues(
  p: RawProblem,
  file: { analysis: FileAnalysis; facts: FileFacts; starts: readonly number[] },
  resolved: () => ResolvedProject,
): RawProblem {
  if (p.data?.fix !== 'add-field' || !isParentField(p.data.field) || p.data.values) return p;
  // The TSB object written in the same YAML document as the problem.
  const { analysis, facts, starts } = file;
  const docOf = (offset: number) => {
    let k = -1;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return k;
  };
  const at = docOf(p.start);
  const self = facts.tsb.find(
    (o) => docOf(analysis.doc.offsetAt({ line: o.source.line, character: o.source.character })) === at,
  );
  if (!self) return p;
  const values = parentCandidates(resolved(), self, p.data.field);
  return values.length ? { ...p, data: { ...p.data, values } } : p;
}
