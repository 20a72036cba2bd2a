// Texts the main thread analyses once at initialize, while the client finishes starting.
/** A few documents of the common kinds: analysing them loads their validators and compiles the analysis code. */
export const WARM_UP = [
  'apiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata:\n  organization: o\n  tenant: t\n  name: w\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n',
  'apiVersion: api.tsb.tetrate.io/v2\nkind: WorkspaceSetting\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: s\nspec:\n  defaultEastWestGatewaySettings:\n    - workloadSelector:\n        namespace: ew\n        labels: {app: ew}\n',
  'apiVersion: gateway.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: g\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n  configMode: BRIDGED\n',
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: Group\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  name: g\nspec:\n  namespaceSelector:\n    names: ["*/ns"]\n',
  'apiVersion: gateway.tsb.tetrate.io/v2\nkind: IngressGateway\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: i\nspec:\n  workloadSelector:\n    namespace: ns\n    labels: {app: i}\n  http:\n    - name: web\n      hostname: a.example.com\n      port: 80\n      routing:\n        rules:\n          - route:\n              host: ns/a.ns.svc.cluster.local\n',
  'apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\nmetadata:\n  organization: o\n  tenant: t\n  workspace: w\n  group: g\n  name: r\nspec:\n  service: ns/a.ns.svc.cluster.local\n  subsets:\n    - name: v1\n      labels: {version: v1}\n      weight: 100\n',
  'apiVersion: install.tetrate.io/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: i\n  namespace: ns\nspec:\n  kubeSpec:\n    service:\n      type: LoadBalancer\n',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: ns\n  labels: {app: a}\nspec:\n  selector: {app: a}\n  ports: [{name: http, port: 8080}]\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: ns\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: a\n          image: a:1\n',
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: {istio-injection: enabled}\n',
];
