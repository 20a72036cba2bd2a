import { defineRule } from './types';

export default defineRule({
  id: 'port-protocol-unknown',
  severity: 'warning',
  scope: 'cross-file',
  fixable: true,
  description:
    'A Service port with no protocol (`name: http…`/`grpc…` or `appProtocol`) behind a TSB gateway route or ServiceRoute.',
  explanation: `Istio takes a port's protocol from its name (\`http\`, \`http-web\`, \`grpc\`, \`tcp\`, ...) or from
\`appProtocol\`. A port with neither is left to protocol sniffing: HTTP features that TSB configures for the
service (gateway HTTP routes, ServiceRoute subsets and HTTP routes, retries, timeouts) apply only when
sniffing succeeds, and server-first protocols are treated as opaque TCP. Reported only for Services a gateway
route or a ServiceRoute sends traffic to. When the TSB configuration says the protocol (an HTTP route, a
\`trafficType\`), the quick fix names the port accordingly.`,
  bad: `kind: Service
spec:
  ports:
    - port: 9080
      name: web`,
  good: `kind: Service
spec:
  ports:
    - port: 9080
      name: http-web`,
});
