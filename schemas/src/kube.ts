// KubernetesComponentSpec (`kubeSpec`), shared by gateway install CRs and ControlPlane components
// Kubernetes-shaped sub-objects the TSB API reference does not expand stay free.
import { anyValue, arr, bool, def, free, int, intOrString, mapOf, obj, str, use } from './dsl';

const LOCAL_REF = def(
  'LocalObjectReference',
  obj('Reference to an object in the same namespace.', { name: str('Name of the object.') }),
);

const keyRef = (what: string) =>
  obj(`Select a key of a ${what}.`, {
    key: str('The key to select.'),
    localObjectReference: use(LOCAL_REF, `The ${what}.`),
    optional: bool(`Whether the ${what} or its key must exist.`),
  });

export const ENV_VAR = def(
  'EnvVar',
  obj('An environment variable of the container.', {
    name: str('Variable name.'),
    value: str('Variable value (quote numbers and booleans).'),
    valueFrom: obj('Take the value from another source.', {
      configMapKeyRef: keyRef('ConfigMap'),
      secretKeyRef: keyRef('Secret'),
      fieldRef: obj('A field of the pod.', {
        apiVersion: str('API version of the field path.'),
        fieldPath: str('Field path, e.g. `metadata.name`.'),
      }),
      resourceFieldRef: obj('A resource of the container.', {
        containerName: str('Container name.'),
        resource: str('Resource, e.g. `limits.cpu`.'),
        divisor: intOrString('Output unit.'),
      }),
    }),
  }),
);

const k8s = (what: string, fields: string) =>
  free(`Kubernetes ${what} (same shape as in the Kubernetes API: ${fields}).`);

export const AFFINITY = () => k8s('Affinity', 'nodeAffinity, podAffinity, podAntiAffinity');
export const CONTAINER_SC = () =>
  k8s('SecurityContext of the container', 'runAsUser, runAsNonRoot, readOnlyRootFilesystem, capabilities...');
export const POD_SC = () =>
  k8s('PodSecurityContext', 'fsGroup, runAsUser, runAsNonRoot, seccompProfile, supplementalGroups...');
export const TOLERATIONS = () =>
  arr(k8s('Toleration', 'key, operator, value, effect, tolerationSeconds'), 'Tolerations of the pods.');
export const STRATEGY = () => k8s('DeploymentStrategy', 'type, rollingUpdate');
export const RESOURCES = () => k8s('ResourceRequirements', 'limits, requests');

export const DEPLOYMENT = def(
  'Deployment',
  obj('Settings of the Kubernetes Deployment of the component.', {
    replicaCount: int('Number of replicas.', { minimum: 0 }),
    hpaSpec: obj('Horizontal pod autoscaling of the Deployment (TSB shape).', {
      minReplicas: int('Lowest number of replicas the autoscaler may set.', { minimum: 0 }),
      maxReplicas: int('Highest number of replicas the autoscaler may set.', { minimum: 1 }),
      metrics: arr(
        free('A Kubernetes autoscaling MetricSpec (type, resource, pods, object, external).'),
        'Metrics the autoscaler scales on.',
      ),
      disabled: bool('Turn the autoscaler off (the Deployment keeps replicaCount).'),
    }),
    resources: RESOURCES(),
    env: arr(use(ENV_VAR, 'An environment variable.'), 'Extra environment variables of the main container.'),
    labels: mapOf(
      'Labels added to the Deployment and propagated to its pods and Service (a WorkloadSelector can match them).',
    ),
    podAnnotations: mapOf('Annotations added to the pods.'),
    affinity: AFFINITY(),
    tolerations: TOLERATIONS(),
    strategy: STRATEGY(),
    podSecurityContext: POD_SC(),
    containerSecurityContext: CONTAINER_SC(),
    priorityClassName: str('PriorityClass of the pods.'),
  }),
);

export const SERVICE = def(
  'Service',
  obj('Settings of the Kubernetes Service of the component.', {
    type: str(
      'Service type: ClusterIP, NodePort, LoadBalancer (gateway default) or ExternalName. NodePort gateways need the `traffic.istio.io/nodeSelector` annotation.',
    ),
    ports: arr(
      obj('A Service port.', {
        name: str('Port name (e.g. `mtls` for 15443, `http2`, `https`).'),
        port: int('Service port.', { minimum: 1, maximum: 65535 }),
        targetPort: intOrString('Container port number or name.'),
        nodePort: int('Node port (NodePort/LoadBalancer services).', { minimum: 0, maximum: 65535 }),
        protocol: str('Protocol: TCP (default), UDP or SCTP.'),
      }),
      'Service ports (replace the defaults).',
    ),
    annotations: mapOf(
      'Annotations of the Service, e.g. `xcp.tetrate.io/cluster-external-addresses` or cloud load balancer settings.',
    ),
    labels: mapOf('Labels of the Service.'),
  }),
);

export const OVERLAY = def(
  'K8sObjectOverlay',
  obj('Post-render patch of one object the operator renders.', {
    apiVersion: str('apiVersion of the rendered object, e.g. `install.xcp.tetrate.io/v1alpha1`.'),
    kind: str('Kind of the rendered object, e.g. `EdgeXcp`.'),
    name: str('Name of the rendered object, e.g. `edge-xcp`.'),
    patches: arr(
      obj('One patch.', {
        path: str(
          'Dot-separated path; `[key:value]` selects a list item, `[N]` indexes and `[-1]` appends, e.g. `spec.components.edgeServer.kubeSpec.deployment.env[-1]`.',
        ),
        value: anyValue('Value set at `path` (any YAML); omit to delete the node.'),
      }),
      'Patches applied in order.',
    ),
  }),
);

export const SERVICE_ACCOUNT = def(
  'ServiceAccountSpec',
  obj('Settings of the Kubernetes ServiceAccount of the component.', {
    imagePullSecrets: arr(use(LOCAL_REF, 'A pull secret.'), 'Image pull secrets.'),
  }),
);

export const KUBE_SPEC = def(
  'KubernetesComponentSpec',
  obj('Kubernetes settings of the component: Deployment, Service, ServiceAccount and post-render overlays.', {
    deployment: use(DEPLOYMENT, 'Deployment settings.'),
    service: use(SERVICE, 'Service settings.'),
    serviceAccount: use(SERVICE_ACCOUNT, 'ServiceAccount settings.'),
    overlays: arr(use(OVERLAY, 'An overlay.'), 'Patches applied to the rendered objects.'),
  }),
);

const CNI = obj('Istio CNI plugin settings (the field is spelled `CNI`).', {
  binaryDirectory: str('Directory of the CNI binaries on the node.'),
  configurationDirectory: str('Directory of the CNI configuration on the node.'),
  configurationFileName: str('CNI configuration file name.'),
  chained: bool('Chain with the existing CNI plugin.'),
  clusterRole: str('ClusterRole of the CNI plugin.'),
  cniDaemonsetNamespace: str('Namespace of the CNI DaemonSet.'),
  revision: str('Istio revision of the CNI plugin.'),
});

export const ISTIO_KUBE_SPEC = def(
  'KubernetesIstioComponentSpec',
  obj('Kubernetes settings of Istio: istiod and operator Deployments, CNI, overlays.', {
    deployment: use(DEPLOYMENT, 'Deployment settings.'),
    istiodDeployment: use(DEPLOYMENT, 'istiod Deployment settings.'),
    operatorDeployment: use(DEPLOYMENT, 'Istio operator Deployment settings.'),
    service: use(SERVICE, 'Service settings.'),
    serviceAccount: use(SERVICE_ACCOUNT, 'ServiceAccount settings.'),
    overlays: arr(use(OVERLAY, 'An overlay.'), 'Patches applied to the rendered objects (e.g. the IstioOperator).'),
    // The proto field is `CNI` (its JSON name keeps the capitals): `cni` is not read.
    CNI,
  }),
);

export const GLOBAL_KUBE_SPEC = obj('Kubernetes defaults applied to every component.', {
  account: use(SERVICE_ACCOUNT, 'ServiceAccount defaults.'),
  deployment: obj('Deployment defaults.', {
    affinity: AFFINITY(),
    containerSecurityContext: CONTAINER_SC(),
    env: arr(use(ENV_VAR, 'An environment variable.'), 'Environment variables.'),
    podAnnotations: mapOf('Pod annotations.'),
    podSecurityContext: POD_SC(),
    priorityClassName: str('PriorityClass of the pods.'),
    strategy: STRATEGY(),
    tolerations: TOLERATIONS(),
  }),
  job: obj('Job defaults.', {
    affinity: AFFINITY(),
    containerSecurityContext: CONTAINER_SC(),
    podAnnotations: mapOf('Pod annotations.'),
    podSecurityContext: POD_SC(),
    tolerations: TOLERATIONS(),
  }),
  service: obj('Service defaults.', { annotations: mapOf('Service annotations.') }),
});

export const imagePullSecrets = () => arr(use(LOCAL_REF, 'A pull secret.'), 'Image pull secrets for all components.');
export const logLevels = (what: string) => mapOf(`Log level per ${what} scope, e.g. \`default: info\`.`);
