// Message types shared by several kinds, and object metadata.
import { arr, bool, def, enumOf, free, int, labelsMap, mapOf, obj, str, strs, use } from './dsl';

// ---- metadata ------------------------------------------------------------------------------

const k8sMetaProps = {
  name: str('Name of the object, unique per kind within its parent (TSB) or namespace (Kubernetes).', { minLength: 1 }),
  namespace: str(
    'Kubernetes namespace the object is stored in. For install CRs this is where the component is deployed; for tctl objects it only matters for Istio direct-mode objects.',
  ),
  labels: mapOf(
    'Labels of the object. On TSB objects applied with tctl or GitOps they are copied onto the generated Istio configuration.',
  ),
  annotations: mapOf(
    'Annotations of the object. GitOps objects carry their TSB parents here (tsb.tetrate.io/organization, /tenant, /workspace, /gatewayGroup...).',
  ),
  resourceVersion: str(
    'Output only: version of the stored object (etag). Remove it before re-applying edited `get -o yaml` output.',
  ),
  uid: str('Output only: Kubernetes unique id of the object.'),
  generation: int('Output only: Kubernetes generation of the desired state.'),
  creationTimestamp: str('Output only: when the object was created (RFC 3339).'),
  deletionTimestamp: str('Output only: when the object was marked for deletion (RFC 3339).'),
  deletionGracePeriodSeconds: int('Output only: seconds allowed for graceful termination before deletion.'),
  finalizers: strs('Kubernetes finalizers that must be cleared before the object is deleted.'),
  ownerReferences: arr(
    free('Reference to an owning Kubernetes object.'),
    'Kubernetes objects this object depends on (garbage collection).',
  ),
  managedFields: arr(
    free('Server-side apply field ownership entry.'),
    'Output only: server-side apply field ownership.',
  ),
  generateName: str('Prefix Kubernetes uses to generate a unique name when `name` is empty.'),
  selfLink: str('Output only (deprecated by Kubernetes): URL of the object.'),
};

export const K8S_META = def(
  'KubernetesObjectMeta',
  obj(
    'Kubernetes object metadata: `name` and `namespace` decide where the operator deploys the component.',
    k8sMetaProps,
    { required: ['name'] },
  ),
);

const tsbMetaProps = {
  ...k8sMetaProps,
  organization: str('tctl form: the organization that owns the object.'),
  tenant: str('tctl form: the tenant that owns the object.'),
  workspace: str('tctl form: the workspace that owns the object.'),
  group: str(
    'tctl form: the gateway, traffic, security or istio-internal group that owns the object (its type follows from the apiVersion).',
  ),
  application: str('tctl form: the application that owns the object (application APIs).'),
  api: str('tctl form: the API that owns the object.'),
  service: str('tctl form: the service that owns the object.'),
  telemetrySource: str('tctl form: the telemetry source that owns the object.'),
  displayName: str('Human-friendly name of the object.'),
  description: str('Human-readable description of the object.'),
  fqn: str(
    'Fully-qualified name, e.g. `organizations/<org>/tenants/<tenant>/workspaces/<ws>` (output of tctl get; also how AccessBindings name their target).',
  ),
  etag: str('Output only: entity tag of the stored object. Remove it before re-applying edited `tctl get` output.'),
};

export const TSB_META = def(
  'ObjectMeta',
  obj(
    'Object metadata. tctl form: `name` plus the parent chain (`organization`, `tenant`, `workspace`, `group`). GitOps form: Kubernetes metadata with the parents in `tsb.tetrate.io/*` annotations.',
    tsbMetaProps,
    { required: ['name'] },
  ),
);

/** Same as ObjectMeta but without a required name (AccessBindings target their resource by `fqn`). */
export const TSB_META_NO_NAME = def(
  'BindingObjectMeta',
  obj(
    'Object metadata. AccessBindings name the resource they apply to with `fqn` (tctl) or the `tsb.tetrate.io/fqn` annotation (GitOps); `name` is optional.',
    tsbMetaProps,
  ),
);

// ---- shared TSB types ----------------------------------------------------------------------

export const WORKLOAD_SELECTOR = def(
  'WorkloadSelector',
  obj(
    'Selects pods or VMs in one Kubernetes namespace (in every cluster where the namespace exists).',
    {
      namespace: str('Kubernetes namespace of the workloads: a plain name, no cluster prefix, no wildcard.', {
        minLength: 1,
      }),
      labels: labelsMap(
        'Pod labels the workloads must carry (at least one pair). For a gateway deployed by an install CR named X this is normally `app: X`.',
      ),
    },
    {
      required: ['namespace', 'labels'],
      extra: {
        defaultSnippets: [
          { label: 'workloadSelector', body: { namespace: '${1:namespace}', labels: { app: '${2:gateway-name}' } } },
        ],
      },
    },
  ),
);

export const NAMESPACE_SELECTOR = def(
  'NamespaceSelector',
  obj(
    'The Kubernetes namespaces, across clusters, that this object owns.',
    {
      names: arr(
        {
          type: 'string',
          // The cluster part: `*` or a cluster name (no spaces, `/` or `*`). The namespace part: `*`, a
          // Kubernetes namespace name (lower-case letters, digits, `-`) or such a prefix ending in `*`.
          pattern: '^(\\*|[^/*\\s]+)/(\\*|[a-z0-9]([-a-z0-9]*[a-z0-9])?|[a-z0-9][-a-z0-9]*\\*)$',
          patternErrorMessage:
            'Names are `<cluster>/<namespace>`: the cluster is a cluster name or `*`; the namespace is a Kubernetes namespace name (lower-case letters, digits and `-`), `*`, or a prefix ending in `*`. Example: `*/bookinfo`.',
        },
        'Namespaces as `<cluster>/<namespace>`: `*/ns1` (ns1 in any cluster), `c1/ns1`, `c1/*`, `*/*`, `c1/ns*` (prefix).',
        { minItems: 1 },
      ),
    },
    {
      required: ['names'],
      extra: { defaultSnippets: [{ label: 'namespaceSelector', body: { names: ['*/${1:namespace}'] } }] },
    },
  ),
);

export const SERVICE_SELECTOR = def(
  'ServiceSelector',
  obj(
    'Selects Kubernetes Services by their labels.',
    {
      serviceLabels: labelsMap(
        'Kubernetes Service labels (not pod labels) a service must carry to match; all pairs must match.',
      ),
    },
    { required: ['serviceLabels'] },
  ),
);

export const CONFIG_GEN_META = def(
  'ConfigGenerationMetadata',
  obj(
    'Labels and annotations copied onto the generated Istio configuration. With tctl or GitOps YAML put them in `metadata.labels`/`metadata.annotations` instead (this field is for gRPC users).',
    {
      labels: mapOf('Labels added to the generated Istio objects.'),
      annotations: mapOf('Annotations added to the generated Istio objects.'),
    },
  ),
);

export const STRING_MATCH = def(
  'StringMatch',
  obj(
    'How to match a string: exactly, by prefix or by regular expression (one of them).',
    {
      exact: str('Exact string match.'),
      prefix: str('Prefix-based match.'),
      regex: str('Regular-expression match (RE2 syntax).'),
    },
    { oneofs: [['exact', 'prefix', 'regex']] },
  ),
);

export const REGIONAL_FAILOVER = def(
  'RegionalFailover',
  obj(
    'A pair of regions: where traffic goes when endpoints in `from` become unhealthy. Needs outlier detection to take effect.',
    {
      from: str('Originating region.'),
      to: str('Region traffic fails over to when endpoints in the `from` region become unhealthy.'),
    },
  ),
);

export const FAILOVER_SETTINGS = def(
  'FailoverSettings',
  obj(
    'Failover behaviour for clients calling the hosts this object exposes (a server-side setting TSB applies to client proxies).',
    {
      failoverPriority: strs(
        'Ordered label selectors used to prioritise endpoints, e.g. `failover.tetrate.io/version=v1` or `version=v1` (ServiceRoute subset labels).',
      ),
      topologyChoice: enumOf(
        ['NONE', 'CLUSTER', 'LOCALITY'],
        'Topology preference for endpoint priority (default CLUSTER). Ignored when `failoverPriority` is set.',
      ),
      regionalFailover: arr(
        use(REGIONAL_FAILOVER, 'A from/to region pair.'),
        'Explicit region-to-region failover; needs outlier detection.',
      ),
      automaticLoadBalancing: obj('Automatic load balancing between clusters based on observed metrics.', {
        enabled: bool('Whether to enable automatic load balancing.'),
      }),
    },
  ),
);

export const TLS_FILES_CLIENT = def(
  'ClientTLSFiles',
  obj('Certificate files mounted in the proxy.', {
    caCertificates: str('Path to the CA certificates used to verify the server.'),
    clientCertificate: str('Path to the client certificate (MUTUAL mode).'),
    privateKey: str('Path to the client private key (MUTUAL mode).'),
  }),
);

export const CLIENT_TLS = def(
  'ClientTLSSettings',
  obj(
    'TLS settings for connections the proxy originates.',
    {
      mode: enumOf(
        ['DISABLED', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'],
        'TLS mode: DISABLED (plain text), SIMPLE (TLS), MUTUAL (client certificate) or ISTIO_MUTUAL (mesh mTLS).',
      ),
      secretName: str('Kubernetes secret holding the client certificate, key and CA certificates.'),
      files: use(TLS_FILES_CLIENT, 'Certificate files mounted in the proxy (alternative to `secretName`).'),
      subjectAltNames: strs('Subject alternative names accepted in the server certificate.'),
    },
    { oneofs: [['secretName', 'files']] },
  ),
);

const TLS_VERSIONS = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

export const SERVER_TLS = def(
  'ServerTLSSettings',
  obj(
    'TLS settings of a gateway server. Omit for a plain-text server.',
    {
      mode: enumOf(
        ['DISABLED', 'SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'],
        'TLS mode: DISABLED, SIMPLE (server certificate), MUTUAL (client certificate required) or OPTIONAL_MUTUAL.',
      ),
      secretName: str(
        'Kubernetes secret with the server certificate and key (for the unified Gateway, `<namespace>/<name>` selects a secret in another namespace).',
      ),
      files: obj('Certificate files mounted in the gateway (alternative to `secretName`).', {
        serverCertificate: str('Path to the server certificate.'),
        privateKey: str('Path to the server private key.'),
        caCertificates: str('Path to the CA certificates used to verify clients (MUTUAL).'),
      }),
      minProtocolVersion: enumOf(TLS_VERSIONS, 'Minimum TLS protocol version.'),
      maxProtocolVersion: enumOf(TLS_VERSIONS, 'Maximum TLS protocol version.'),
      cipherSuites: strs('Allowed cipher suites (Envoy defaults when empty).'),
      subjectAltNames: strs('Subject alternative names accepted in client certificates.'),
    },
    { oneofs: [['secretName', 'files']] },
  ),
);

export const CLUSTER_DESTINATION = def(
  'ClusterDestination',
  obj('A cluster that receives traffic, chosen by name or by labels.', {
    name: str('TSB cluster name.'),
    labels: mapOf('Cluster labels: every cluster with these labels is selected.'),
    network: str('Network of the clusters to select.'),
    weight: int('Relative weight of the traffic sent to this cluster.'),
  }),
);

export const WAF = def(
  'WAFSettings',
  obj(
    'Web application firewall rules (alpha feature).',
    {
      rules: strs('WAF rules (Coraza/ModSecurity SecLang directives).'),
    },
    { required: ['rules'] },
  ),
);

export const WASM_ATTACHMENT = def(
  'WasmExtensionAttachment',
  obj('A WasmExtension attached to the proxies, with its configuration.', {
    fqn: str('FQN of the WasmExtension, e.g. `organizations/<org>/extensions/<name>`.', { minLength: 1 }),
    config: free('Configuration passed to the extension (any object); overrides its global configuration.'),
    match: arr(
      obj('Which traffic the extension applies to.', {
        mode: enumOf(
          ['UNDEFINED', 'CLIENT', 'SERVER', 'CLIENT_AND_SERVER'],
          'Traffic direction: CLIENT, SERVER or CLIENT_AND_SERVER (default). Gateways should use CLIENT or CLIENT_AND_SERVER.',
        ),
        ports: arr(
          obj(
            'A port.',
            { number: { type: 'integer', minimum: 1, maximum: 65535, description: 'Port number (1-65535).' } },
            { required: ['number'] },
          ),
          'Ports the extension applies to.',
        ),
      }),
      'Traffic selectors; the extension applies to all traffic when empty.',
    ),
  }),
);

export const CONFIG_MODE = enumOf(
  ['BRIDGED', 'DIRECT'],
  'BRIDGED (default): configure with TSB APIs. DIRECT: attach raw Istio objects to the group.',
);

/** Common `displayName`/`description` spec fields. */
export const human = {
  displayName: str('Human-friendly name of the resource.'),
  description: str('A description of the resource.'),
};
