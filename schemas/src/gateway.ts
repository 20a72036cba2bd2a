// gateway.tsb.tetrate.io/v2 configuration: IngressGateway, Tier1Gateway, EgressGateway and the
// EastWestGateway entries of WorkspaceSetting (the unified Gateway is in gatewayUnified.ts).
import { CLUSTER_DESTINATION, CONFIG_GEN_META, SERVER_TLS, SERVICE_SELECTOR, WORKLOAD_SELECTOR } from './common';
import { arr, def, deprecated, obj, serverPort, str, strs, use } from './dsl';
import {
  CORS,
  DIRECT_RESPONSE,
  gatewayBase,
  HTTP_MATCH,
  MODIFY,
  REDIRECT,
  ROUTE,
  RULE_ALTERNATIVES,
  serverCommon,
} from './gatewayCommon';
import { AUTHENTICATION, AUTHORIZATION, AUTHORIZATION_SETTINGS } from './security';
import { RATE_LIMITING } from './rateLimiting';

export const EAST_WEST_GATEWAY = def(
  'EastWestGateway',
  obj(
    "An east-west gateway that exposes this workspace's services to other clusters (the prerequisite for cross-cluster failover).",
    {
      workloadSelector: use(
        WORKLOAD_SELECTOR,
        'The east-west gateway pods: the namespace of the gateway install CR and its pod labels (normally `app: <install CR name>`).',
      ),
      exposedServices: arr(
        use(SERVICE_SELECTOR, 'Services with these Kubernetes Service labels.'),
        'Services exposed through this gateway (entries are OR-ed). Omit to expose every service of the workspace.',
      ),
      configGenerationMetadata: use(
        CONFIG_GEN_META,
        'Labels/annotations for generated Istio objects (gRPC users only).',
      ),
    },
    {
      required: ['workloadSelector'],
      extra: {
        defaultSnippets: [
          {
            label: 'east-west gateway',
            body: {
              workloadSelector: { namespace: '${1:eastwest}', labels: { app: '${2:eastwest-gateway}' } },
              exposedServices: [{ serviceLabels: { app: '${3:details}' } }],
            },
          },
        ],
      },
    },
  ),
);

const oldAuthn = obj('Legacy authentication block.', {
  jwt: obj(
    'JWT authentication.',
    {
      issuer: str('Token issuer.'),
      audiences: strs('Accepted audiences.'),
      jwksUri: str('URL of the key set.'),
      jwks: str('Inline key set.'),
    },
    { required: ['issuer'], oneofs: [['jwksUri', 'jwks']] },
  ),
});

const INGRESS_HTTP = obj(
  'An HTTP(S) server.',
  {
    ...serverCommon('server'),
    port: serverPort('Port the server listens on (not 15443, which TSB reserves).'),
    tls: use(SERVER_TLS, 'TLS settings; omit for plain HTTP.'),
    routing: obj(
      'Routing rules.',
      {
        rules: arr(
          obj(
            'A routing rule: match conditions and exactly one of route, redirect or directResponse.',
            {
              match: arr(use(HTTP_MATCH, 'A match condition.'), 'Match conditions (OR-ed); all requests when empty.'),
              modify: use(MODIFY, 'Changes made before forwarding.'),
              route: ROUTE,
              redirect: use(REDIRECT, 'Redirect the client.'),
              directResponse: use(DIRECT_RESPONSE, 'Return a fixed response.'),
            },
            { exactlyOne: [RULE_ALTERNATIVES] },
          ),
          'Routing rules, evaluated in order.',
          { minItems: 1 },
        ),
        corsPolicy: use(CORS, 'CORS policy for all routes.'),
      },
      { required: ['rules'] },
    ),
    authentication: use(AUTHENTICATION, 'End-user authentication (use with TLS).'),
    authorization: use(AUTHORIZATION, 'End-user authorization (use with TLS).'),
    rateLimiting: use(RATE_LIMITING, 'Rate limiting for this server.'),
    xxxOldAuthentication: deprecated(oldAuthn, 'Use authentication instead.'),
    xxxOldAuthorization: deprecated(use(AUTHORIZATION, 'Legacy authorization block.'), 'Use authorization instead.'),
  },
  { required: ['name', 'hostname', 'port', 'routing'] },
);

export const INGRESS_GATEWAY_SPEC = obj(
  'Configuration of an ingress (tier-2) gateway: HTTP, TCP and TLS passthrough servers.',
  {
    ...gatewayBase,
    http: arr(INGRESS_HTTP, 'HTTP(S) servers.'),
    tcp: arr(
      obj(
        'A TCP server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings; omit for plain TCP.'),
          route: ROUTE,
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TCP servers.',
    ),
    tlsPassthrough: arr(
      obj(
        'A TLS passthrough server (routes by SNI without terminating TLS).',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          route: ROUTE,
        },
        { required: ['name', 'hostname', 'port', 'route'] },
      ),
      'TLS passthrough servers.',
    ),
  },
  { required: ['workloadSelector'] },
);

const clusters = () =>
  arr(use(CLUSTER_DESTINATION, 'A cluster.'), 'Clusters whose tier-2 gateways receive the traffic.');

export const TIER1_GATEWAY_SPEC = obj(
  'Configuration of a tier-1 gateway that forwards to tier-2 gateways in other clusters over mTLS (15443).',
  {
    ...gatewayBase,
    externalServers: arr(
      obj(
        'A server that terminates TLS and forwards to the tier-2 gateways of `clusters`.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          clusters: clusters(),
          redirect: use(REDIRECT, 'Redirect instead of forwarding.'),
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
          rateLimiting: use(RATE_LIMITING, 'Rate limiting.'),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'Servers exposed outside the mesh.',
    ),
    passthroughServers: arr(
      obj(
        'A server that forwards by SNI without terminating TLS.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TLS passthrough servers.',
    ),
    internalServers: arr(
      obj(
        'A server exposing a host inside the mesh.',
        {
          ...serverCommon('server'),
          clusters: clusters(),
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
        },
        { required: ['name', 'hostname'] },
      ),
      'Servers exposed inside the mesh.',
    ),
    tcpExternalServers: arr(
      obj(
        'A TCP server exposed outside the mesh.',
        {
          ...serverCommon('server'),
          port: serverPort('Port the server listens on (not 15443).'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname', 'port'] },
      ),
      'TCP servers exposed outside the mesh.',
    ),
    tcpInternalServers: arr(
      obj(
        'A TCP server exposed inside the mesh.',
        {
          ...serverCommon('server'),
          clusters: clusters(),
        },
        { required: ['name', 'hostname'] },
      ),
      'TCP servers exposed inside the mesh.',
    ),
  },
  { required: ['workloadSelector'] },
);

const { waf: _egressWaf, ...egressBase } = gatewayBase;

export const EGRESS_GATEWAY_SPEC = obj(
  'Configuration of an egress gateway: which workloads may reach which external hosts.',
  {
    ...egressBase,
    authorization: arr(
      obj(
        'Allow some workloads to reach some hosts.',
        {
          from: use(AUTHORIZATION_SETTINGS, 'Workloads allowed (service accounts as `<namespace>/<sa>`).'),
          to: strs('External hostnames (`*` = any).'),
        },
        { required: ['to'] },
      ),
      'Egress authorization; an empty list denies all egress traffic.',
    ),
  },
  { required: ['workloadSelector'] },
);
