// Parsers of the pulumi-tsb TypeScript SDK sources: exported interfaces with their documented
// properties, input type strings, and the first sentence of a description.

export interface PuProp {
  name: string;
  optional: boolean;
  type: string;
  doc: string;
}

export function parseInterfaces(src: string, prefix: string, into: Map<string, PuProp[]>): void {
  let ns = '';
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = /^export namespace (\w+) \{/.exec(lines[i]!);
    if (n) {
      ns = n[1]!;
      continue;
    }
    if (lines[i] === '}') {
      ns = '';
      continue;
    }
    const h = /^\s*export interface (\w+) \{$/.exec(lines[i]!);
    if (!h) continue;
    const props: PuProp[] = [];
    let doc: string[] = [];
    for (i++; !/^\s*\}$/.test(lines[i]!); i++) {
      const l = lines[i]!.trim();
      if (l.startsWith('/**')) {
        doc = [];
        continue;
      }
      if (l.startsWith('*/')) continue;
      if (l.startsWith('*')) {
        doc.push(l.replace(/^\*\s?/, ''));
        continue;
      }
      const p = /^(\w+)(\??): (.*);$/.exec(l);
      if (p) props.push({ name: p[1]!, optional: p[2] === '?', type: p[3]!, doc: doc.join(' ').trim() });
      doc = [];
    }
    into.set(`${prefix}${ns ? ns + '.' : ''}${h[1]}`, props);
  }
}

/** The pulumi type an input type string refers to: message interface, enum, scalar, list, map. */
export function puType(t: string): {
  kind: 'message' | 'enum' | 'string' | 'bool' | 'number';
  name?: string;
  list: boolean;
  map: boolean;
} {
  const inner = t
    .replace(/^pulumi\.Input</, '')
    .replace(/ \| undefined>$/, '')
    .replace(/>$/, '');
  const list = /\[\]$/.test(inner);
  const map = /^\{\[key: string\]/.test(inner);
  const msg = /inputs\.([\w.]+)/.exec(inner)?.[1];
  const en = /enums\.([\w.]+)/.exec(inner)?.[1];
  if (msg) return { kind: 'message', name: msg, list, map };
  if (en) return { kind: 'enum', name: en, list, map };
  if (/boolean/.test(inner)) return { kind: 'bool', list, map };
  if (/number/.test(inner)) return { kind: 'number', list, map };
  return { kind: 'string', list, map };
}

export const docOf = (d: string): string | undefined => {
  const s = d
    .replace(/\{\{% \/?examples %\}\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return undefined;
  const first = s.split(/(?<=[a-z0-9)`])\.\s+(?=[A-Z`])/)[0]!;
  return (first.length > 300 ? first.slice(0, 297) + '…' : first).replace(/\.$/, '') + '.';
};
