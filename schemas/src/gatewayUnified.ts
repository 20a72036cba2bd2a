// The unified Gateway kind (gateway.tsb.tetrate.io/v2 Gateway): ingress, tier-1, egress or transit
// servers in one resource, with route targets, extensions and egress authorization of its own.
import {
  CLIENT_TLS,
  CLUSTER_DESTINATION,
  FAILOVER_SETTINGS,
  SERVER_TLS,
  STRING_MATCH,
  WASM_ATTACHMENT,
} from './common';
import {
  anyValue,
  arr,
  bool,
  def,
  deprecated,
  duration,
  enumOf,
  int,
  obj,
  port,
  serverPort,
  str,
  strs,
  use,
} from './dsl';
import {
  CORS,
  DIRECT_RESPONSE,
  gatewayBase,
  HTTP_MATCH,
  MODIFY,
  NS_FQDN,
  REDIRECT,
  RULE_ALTERNATIVES,
  serverCommon,
} from './gatewayCommon';
import { AUTHENTICATION, AUTHORIZATION } from './security';
import { RATE_LIMITING } from './rateLimiting';

const ROUTE_TO = def(
  'RouteTo',
  obj(
    'Where traffic goes: a service, or the gateways of some clusters (one of them).',
    {
      serviceDestination: obj(
        'Forward to a service.',
        {
          host: str('Destination as `<namespace>/<fqdn>`.', NS_FQDN),
          port: port('Destination port.'),
          tls: use(CLIENT_TLS, 'TLS settings towards the service.'),
        },
        { required: ['host'] },
      ),
      clusterDestination: obj('Forward to the gateways of some clusters (tier-1 behaviour).', {
        clusters: arr(
          use(CLUSTER_DESTINATION, 'A cluster.'),
          'Clusters; an empty list means any cluster exposing the host.',
        ),
      }),
    },
    { oneofs: [['clusterDestination', 'serviceDestination']] },
  ),
);

const pluginConfig = (alts: string[]) => {
  const props: Record<string, ReturnType<typeof str>> = {
    inline: anyValue('Inline plugin configuration (any YAML).'),
    secret: str('Kubernetes secret with the plugin configuration.'),
    configMap: str('ConfigMap with the plugin configuration.'),
  };
  return obj('Plugin configuration source.', Object.fromEntries(alts.map((a) => [a, props[a]])), { oneofs: [alts] });
};

const EXTENSIONS = def(
  'Extensions',
  obj('Gateway extensions (Composer or Kong plugins).', {
    composer: obj('Tetrate Composer plugins (Lua/Go).', {
      plugins: arr(
        obj(
          'A plugin.',
          {
            name: str('Plugin name.'),
            url: str('Plugin location.'),
            priority: int('Execution priority.'),
            config: pluginConfig(['inline', 'secret', 'configMap']),
          },
          { required: ['name'] },
        ),
        'Plugins.',
      ),
    }),
    kong: obj('Kong plugins.', {
      plugins: arr(
        obj(
          'A plugin.',
          {
            name: str('Plugin name.'),
            priority: int('Execution priority.'),
            config: pluginConfig(['inline', 'secret']),
            pluginSource: obj(
              'Where the plugin code is.',
              { configMap: str('ConfigMap with the plugin code.') },
              { required: ['configMap'] },
            ),
          },
          { required: ['name'] },
        ),
        'Plugins.',
      ),
    }),
  }),
);

const TRAFFIC_MODE = enumOf(
  ['AUTO', 'INGRESS', 'EGRESS', 'TRANSIT'],
  'How the server handles traffic (auto-detected when unset). A TRANSIT server must not set `tls` or `port`.',
);
const TRANSIT = deprecated(
  bool('Expose the server inside the mesh only (transit between clusters).'),
  'Use trafficMode: TRANSIT instead.',
);

// The unified Gateway attaches WasmExtensions with `wasmPlugins`; it has no `extension` field.
const { extension: _unifiedExtension, ...unifiedBase } = gatewayBase;

export const GATEWAY_SPEC = obj(
  'Configuration of a unified gateway (ingress, tier-1, egress or transit); the recommended replacement for IngressGateway and Tier1Gateway.',
  {
    ...unifiedBase,
    wasmPlugins: arr(use(WASM_ATTACHMENT, 'A WasmExtension attachment.'), 'WasmExtensions applied to the gateway.'),
    http: arr(
      obj(
        'An HTTP(S) server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod (e.g. 8443 or 443); not 15443.'),
          tls: use(SERVER_TLS, 'TLS settings; omit for plain HTTP.'),
          routing: obj(
            'Routing rules.',
            {
              rules: arr(
                obj(
                  'A routing rule: match conditions and exactly one of route, redirect or directResponse.',
                  {
                    match: arr(use(HTTP_MATCH, 'A match condition.'), 'Match conditions (OR-ed).'),
                    modify: use(MODIFY, 'Changes made before forwarding.'),
                    route: use(ROUTE_TO, 'Forward the request.'),
                    redirect: use(REDIRECT, 'Redirect the client.'),
                    directResponse: use(DIRECT_RESPONSE, 'Return a fixed response.'),
                    corsPolicy: use(CORS, 'CORS policy for this route (overrides the server one).'),
                    timeout: duration('Request timeout for this route.'),
                    disableExternalAuthorization: bool('Skip external authorization on this route.'),
                    extensions: use(EXTENSIONS, 'Extensions for this route.'),
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
          authentication: use(AUTHENTICATION, 'End-user authentication.'),
          authorization: use(AUTHORIZATION, 'End-user authorization.'),
          rateLimiting: use(RATE_LIMITING, 'Rate limiting.'),
          extensions: use(EXTENSIONS, 'Extensions for this hostname.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings for clients of this host.'),
          openapi: obj('OpenAPI request validation.', {
            validation: obj('Validation settings.', {
              enabled: bool('Validate requests against the OpenAPI spec.'),
              pathPrefix: str('Path prefix of the API.'),
            }),
          }),
          trafficMode: TRAFFIC_MODE,
          transit: TRANSIT,
        },
        { required: ['name', 'hostname', 'routing'] },
      ),
      'HTTP(S) servers.',
    ),
    tcp: arr(
      obj(
        'A TCP server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod; not 15443.'),
          tls: use(SERVER_TLS, 'TLS settings.'),
          route: use(ROUTE_TO, 'Where the traffic goes.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings.'),
          trafficMode: TRAFFIC_MODE,
          transit: TRANSIT,
        },
        { required: ['name', 'hostname', 'route'] },
      ),
      'TCP servers.',
    ),
    tls: arr(
      obj(
        'A TLS passthrough server.',
        {
          ...serverCommon('server'),
          port: serverPort('Port on the gateway pod; not 15443.'),
          route: use(ROUTE_TO, 'Where the traffic goes.'),
          failoverSettings: use(FAILOVER_SETTINGS, 'Failover settings.'),
        },
        { required: ['name', 'hostname', 'port', 'route'] },
      ),
      'TLS passthrough servers.',
    ),
    egressAuthorization: arr(
      obj(
        'Allow some workloads to reach some external hosts.',
        {
          from: obj('Workloads allowed to reach the hosts.', {
            mode: enumOf(
              ['UNSET', 'NAMESPACE', 'GROUP', 'WORKSPACE', 'CLUSTER', 'SERVICE_ACCOUNT'],
              'Which workloads: same NAMESPACE, GROUP, WORKSPACE or CLUSTER, or the listed SERVICE_ACCOUNTs.',
            ),
            serviceAccounts: strs('With mode SERVICE_ACCOUNT: service accounts as `<namespace>/<service-account>`.'),
            resources: strs('FQNs of TSB resources whose workloads are allowed.'),
          }),
          to: arr(
            obj(
              'A destination host.',
              {
                host: use(STRING_MATCH, 'Host match.'),
                methods: strs('Allowed HTTP methods.'),
                paths: strs('Allowed paths.'),
              },
              { required: ['host'] },
            ),
            'Destinations.',
          ),
          identityMatch: enumOf(
            ['UNKNOWN', 'PEER_CERTIFICATE', 'PERMISSIVE', 'SOURCE_IDENTITY'],
            'Which identity is matched.',
          ),
        },
        { required: ['to'] },
      ),
      'Egress authorization rules.',
    ),
  },
  { required: ['workloadSelector'] },
);
