import type { Problem } from '../server/src/engine/types';

// One-line justifications for the corpus report: why each finding is a real mistake in that file.
// Specific entries (file + rule) first, then a per-rule reason where the rule is unambiguous.

const specific: { file: RegExp; rule: string; why: string }[] = [
  {
    file: /securityContext__ingressGateway\.yaml$/,
    rule: 'unknown-field',
    why: '`pod_annotations` is the protobuf field name; in YAML the field is `podAnnotations`, so the operator ignores these annotations.',
  },
  {
    file: /bookinfo-direct__tsb-bookinfo\.yaml$/,
    rule: 'gateway-selector-no-match',
    why: 'The install Gateway direct-bookinfo-gw is in namespace direct-bookinfo while the selector says bookinfo-direct: the selector matches no pods.',
  },
  {
    file: /retail1\.yaml$|02-workspacesetting__retail1/,
    rule: 'service-selector-no-match',
    why: 'Partial copy: the corpus holds only the back-retail1 Service of this repository; front-retail1 and mid-retail1 live in files that were not copied. In the full repository the selector matches.',
  },
  {
    file: /gitops-argocd__repositories__app-abc__tsb__02-workspace-setting/,
    rule: 'gateway-selector-no-match',
    why: 'Partial copy: the east-west install CR gw-eastwest-abc is not among the copied files (only the ingress gateway is); in the full repository it may exist, so this is not confirmed as a mistake.',
  },
  {
    file: /bulky-gitops-list-example\.yaml$/,
    rule: 'gateway-selector-no-match',
    why: 'The List configures gateways with app=<name>-gw selectors but deploys no install CR for them in this file or scenario (only gitops-tcp-echo-gw): the selectors match nothing unless the gateways are deployed elsewhere.',
  },
  {
    file: /samples__gateway\.yaml$/,
    rule: 'gateway-selector-no-match',
    why: 'No install CR deploys shared-app-gw in shared-services in this scenario; the sample relies on a gateway deployed elsewhere.',
  },
  {
    file: /gateways-management\.md__L58-L92/,
    rule: 'gateway-selector-no-match',
    why: 'Real inconsistency in the cheat sheet: the install CR is named bookinfo-ingressgateway (pods app=bookinfo-ingressgateway) but the gateway config selects app=bookinfo-gateway.',
  },
  {
    file: /ExternalCluster_using_Tier1\.yaml$/,
    rule: 'invalid-name',
    why: 'The ExternalCluster is named `SPG_Cluster1_Service1`: upper case and `_` are not allowed in TSB/Kubernetes names (lower-case letters, digits, `-`, `.`); a warning because this is the tctl form, where TSB (not the API server) does the rejecting.',
  },
  {
    file: /trees\/tetrateio__workshop-101\/03-app-ingress\/04-tsb-tier1\.yaml$/,
    rule: 'gateway-kind-mismatch',
    why: "Lab 02 installs the tier-1 cluster's gateway `$PREFIX-tier1-gateway` with an install `IngressGateway` (02-app-deploy/tier1/cluster-t1.yaml:7-18), and lab 03 configures it with a `Tier1Gateway`: TSB installs tier-1 gateways with an install `Tier1Gateway`, so the configuration lands on a gateway installed for another role (a warning: whether tier-1 forwarding still works on it depends on the TSB version).",
  },
  {
    file: /bulky-gitops-list-example\.yaml$/,
    rule: 'duplicate-resource',
    why: 'The List defines these objects twice with the same spec: harmless when applied, but one copy is redundant (reported as a warning).',
  },
];

const byRule: Record<string, string> = {
  'key-case':
    'Kubernetes, kubectl and GitOps read keys case-sensitively: a mis-cased `apiversion`/`Metadata` is ignored there (tctl tolerance is unconfirmed), so the key must be fixed.',
};

export function justify(file: string, p: Problem): string | undefined {
  return specific.find((s) => s.rule === p.rule && s.file.test(file))?.why ?? byRule[p.rule];
}
