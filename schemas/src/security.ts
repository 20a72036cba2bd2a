// security.tsb.tetrate.io/v2: SecuritySetting, ServiceSecuritySetting, plus the Authentication /
// Authorization messages gateways reuse.
import { CLIENT_TLS, CONFIG_GEN_META, human, WAF, WASM_ATTACHMENT } from './common';
import { arr, bool, def, deprecated, duration, enumOf, mapOf, obj, str, strs, use } from './dsl';

const JWT = def(
  'JWT',
  obj(
    'Authenticate requests with a JSON Web Token.',
    {
      issuer: str('Issuer of the JWT (`iss` claim); tokens from other issuers are rejected.'),
      audiences: strs('Accepted audiences (`aud` claim). The service name is accepted when empty.'),
      jwksUri: str("URL of the provider's public key set used to verify the signature."),
      jwks: str('Inline JSON Web Key Set used to verify the signature.'),
      fromHeaders: arr(
        obj(
          'A header the token is read from.',
          {
            name: str('HTTP header name.'),
            prefix: str('Prefix stripped before decoding, e.g. `Bearer ` (with the trailing space).'),
          },
          { required: ['name'] },
        ),
        'Headers the token is read from (default: Authorization Bearer, then the access_token query parameter).',
      ),
      fromCookies: strs('Cookies the token is read from.'),
      outputPayloadToHeader: str('Header that receives the verified payload (base64 JSON).'),
      outputClaimToHeaders: arr(
        obj(
          'Copy one claim to a header.',
          {
            claim: str('Claim name (nested claims with dots).'),
            header: str('Header to create.'),
          },
          { required: ['claim', 'header'] },
        ),
        'Copy individual claims to request headers (experimental).',
      ),
    },
    { required: ['issuer'], oneofs: [['jwksUri', 'jwks']] },
  ),
);

export const AUTHENTICATION = def(
  'Authentication',
  obj(
    'End-user (origin) authentication of HTTP requests: JWT or OIDC.',
    {
      jwt: use(JWT, 'Authenticate with a single JWT provider.'),
      rules: obj('Several JWT providers.', {
        jwt: arr(use(JWT, 'A JWT provider.'), 'JWT providers; a token from any of them is accepted.'),
      }),
      oidc: obj(
        'Authenticate through an external OpenID Connect provider.',
        {
          clientId: str('OIDC client id.'),
          clientTokenSecret: str('Kubernetes secret holding the client secret.'),
          redirectUri: str('Redirect URI registered with the provider.'),
          provider: obj(
            'The OIDC provider.',
            {
              issuer: str('Issuer URL of the provider.'),
              authorizationEndpoint: str('Authorization endpoint (discovered from the issuer when omitted).'),
              tokenEndpoint: str('Token endpoint (discovered from the issuer when omitted).'),
              jwksUri: str('URL of the JSON Web Key Set.'),
              jwks: str('Inline JSON Web Key Set.'),
              tls: use(CLIENT_TLS, 'TLS settings for calls to the provider.'),
            },
            { required: ['issuer'], oneofs: [['jwksUri', 'jwks']] },
          ),
          authScopes: strs('OAuth scopes requested.'),
          authType: enumOf(
            ['DEFAULT_AUTH_TYPE', 'URL_ENCODED_BODY', 'BASIC_AUTH'],
            'How client credentials are sent to the token endpoint.',
          ),
          grantType: enumOf(['DEFAULT_GRANT_TYPE', 'AUTHORIZATION_CODE'], 'OAuth grant type.'),
          redirectPathMatcher: str('Path that matches the redirect URI callback.'),
          signoutPath: str('Path that signs the user out.'),
          useRefreshToken: bool('Whether to use refresh tokens.'),
        },
        { required: ['clientId', 'clientTokenSecret', 'redirectUri', 'provider'] },
      ),
      requireJwt: bool(
        'When true a valid JWT is mandatory (401 otherwise); needs `enableJwtAuthenticationRequireJwtTokenSetting` on the ControlPlane.',
      ),
    },
    { oneofs: [['jwt', 'rules']] },
  ),
);

export const AUTHORIZATION = def(
  'Authorization',
  obj(
    'Authorization of end-user HTTP requests: an external authorization service or local rules on JWT claims.',
    {
      external: obj('An external authorization service (ext_authz).', {
        uri: str('URI of the authorization service, e.g. `grpc://authz.ns.svc.cluster.local:9000`.'),
        includeRequestHeaders: strs('Request headers sent to the authorization service.'),
        allowedUpstreamHeaders: strs('Headers from the authorization response added to the upstream request.'),
        pathPrefix: str('Prefix added to the path sent to an HTTP authorization service.'),
        timeout: duration('Timeout of the authorization call.'),
        tls: use(CLIENT_TLS, 'TLS settings for calls to the authorization service.'),
      }),
      local: obj('Local rules on JWT claims.', {
        rules: arr(
          obj(
            'A named authorization rule.',
            {
              name: str('Name of the rule.'),
              from: arr(
                obj('A request subject.', {
                  jwt: obj('JWT claims the request must carry.', {
                    iss: str('Issuer claim.'),
                    sub: str('Subject claim.'),
                    other: mapOf('Other claims and their required values.'),
                  }),
                }),
                'Subjects allowed by the rule.',
              ),
              to: arr(
                obj('HTTP operations.', {
                  methods: strs('HTTP methods.'),
                  paths: strs('HTTP paths.'),
                }),
                'Operations allowed by the rule.',
              ),
            },
            { required: ['name'] },
          ),
          'Authorization rules (a request is allowed when any rule matches).',
        ),
      }),
    },
    { oneofs: [['external', 'local']] },
  ),
);

// Rule_From / Rule_To: only `fqn` is evidenced in public YAML, so other keys stay allowed.
const RULE_TARGET = (what: string) => ({
  type: 'object',
  description: `${what} of an authorization rule (a TSB resource named by its FQN).`,
  properties: {
    fqn: str(
      'FQN of an organization, tenant, workspace, group or security domain, e.g. `organizations/o/tenants/t/workspaces/w`.',
    ),
  },
});

export const AUTHORIZATION_SETTINGS = def(
  'AuthorizationSettings',
  obj('Which workloads may call the proxies: by scope, by service account or by rules.', {
    mode: enumOf(
      ['UNSET', 'NAMESPACE', 'GROUP', 'WORKSPACE', 'CLUSTER', 'DISABLED', 'CUSTOM', 'RULES'],
      'Who may call: same NAMESPACE, GROUP, WORKSPACE or CLUSTER; DISABLED (no checks); CUSTOM (`serviceAccounts`); RULES (`rules`).',
    ),
    serviceAccounts: strs(
      'With mode CUSTOM: allowed service accounts as `<namespace>/<service-account>` (`./*`, `ns1/*`, `ns1/sa`).',
    ),
    rules: obj('With mode RULES: allow and deny rules between TSB resources.', {
      allow: arr(
        obj(
          'An allow rule.',
          { from: RULE_TARGET('Source'), to: RULE_TARGET('Destination') },
          { required: ['from', 'to'] },
        ),
        'Allowed source/destination pairs.',
      ),
      deny: arr(
        obj(
          'A deny rule.',
          { from: RULE_TARGET('Source'), to: RULE_TARGET('Destination') },
          { required: ['from', 'to'] },
        ),
        'Denied source/destination pairs.',
      ),
      denyAll: bool('Deny everything not explicitly allowed.'),
    }),
    http: use(AUTHORIZATION, 'End-user authorization of HTTP requests.'),
    identityMatch: enumOf(
      ['UNKNOWN', 'PEER_CERTIFICATE', 'PERMISSIVE', 'SOURCE_IDENTITY'],
      'Which identity is matched: the peer certificate, the source identity, or either (PERMISSIVE).',
    ),
  }),
);

const AUTH_MODE = ['UNSET', 'OPTIONAL', 'REQUIRED'];

const securityProps = {
  ...human,
  configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
  authentication: deprecated(
    enumOf(AUTH_MODE, 'Whether proxies accept only mTLS (REQUIRED) or also plain text (OPTIONAL).'),
    'Use authenticationSettings.trafficMode instead.',
  ),
  authenticationSettings: obj('Workload-to-workload (mTLS) and end-user authentication.', {
    trafficMode: enumOf(AUTH_MODE, 'REQUIRED accepts only mTLS traffic; OPTIONAL accepts mTLS and plain text.'),
    http: use(AUTHENTICATION, 'End-user (JWT/OIDC) authentication of HTTP requests.'),
  }),
  authorization: use(AUTHORIZATION_SETTINGS, 'Which workloads may call the proxies.'),
  propagationStrategy: enumOf(
    ['REPLACE', 'STRICTER'],
    'REPLACE (default): a lower level replaces this setting. STRICTER: children may only narrow it.',
  ),
  extension: arr(
    use(WASM_ATTACHMENT, 'A WasmExtension attachment.'),
    'WasmExtensions applied to the proxies, with their configuration.',
  ),
  waf: use(WAF, 'Web application firewall settings (alpha).'),
};

export const SECURITY_SETTING_SPEC = def(
  'SecuritySettingSpec',
  obj('Security settings (mTLS, authorization, extensions) for the proxies in scope.', securityProps),
);

export const SERVICE_SECURITY_SETTING_SPEC = obj(
  'Security settings for one service, optionally per subset.',
  {
    ...human,
    configGenerationMetadata: use(CONFIG_GEN_META, 'Labels/annotations for generated Istio objects (gRPC users only).'),
    service: str('The service, as `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`.', {
      pattern: '^[^/]+/[^/]+$',
      patternErrorMessage: 'Use `<namespace>/<fqdn>`, e.g. `bookinfo/reviews.bookinfo.svc.cluster.local`.',
    }),
    settings: use(SECURITY_SETTING_SPEC, 'Security settings for the whole service.'),
    subsets: arr(
      obj(
        'Settings for one subset of the service.',
        {
          name: str('Subset name; must match a subset of the ServiceRoute for the same service.', { minLength: 1 }),
          settings: use(SECURITY_SETTING_SPEC, 'Security settings for this subset.'),
        },
        { required: ['name', 'settings'] },
      ),
      'Per-subset security settings.',
    ),
  },
  { required: ['service'] },
);
