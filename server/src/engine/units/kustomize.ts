import type { FileFacts } from '../workspace/facts';
import { type FileIndex, joinPath } from './fileIndex';

// A kustomize folder as one unit: the kustomization file, the files its `resources` (and legacy `bases`,
// `components`) list, folders listed there expanded through their own kustomizations, and the
// namespace kustomize sets (the outermost `namespace:` wins, as `kustomize build` does).

const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const MAX_DEPTH = 20;

export function kustomizationIn(dir: string, files: FileIndex): string | undefined {
  return NAMES.map((n) => `${dir}/${n}`).find((u) => files.isFile(u));
}

export function kustomizeUnit(
  dir: string,
  files: FileIndex,
  facts: ReadonlyMap<string, FileFacts>,
  seen = new Set<string>(),
  depth = 0,
): { files: string[]; namespace?: string } | undefined {
  const k = kustomizationIn(dir, files);
  if (!k || seen.has(k) || depth > MAX_DEPTH) return undefined;
  seen.add(k);
  const fact = facts.get(k)?.deploy.find((d) => d.kind === 'kustomization');
  const out = new Set<string>([k]);
  let inner: string | undefined;
  for (const r of fact && fact.kind === 'kustomization' ? fact.resources : []) {
    if (/^[a-z]+:\/\//i.test(r) || r.startsWith('github.com/')) continue;
    const u = joinPath(dir, r);
    if (!u) continue;
    if (files.isFile(u)) out.add(u);
    else if (files.isDir(u)) {
      const sub = kustomizeUnit(u, files, facts, seen, depth + 1);
      if (sub) {
        for (const f of sub.files) out.add(f);
        inner ??= sub.namespace;
      }
    }
  }
  const namespace = (fact && fact.kind === 'kustomization' ? fact.namespace : undefined) ?? inner;
  return { files: [...out].sort(), ...(namespace ? { namespace } : {}) };
}
