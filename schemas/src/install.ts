// install.tetrate.io/v1alpha1 gateway install CRs.
import { CONFIG_GEN_META, human } from './common';
import { KUBE_SPEC } from './kube';
import { bool, duration, enumOf, free, int, obj, str, use } from './dsl';

const installBase = {
  connectionDrainDuration: duration(
    'How long a terminating gateway keeps serving in-flight connections (no new ones), e.g. `10s`.',
  ),
  kubeSpec: use(
    KUBE_SPEC,
    'Kubernetes settings of the gateway Deployment, Service and ServiceAccount, plus post-render overlays. `kubeSpec.deployment.labels` are added to the pods.',
  ),
  revision: str(
    'Istio revision to reconcile with (only the control-plane operator with a matching revision reconciles it).',
  ),
};

export const INSTALL_INGRESS_SPEC = obj(
  'Deploys an ingress gateway named after `metadata.name` in `metadata.namespace` (pods labelled `app: <name>`). May be empty: the operator fills in defaults.',
  {
    ...installBase,
    eastWestOnly: bool(
      'When true the gateway serves only east-west (cross-cluster) traffic and its Service exposes only port 15443. Default false.',
    ),
  },
);

export const INSTALL_TIER1_SPEC = obj(
  'Deploys a tier-1 gateway named after `metadata.name` in `metadata.namespace` (pods labelled `app: <name>`).',
  installBase,
);

export const INSTALL_EGRESS_SPEC = obj(
  'Deploys an egress gateway named after `metadata.name` in `metadata.namespace` (pods labelled `app: <name>`).',
  installBase,
);

export const INSTALL_GATEWAY_SPEC = obj(
  'Deploys a unified gateway named after `metadata.name` in `metadata.namespace` (pods labelled `app: <name>`).',
  {
    ...installBase,
    ...human,
    type: enumOf(
      ['UNIFIED', 'INGRESS', 'EGRESS', 'EASTWEST'],
      'Kind of gateway to deploy: UNIFIED, INGRESS, EGRESS or EASTWEST.',
    ),
    concurrency: int('Envoy worker threads (derived from the CPU limits by default).'),
    proxyConfigOverride: free('Free-form object merged into the generated `proxy.istio.io/config`.'),
    configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated objects.'),
    targetCluster: str(
      'Cluster to deploy to; used only when the object is managed through the management plane / GitOps.',
    ),
    targetNamespace: str(
      'Namespace to deploy to; used only when the object is managed through the management plane / GitOps.',
    ),
  },
);
