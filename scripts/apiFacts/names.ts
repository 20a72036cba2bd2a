// Protobuf names. protoc-gen-go builds a Go field name from the proto field name (GoCamelCase); the
// JSON name is the proto name with each `_` dropped and the next character upper-cased. From the
// Go name the JSON name follows: `DefaultWorkloadCert_TTL` -> `defaultWorkloadCertTTL`,
// `Consecutive_5Xx` -> `consecutive5xx` (GoCamelCase upper-cases the letter after a digit run that
// followed `_`), `CNI` -> `CNI` (a name that starts with two capitals was written so in the proto).

export function jsonNameOfGo(go: string): string {
  let s = go.replace(/_(\d+)([A-Z])(?=[a-z]|$)/g, (_m, d: string, c: string) => d + c.toLowerCase()).replace(/_/g, '');
  if (!/^[A-Z]{2}/.test(s)) s = s.charAt(0).toLowerCase() + s.slice(1);
  return s;
}

/** Case- and underscore-insensitive form, to match terraform snake_case and pulumi camelCase names. */
export function normName(s: string): string {
  return s.toLowerCase().replace(/_/g, '');
}
