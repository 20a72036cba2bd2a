import type { YAMLMap } from 'yaml';
import type { Identity } from '../parse/identify';
import type { RawProblem } from '../types';
import { mapOf, stringOf } from './yamlNodes';

// invalid-name: a metadata.name that Kubernetes or TSB rejects. Kubernetes objects (kubectl-applied:
// core kinds, install CRs, GitOps-form TSB objects) must be DNS-1123 names; tctl-form TSB objects are
// held to the same characters (a warning: TSB derives the names of generated objects from them).

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SERVICE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes kinds whose name rules are known (others, such as RBAC roles with `:`, are left alone). */
const KUBE_SUBDOMAIN = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'ConfigMap', 'Secret', 'ServiceAccount', 'Ingress', 'PersistentVolumeClaim', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']);

function rulesFor(identity: Identity, form: 'tctl' | 'kubernetes'): { re: RegExp; max: number; what: string } | undefined {
  const kind = identity.kind ?? '';
  if (identity.family === 'kubernetes') {
    if (identity.group !== '' && identity.group !== 'apps' && identity.group !== 'batch' && !/k8s\.io$/.test(identity.group)) return undefined;
    if (kind === 'Service') return { re: SERVICE, max: 63, what: 'a Service name (DNS-1035 label): lower-case letters, digits and `-`, starting with a letter, at most 63 characters' };
    if (kind === 'Namespace') return { re: LABEL, max: 63, what: 'a Namespace name (DNS-1123 label): lower-case letters, digits and `-`, at most 63 characters' };
    if (!KUBE_SUBDOMAIN.has(kind)) return undefined;
  }
  return form === 'tctl'
    ? { re: SUBDOMAIN, max: 253, what: 'lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit' }
    : { re: SUBDOMAIN, max: 253, what: 'a Kubernetes object name (DNS-1123 subdomain): lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit' };
}

/** The name as it was meant: lower case, `_` and other characters as `-`, trimmed to letters or digits. */
function suggest(name: string, re: RegExp, max: number): string | undefined {
  const s = name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return s && s !== name && s.length <= max && re.test(s) ? s : undefined;
}

export function resourceNameProblems(root: YAMLMap, identity: Identity, tctlForm: boolean): RawProblem[] {
  const name = stringOf(mapOf(root, 'metadata'), 'name');
  if (!name) return [];
  const r = rulesFor(identity, tctlForm ? 'tctl' : 'kubernetes');
  if (!r || (name.value.length <= r.max && r.re.test(name.value))) return [];
  const fix = suggest(name.value, r.re, r.max);
  const why = tctlForm
    ? `TSB names must be ${r.what}; TSB rejects other characters and derives the names of the Istio and Kubernetes objects it generates from this one`
    : `the API server rejects the object (metadata.name: Invalid value): it must be ${r.what}`;
  return [{
    rule: 'invalid-name',
    ...(tctlForm ? { severity: 'warning' as const } : {}),
    message: `${identity.kind} name "${name.value}" ${name.value.length > r.max ? `is longer than ${r.max} characters` : /[A-Z]/.test(name.value) && /_/.test(name.value) ? 'has upper case and `_`' : /[A-Z]/.test(name.value) ? 'has upper case' : /_/.test(name.value) ? 'has `_`' : 'is not a valid name'}: ${why}.${fix ? ` Use "${fix}" (and the same name where other objects refer to it).` : ''}`,
    start: name.range[0],
    end: name.range[1],
    ...(fix ? { data: { fix: 'replace-value' as const, to: fix } } : {}),
  }];
}
