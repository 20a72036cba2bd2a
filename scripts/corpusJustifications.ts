import type { Problem } from '../server/src/engine/types';

// One-line justifications for the corpus report: why each finding is a real mistake in that file.
// Specific entries (file + rule) first, then a per-rule reason where the rule is unambiguous.

const specific: { file: RegExp; rule: string; why: string }[] = [
  { file: /securityContext__ingressGateway\.yaml$/, rule: 'unknown-field', why: '`pod_annotations` is the protobuf field name; in YAML the field is `podAnnotations`, so the operator ignores these annotations.' },
  { file: /bookinfo-direct__tsb-bookinfo\.yaml$/, rule: 'gateway-selector-no-match', why: 'The install Gateway direct-bookinfo-gw is in namespace direct-bookinfo while the selector says bookinfo-direct: the selector matches no pods.' },
  { file: /bulky-gitops-list-example\.yaml$/, rule: 'duplicate-resource', why: 'The List defines these objects twice with the same spec: harmless when applied, but one copy is redundant (reported as a warning).' },
];

const byRule: Record<string, string> = {
  'key-case': 'Kubernetes, kubectl and GitOps read keys case-sensitively: a mis-cased `apiversion`/`Metadata` is ignored there (tctl tolerance is unconfirmed), so the key must be fixed.',
};

export function justify(file: string, p: Problem): string | undefined {
  return specific.find((s) => s.rule === p.rule && s.file.test(file))?.why ?? byRule[p.rule];
}
