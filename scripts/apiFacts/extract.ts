// `npm run api-facts -- <terraform-provider-tsb git dir> <pulumi-tsb git dir>`: extracts the TSB API facts
// (messages, fields with their exact protobuf JSON names, types, enums, required-ness, oneofs) from the
// public code generated from the TSB protos, and writes data/tsb-api/api.json. Nothing of those
// repositories is copied but these facts; the schema test and the schema source read the JSON.
//
// terraform-provider-tsb (internal/provider/models_gen.go) gives the structure: every proto message
// with its Go field names (the exact JSON names follow from them), the Go type of each field (scalar,
// enum, wrapper, Duration, Struct, nested message) and the oneof groups. pulumi-tsb (sdk/types/input.ts,
// sdk/types/enums, generated from a later revision of the protos) gives enum values, required-ness,
// descriptions, and the fields added after the terraform snapshot.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { jsonNameOfGo, normName } from './names';
import { docOf, type PuProp, parseInterfaces, puType } from './pulumiSource';
import type { ApiFacts, FieldFact, FieldType, MessageFact } from './types';

const [tfDir, puDir, outArg] = process.argv.slice(2);
if (!tfDir || !puDir) {
  console.error('usage: extract <terraform-provider-tsb git dir> <pulumi-tsb git dir> [out.json]');
  process.exit(2);
}
const out = resolve(outArg ?? resolve(__dirname, '../../data/tsb-api/api.json'));

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const show = (dir: string, path: string): string => git(dir, 'show', `HEAD:${path}`);
const ls = (dir: string): string[] => git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean);

// ---- terraform: models_gen.go -------------------------------------------------------------------

interface ModelField {
  go: string;
  tfType: string;
  tf: string;
}
const models = new Map<string, ModelField[]>();
/** model name -> [proto message key, body] */
const expands = new Map<string, { proto: string; body: string[] }>();
const goSrc = show(tfDir, 'internal/provider/models_gen.go');
const imports = new Map<string, string>();
for (const m of goSrc.matchAll(/^\t(\w+) "([^"]+)"$/gm)) imports.set(m[1]!, m[2]!);

/** A Go package alias + type -> our message key, e.g. v29 + TrafficSetting -> tsb/traffic/v2.TrafficSetting. */
function protoKey(alias: string, type: string): string {
  const path = imports.get(alias) ?? alias;
  const short = path
    .replace(/^github\.com\/tetrateio\/tetrate\/api\//, '')
    .replace(/^google\.golang\.org\/protobuf\/types\/known\//, 'google/');
  return `${short}.${type}`;
}

{
  const lines = goSrc.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = /^type (\w+)Model struct \{$/.exec(lines[i]!);
    if (t) {
      const fields: ModelField[] = [];
      for (i++; lines[i] !== '}'; i++) {
        const f = /^\t(\w+)\s+(\S+)\s+`tfsdk:"(\w+)"`/.exec(lines[i]!);
        if (f) fields.push({ go: f[1]!, tfType: f[2]!, tf: f[3]! });
      }
      models.set(t[1]!, fields);
      continue;
    }
    const e =
      /^func expand(\w+)\(ctx context\.Context, m \*(\w+)Model\) \(\*(\w+)\.(\w+), diag\.Diagnostics\) \{$/.exec(
        lines[i]!,
      );
    if (e) {
      const body: string[] = [];
      for (i++; lines[i] !== '}'; i++) body.push(lines[i]!);
      expands.set(e[2]!, { proto: protoKey(e[3]!, e[4]!), body });
    }
  }
}

const WRAPPERS: Record<string, FieldType> = {
  'google/wrapperspb.BoolValue': 'bool',
  'google/wrapperspb.StringValue': 'string',
  'google/wrapperspb.UInt32Value': 'uint32',
  'google/wrapperspb.Int32Value': 'int32',
  'google/wrapperspb.UInt64Value': 'uint64',
  'google/wrapperspb.Int64Value': 'int64',
  'google/wrapperspb.DoubleValue': 'double',
  'google/wrapperspb.FloatValue': 'double',
};
const WELL_KNOWN: Record<string, FieldType> = {
  'google/durationpb.Duration': 'duration',
  'google/timestamppb.Timestamp': 'timestamp',
  'google/structpb.Struct': 'struct',
  'google/structpb.Value': 'value',
  'google/anypb.Any': 'any',
};

/** Splits an expand body into its top-level statements (one tab of indentation starts one). */
function statements(body: string[]): string[] {
  const out: string[] = [];
  for (const line of body) {
    if (/^\t\S/.test(line) && !/^\t\}/.test(line)) out.push(line);
    else if (out.length) out[out.length - 1] += '\n' + line;
  }
  return out;
}

interface Raw {
  json: string;
  go: string;
  tf: string;
  fact: FieldFact;
  goEnum?: string;
  model?: string;
}
const messages = new Map<string, { raw: Raw[]; model: string }>();

for (const [model, { proto, body }] of expands) {
  if (messages.has(proto)) continue;
  const fields = models.get(model) ?? [];
  const byGo = new Map(fields.map((f) => [f.go, f]));
  const raw: Raw[] = [];
  for (const st of statements(body)) {
    const mf = /\bm\.(\w+)/.exec(st)?.[1];
    const field = mf ? byGo.get(mf) : undefined;
    if (!field) continue;
    let goName: string | undefined;
    let oneof: string | undefined;
    const one = /out\.(\w+) = &(\w+)\.\w+\{(\w+): /.exec(st);
    if (one) [oneof, goName] = [one[1], one[3]];
    else goName = /out\.(\w+)(?: =|\[| = append)/.exec(st)?.[1] ?? /&out\.(\w+)/.exec(st)?.[1];
    if (!goName) continue;
    const fact: FieldFact = { type: 'string' };
    let goEnum: string | undefined;
    let sub: string | undefined;
    const exp = /expand(\w+)\(ctx, &?m\.\w+(\[i\])?\)/.exec(st) ?? /expand(\w+)\(ctx, &ev\)/.exec(st);
    const en = /(\w+)\.(\w+)\(\1\.\2_value\[/.exec(st);
    if (/structpb\.Struct\{\}/.test(st)) fact.type = 'struct';
    else if (/structpb\.Value\{\}/.test(st)) fact.type = 'value';
    else if (/anypb\.Any\{\}/.test(st)) fact.type = 'any';
    else if (en) {
      fact.type = 'enum';
      goEnum = `${en[1]}.${en[2]}`;
      fact.ref = protoKey(en[1]!, en[2]!);
    } else if (exp) {
      const target = expands.get(exp[1]!) ? exp[1]! : undefined;
      const key = target ? expands.get(target)!.proto : `?${exp[1]}`;
      if (WRAPPERS[key]) {
        fact.type = WRAPPERS[key]!;
        fact.wrapper = true;
      } else if (WELL_KNOWN[key]) fact.type = WELL_KNOWN[key]!;
      else if (/\.IntOrString$/.test(key)) fact.type = 'intOrString';
      else {
        fact.type = 'message';
        fact.ref = key;
        sub = target;
      }
    } else if (/ValueBool\(\)/.test(st)) fact.type = 'bool';
    else if (/uint32\(/.test(st)) fact.type = 'uint32';
    else if (/int32\(/.test(st)) fact.type = 'int32';
    else if (/int64\(/.test(st)) fact.type = 'int64';
    else if (/uint64\(/.test(st)) fact.type = 'uint64';
    else if (/ValueFloat64\(\)/.test(st)) fact.type = 'double';
    else if (/ElementsAs/.test(st))
      fact.type = /uint32\(tmp/.test(st) ? 'uint32' : /int32\(tmp/.test(st) ? 'int32' : 'string';
    if (/\[\]\w*Model|types\.List/.test(field.tfType) || / = append\(/.test(st)) fact.list = true;
    if (/^map\[|types\.Map/.test(field.tfType)) fact.map = true;
    if (oneof) fact.oneof = oneof;
    if (/\n\t\tv := /.test(st) && / = &v/.test(st)) fact.optional = true;
    raw.push({
      json: jsonNameOfGo(goName),
      go: goName,
      tf: field.tf,
      fact,
      ...(goEnum ? { goEnum } : {}),
      ...(sub ? { model: sub } : {}),
    });
  }
  messages.set(proto, { raw, model });
}

// Resources: tsb_<name> -> root message.
const kinds: ApiFacts['kinds'] = [];
for (const path of ls(tfDir).filter((p) => /^internal\/provider\/\w+_resource(_gen)?\.go$/.test(p))) {
  const src = show(tfDir, path);
  const type = /ProviderTypeName \+ "_(\w+)"/.exec(src)?.[1];
  const model = /var plan (\w+)Model/.exec(src)?.[1];
  if (!type || !model || !expands.has(model)) continue;
  kinds.push({ resource: `tsb_${type}`, message: expands.get(model)!.proto });
}
kinds.sort((a, b) => a.resource.localeCompare(b.resource));

// ---- pulumi: sdk/types/input.ts, enums, resource args ---------------------------------------------

const puTypes = new Map<string, PuProp[]>();
parseInterfaces(show(puDir, 'sdk/types/input.ts'), '', puTypes);
const puArgs = new Map<string, PuProp[]>();
for (const p of ls(puDir).filter((f) => /^sdk\/(\w+\/)?\w+\.ts$/.test(f) && !f.startsWith('sdk/types/'))) {
  const src = show(puDir, p);
  if (src.includes('Args {')) parseInterfaces(src, '', puArgs);
}
const puEnums = new Map<string, string[]>();
for (const p of ls(puDir).filter((f) => /^sdk\/types\/enums\/(\w+\/)?index\.ts$/.test(f))) {
  const mod = /enums\/(\w+)\/index/.exec(p)?.[1];
  const src = show(puDir, p);
  for (const m of src.matchAll(/export const (\w+) = \{([^}]*)\} as const;/g)) {
    const values = [...m[2]!.matchAll(/:\s*"([^"]*)"/g)].map((v) => v[1]!);
    puEnums.set(mod ? `${mod}.${m[1]}` : m[1]!, values);
  }
}
const resourceToks = new Map<string, string>();
for (const m of show(puDir, 'provider/resources_gen.go').matchAll(
  /"(tsb_\w+)":\s+\{Tok: tsbResourceTok\((?:tsbMod|"(\w+)"), "(\w+)"\)/g,
)) {
  resourceToks.set(m[1]!, m[2] ? `${m[2]}.${m[3]}` : m[3]!);
}

const finalMessages = new Map<string, MessageFact>();
const WRAPPER_SHAPES: [RegExp, FieldType][] = [
  [/^value:(bool)$/, 'bool'],
  [/^value:(string)$/, 'string'],
  [/^value:(number)$/, 'double'],
];

/** A message added by pulumi only (a field newer than the terraform snapshot): fields from its interface. */
function pulumiMessage(key: string, iface: string, seen: Set<string>): void {
  if (finalMessages.has(key) || seen.has(key)) return;
  seen.add(key);
  const props = puTypes.get(iface) ?? [];
  const fields: Record<string, FieldFact> = {};
  for (const p of props) fields[p.name] = pulumiField(p, `${key}.${p.name[0]!.toUpperCase()}${p.name.slice(1)}`, seen);
  finalMessages.set(key, { fields, source: 'pulumi' });
}

function pulumiField(p: PuProp, subKey: string, seen: Set<string>): FieldFact {
  const t = puType(p.type);
  const f: FieldFact = { type: 'string', source: 'pulumi' };
  if (t.kind === 'message') {
    const props = puTypes.get(t.name!) ?? [];
    const shape = props
      .map((x) => `${x.name}:${puType(x.type).kind}`)
      .sort()
      .join(',');
    const wrapper = WRAPPER_SHAPES.find(([re]) => re.test(shape));
    if (shape === 'nanos:number,seconds:number') f.type = 'duration';
    else if (wrapper) {
      f.type = wrapper[1];
      f.wrapper = true;
    } else {
      f.type = 'message';
      f.ref = subKey;
      pulumiMessage(subKey, t.name!, seen);
    }
  } else if (t.kind === 'enum') {
    f.type = 'enum';
    f.values = puEnums.get(t.name!) ?? [];
  } else if (t.kind === 'bool') f.type = 'bool';
  else if (t.kind === 'number') f.type = 'double';
  if (t.list) f.list = true;
  if (t.map) f.map = true;
  if (!p.optional) f.required = true;
  const d = docOf(p.doc);
  if (d) f.doc = d;
  return f;
}

const visited = new Set<string>();
function walk(protoKeyName: string, iface: string | undefined, root: boolean): void {
  const m = messages.get(protoKeyName);
  if (!m) return;
  const visitKey = `${protoKeyName}|${iface}`;
  if (visited.has(visitKey)) return;
  visited.add(visitKey);
  const fact = finalMessages.get(protoKeyName) ?? { fields: {} };
  const props = iface ? (puTypes.get(iface) ?? puArgs.get(iface) ?? []) : [];
  const modelFields = new Set((models.get(m.model) ?? []).map((f) => normName(f.tf)));
  const used = new Set<string>();
  for (const r of m.raw) {
    const f: FieldFact = fact.fields[r.json] ?? { ...r.fact };
    const p = props.find((x) =>
      [normName(r.tf), normName(r.tf) + 's', normName(r.tf) + 'es', normName(r.tf).replace(/y$/, 'ies')].includes(
        normName(x.name),
      ),
    );
    if (p) {
      used.add(p.name);
      const t = puType(p.type);
      if (!p.optional) f.required = true;
      const d = docOf(p.doc);
      if (d && !f.doc) f.doc = d;
      if (t.kind === 'enum' && f.type === 'enum' && t.name) f.values = puEnums.get(t.name) ?? f.values;
      if (t.kind === 'message' && f.type === 'message' && f.ref) walk(f.ref, t.name, false);
    } else if (f.type === 'message' && f.ref) walk(f.ref, undefined, false);
    if (f.type === 'enum' && !f.values) {
      const name = r.goEnum?.split('.')[1]?.replace(/_/g, '');
      const hit = [...puEnums.entries()].find(([k]) => k.split('.').pop() === name);
      if (hit) f.values = hit[1];
    }
    fact.fields[r.json] = f;
  }
  for (const p of props) {
    if (used.has(p.name) || fact.fields[p.name]) continue;
    // Terraform-only attributes of the resource (name, parent) and fields terraform models but
    // the expand code does not send are not API fields.
    if (root && ['name', 'parent', 'id'].includes(p.name)) continue;
    if (modelFields.has(normName(p.name))) continue;
    fact.fields[p.name] = pulumiField(p, `${protoKeyName}.${p.name[0]!.toUpperCase()}${p.name.slice(1)}`, new Set());
  }
  finalMessages.set(protoKeyName, fact);
}

for (const k of kinds) {
  const tok = resourceToks.get(k.resource);
  const name = tok?.split('.').pop();
  const args = name ? [...puArgs.keys()].find((a) => a === `${name}Args`) : undefined;
  walk(k.message, args, true);
}
// Messages reached by no resource walk (shared types only terraform reaches): plain terraform facts.
for (const [key, m] of messages) {
  if (finalMessages.has(key)) continue;
  const fields: Record<string, FieldFact> = {};
  for (const r of m.raw) fields[r.json] = { ...r.fact };
  finalMessages.set(key, { fields });
}

const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const facts: ApiFacts = {
  about:
    'TSB API facts extracted by scripts/apiFacts/extract.ts from the public tetratelabs/terraform-provider-tsb and tetratelabs/pulumi-tsb repositories (both generated from the TSB protos). Re-run: npm run api-facts -- <terraform git dir> <pulumi git dir>.',
  sources: {
    terraform: {
      repository: 'tetratelabs/terraform-provider-tsb',
      commit: git(tfDir, 'rev-parse', 'HEAD').trim(),
      date: git(tfDir, 'log', '-1', '--format=%cs').trim(),
    },
    pulumi: {
      repository: 'tetratelabs/pulumi-tsb',
      commit: git(puDir, 'rev-parse', 'HEAD').trim(),
      date: git(puDir, 'log', '-1', '--format=%cs').trim(),
    },
  },
  kinds,
  messages: sorted(Object.fromEntries([...finalMessages].map(([k, v]) => [k, { ...v, fields: sorted(v.fields) }]))),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(facts, null, 1) + '\n');
const nFields = Object.values(facts.messages).reduce((n, m) => n + Object.keys(m.fields).length, 0);
console.log(`wrote ${out}: ${kinds.length} resources, ${finalMessages.size} messages, ${nFields} fields`);
