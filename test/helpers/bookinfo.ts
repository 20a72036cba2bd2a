// A small failover project in the seed's shape (generated here, not copied from the corpus):
// tenancy, a workspace with east-west settings, the east-west gateway install CR and two services
// running in two clusters. Tests copy it into a temp folder and change what they need.

export const BOOKINFO: Record<string, string> = {
  'tsb.config.yaml': `placements:
  - files: apps/**
    clusters: [cluster-1, cluster-2]
    namespace: bookinfo
  - files: gateways/**
    clusters: [cluster-1, cluster-2]
`,
  'tsb/tenancy.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: Organization
metadata:
  name: tetrate
---
apiVersion: api.tsb.tetrate.io/v2
kind: Tenant
metadata:
  organization: tetrate
  name: tetrate
`,
  'tsb/workspace.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: Workspace
metadata:
  organization: tetrate
  tenant: tetrate
  name: bookinfo-ws
spec:
  namespaceSelector:
    names:
      - "*/bookinfo"
`,
  'tsb/workspace-setting.yaml': `apiVersion: api.tsb.tetrate.io/v2
kind: WorkspaceSetting
metadata:
  organization: tetrate
  tenant: tetrate
  workspace: bookinfo-ws
  name: bookinfo-ws-setting
spec:
  defaultEastWestGatewaySettings:
    - workloadSelector:
        namespace: eastwest
        labels:
          app: eastwest-gateway
`,
  'gateways/eastwest.yaml': `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata:
  name: eastwest-gateway
  namespace: eastwest
spec:
  eastWestOnly: true
`,
  'apps/bookinfo.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo
  labels:
    istio-injection: enabled
---
${service('details')}
---
${deployment('details', 'v1')}
---
${service('ratings')}
---
${deployment('ratings', 'v1')}
`,
};

function service(name: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app: ${name}
    service: ${name}
spec:
  ports:
    - port: 9080
      name: http
  selector:
    app: ${name}`;
}

function deployment(app: string, version: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}-${version}
spec:
  selector:
    matchLabels:
      app: ${app}
      version: ${version}
  template:
    metadata:
      labels:
        app: ${app}
        version: ${version}
    spec:
      containers:
        - name: ${app}
          image: example/${app}-${version}:1.0`;
}
