// Pieces shared by the gateway kinds: HTTP match/modify/redirect/response definitions, the
// `<namespace>/<fqdn>` route target and the fields every gateway spec starts with.
import { CONFIG_GEN_META, human, STRING_MATCH, WAF, WASM_ATTACHMENT, WORKLOAD_SELECTOR } from './common';
import { arr, bool, def, duration, int, mapOf, obj, port, str, strs, use } from './dsl';
import { HEADER_MATCH } from './headerMatch';

export const NS_FQDN = {
  pattern: '^[^/]+/[^/]+$',
  patternErrorMessage: 'Use `<namespace>/<fqdn>`, e.g. `bookinfo/productpage.bookinfo.svc.cluster.local`.',
};

export const HEADER_OPS = def(
  'HeaderOperations',
  obj('Header operations.', {
    add: mapOf('Headers appended.'),
    set: mapOf('Headers set (overwritten).'),
    remove: strs('Headers removed.'),
  }),
);

export const HTTP_MATCH = def(
  'HttpMatchCondition',
  obj('A request match (conditions inside one entry are AND-ed).', {
    uri: use(STRING_MATCH, 'URI match.'),
    headers: {
      type: 'object',
      additionalProperties: use(HEADER_MATCH, 'Match for this header.'),
      description: 'Header matches (all must match).',
    },
  }),
);

export const MODIFY = def(
  'HttpModifyAction',
  obj('Changes made to the request before forwarding.', {
    rewrite: obj('Rewrite the URI or authority.', {
      uri: str('New URI (prefix).'),
      authority: str('New authority (Host header).'),
    }),
    headers: obj('Add, set or remove headers.', {
      request: use(HEADER_OPS, 'Request header operations.'),
      response: use(HEADER_OPS, 'Response header operations.'),
    }),
  }),
);

export const REDIRECT = def(
  'Redirect',
  obj('Redirect the client.', {
    uri: str('New URI.'),
    authority: str('New authority (host).'),
    port: port('New port.'),
    scheme: str('New scheme (http or https).'),
    redirectCode: int('HTTP status code (default 301).'),
  }),
);

export const DIRECT_RESPONSE = def(
  'HTTPDirectResponse',
  obj(
    'Return a fixed response.',
    {
      status: int('HTTP status code.'),
      body: obj(
        'Response body (`string` or `bytes`).',
        {
          string: str('Body as text.'),
          bytes: str('Body as base64-encoded bytes.'),
        },
        { oneofs: [['string', 'bytes']] },
      ),
    },
    { required: ['status'] },
  ),
);

export const CORS = def(
  'CorsPolicy',
  obj('Cross-origin resource sharing policy.', {
    allowOrigin: strs('Allowed origins (`*` allows all).'),
    allowMethods: strs('Allowed methods.'),
    allowHeaders: strs('Allowed request headers.'),
    exposeHeaders: strs('Headers browsers may read.'),
    maxAge: duration('How long preflight results may be cached.'),
    allowCredentials: bool('Whether credentials are allowed.'),
  }),
);

export const ROUTE = obj(
  'Forward to a service.',
  {
    host: str('Destination as `<namespace>/<fqdn>`, e.g. `bookinfo/productpage.bookinfo.svc.cluster.local`.', NS_FQDN),
    port: port('Destination port; may be omitted only if the service has a single port.'),
  },
  { required: ['host'] },
);

export const RULE_ALTERNATIVES = ['route', 'redirect', 'directResponse'];

export const serverCommon = (what: string) => ({
  name: str(`Name of the ${what}, unique across all servers of the gateway (visible in metrics).`, { minLength: 1 }),
  hostname: str('Hostname clients use; must be unique across the gateways of a cluster for multi-cluster routing.', {
    minLength: 1,
  }),
});

export const gatewayBase = {
  ...human,
  configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
  workloadSelector: use(
    WORKLOAD_SELECTOR,
    'The gateway pods this configuration applies to: the namespace of the gateway install CR and its pod labels (normally `app: <install CR name>`).',
  ),
  extension: arr(use(WASM_ATTACHMENT, 'A WasmExtension attachment.'), 'WasmExtensions applied to the gateway.'),
  waf: use(WAF, 'Web application firewall settings (alpha).'),
};
