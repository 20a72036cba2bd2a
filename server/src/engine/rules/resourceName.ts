import type { YAMLMap } from 'yaml';
import type { Identity } from '../parse/identify';
import type { RawProblem } from '../types';
import { msg, type Message } from '../l10n/message';
import { mapOf, stringOf } from './yamlNodes';

// invalid-name: a metadata.name that Kubernetes or TSB rejects. Kubernetes objects (kubectl-applied:
// core kinds, install CRs, GitOps-form TSB objects) must be DNS-1123 names; tctl-form TSB objects are
// held to the same characters (a warning: TSB derives the names of generated objects from them).

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SERVICE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes kinds whose name rules are known (others, such as RBAC roles with `:`, are left alone). */
const KUBE_SUBDOMAIN = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Pod',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Ingress',
  'PersistentVolumeClaim',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
]);

function rulesFor(
  identity: Identity,
  form: 'tctl' | 'kubernetes',
): { re: RegExp; max: number; what: Message } | undefined {
  const kind = identity.kind ?? '';
  if (identity.family === 'kubernetes') {
    if (
      identity.group !== '' &&
      identity.group !== 'apps' &&
      identity.group !== 'batch' &&
      !/k8s\.io$/.test(identity.group)
    )
      return undefined;
    if (kind === 'Service')
      return {
        re: SERVICE,
        max: 63,
        what: msg(
          'a Service name (DNS-1035 label): lower-case letters, digits and `-`, starting with a letter, at most 63 characters',
        ),
      };
    if (kind === 'Namespace')
      return {
        re: LABEL,
        max: 63,
        what: msg('a Namespace name (DNS-1123 label): lower-case letters, digits and `-`, at most 63 characters'),
      };
    if (!KUBE_SUBDOMAIN.has(kind)) return undefined;
  }
  return form === 'tctl'
    ? {
        re: SUBDOMAIN,
        max: 253,
        what: msg('lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit'),
      }
    : {
        re: SUBDOMAIN,
        max: 253,
        what: msg(
          'a Kubernetes object name (DNS-1123 subdomain): lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit',
        ),
      };
}

/** The name as it was meant: lower case, `_` and other characters as `-`, trimmed to letters or digits. */
function suggest(name: string, re: RegExp, max: number): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s && s !== name && s.length <= max && re.test(s) ? s : undefined;
}

export function resourceNameProblems(root: YAMLMap, identity: Identity, tctlForm: boolean): RawProblem[] {
  const name = stringOf(mapOf(root, 'metadata'), 'name');
  if (!name) return [];
  const r = rulesFor(identity, tctlForm ? 'tctl' : 'kubernetes');
  if (!r || (name.value.length <= r.max && r.re.test(name.value))) return [];
  const fix = suggest(name.value, r.re, r.max);
  const why = tctlForm
    ? msg(
        'TSB names must be {what}; TSB rejects other characters and derives the names of the Istio and Kubernetes objects it generates from this one',
        { what: r.what },
      )
    : msg('the API server rejects the object (metadata.name: Invalid value): it must be {what}', { what: r.what });
  const wrong =
    name.value.length > r.max
      ? msg('is longer than {max} characters', { max: r.max })
      : /[A-Z]/.test(name.value) && /_/.test(name.value)
        ? msg('has upper case and `_`')
        : /[A-Z]/.test(name.value)
          ? msg('has upper case')
          : /_/.test(name.value)
            ? msg('has `_`')
            : msg('is not a valid name');
  const args = { kind: identity.kind ?? '', name: name.value, wrong, why };
  return [
    {
      rule: 'invalid-name',
      ...(tctlForm ? { severity: 'warning' as const } : {}),
      message: fix
        ? msg('{kind} name "{name}" {wrong}: {why}. Use "{fix}" (and the same name where other objects refer to it).', {
            ...args,
            fix,
          })
        : msg('{kind} name "{name}" {wrong}: {why}.', args),
      start: name.range[0],
      end: name.range[1],
      ...(fix ? { data: { fix: 'replace-value' as const, to: fix } } : {}),
    },
  ];
}
