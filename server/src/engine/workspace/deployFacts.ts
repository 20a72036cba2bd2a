// Argo CD and Flux objects as facts: where a folder of the repository is deployed.
import { field } from '../parse/tsbMeta';
import type { DeployFact, SourceRef } from './facts';
import { str } from './factValues';

/** Argo CD Applications and ApplicationSets, Flux Kustomizations: where a folder of the repository goes. */
export function deployFact(group: string, kind: string, v: unknown, docRef: () => SourceRef): DeployFact | undefined {
  const md = field(v, 'metadata');
  const spec = field(v, 'spec');
  const name = str(field(md, 'name')) ?? '';
  if (group === 'argoproj.io' && kind === 'ApplicationSet') return { kind: 'argo-appset', name, ref: docRef() };
  if (group === 'argoproj.io' && kind === 'Application') {
    // A multi-source Application's first source with a path stands for the application.
    const sources = field(spec, 'sources');
    const source = Array.isArray(sources)
      ? (sources.find((x) => str(field(x, 'path'))) ?? sources[0])
      : field(spec, 'source');
    const dir = field(source, 'directory');
    const dest = field(spec, 'destination');
    const out: DeployFact = { kind: 'argo-app', name, ref: docRef(), recurse: field(dir, 'recurse') === true };
    const set = (
      k: 'path' | 'repoURL' | 'include' | 'exclude' | 'destName' | 'destServer' | 'destNamespace',
      x: unknown,
    ) => {
      const s = str(x);
      if (s) out[k] = s;
    };
    set('path', field(source, 'path'));
    set('repoURL', field(source, 'repoURL'));
    set('include', field(dir, 'include'));
    set('exclude', field(dir, 'exclude'));
    set('destName', field(dest, 'name'));
    set('destServer', field(dest, 'server'));
    set('destNamespace', field(dest, 'namespace'));
    return out;
  }
  if (group === 'kustomize.toolkit.fluxcd.io' && kind === 'Kustomization') {
    const path = str(field(spec, 'path'));
    const ns = str(field(spec, 'targetNamespace'));
    return { kind: 'flux', name, ref: docRef(), ...(path ? { path } : {}), ...(ns ? { targetNamespace: ns } : {}) };
  }
  return undefined;
}
