import type { YAMLMap } from 'yaml';
import type { SchemaEntry } from '../../../../schemas/src/types';
import type { Identity } from '../parse/identify';
import type { RawProblem } from '../types';
import { readTsbMeta } from '../parse/tsbMeta';
import { kubernetesTypeProblems } from './kubernetesTypes';
import { perTryTimeoutProblems } from './perTryTimeout';
import { resourceNameProblems } from './resourceName';
import { serviceAnnotationProblems } from './serviceAnnotations';
import { weightSumProblems } from './weightSum';

// Single-document rules about values that are valid on their own but wrong together or for their purpose
// (after schema validation): one function per rule, each in its own file.

export function tsbValueProblems(node: YAMLMap, value: unknown, identity: Identity, entry: SchemaEntry): RawProblem[] {
  const kind = entry.kind;
  const out: RawProblem[] = [];
  if (entry.dialect === 'install') {
    out.push(...resourceNameProblems(node, identity, false), ...serviceAnnotationProblems(node, kind));
  } else if (entry.dialect === 'tsb') {
    const form = readTsbMeta(value, identity.apiVersion, entry.groupType).form;
    out.push(...resourceNameProblems(node, identity, form === 'tctl'), ...weightSumProblems(node, kind));
  }
  out.push(...perTryTimeoutProblems(node));
  return out;
}

export function kubernetesValueProblems(node: YAMLMap, identity: Identity): RawProblem[] {
  return [...resourceNameProblems(node, identity, false), ...kubernetesTypeProblems(node, identity.kind ?? '')];
}
