import type { Word } from './shellLex';

// Command-line flags of kubectl, tctl and argocd: which take a value, and how a command's words split
// into flags and positional arguments.

export const KUBECTL_VALUE_FLAGS = new Set([
  '--context',
  '-n',
  '--namespace',
  '-f',
  '--filename',
  '-k',
  '--kustomize',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--as',
  '-o',
  '--output',
  '-l',
  '--selector',
  '--field-manager',
  '--type',
  '-p',
  '--patch',
  '--timeout',
  '--for',
  '--token',
]);
export const TCTL_VALUE_FLAGS = new Set([
  '-f',
  '--file',
  '-o',
  '--output',
  '-p',
  '--profile',
  '--org',
  '--tenant',
  '--workspace',
  '--config',
]);
export const ARGOCD_VALUE_FLAGS = new Set([
  '--repo',
  '--path',
  '--dest-server',
  '--dest-namespace',
  '--dest-name',
  '--revision',
  '--project',
  '--sync-policy',
  '--server',
  '--auth-token',
  '--directory-include',
  '--directory-exclude',
  '--values',
  '--helm-set',
  '--name',
  '--upsert',
]);

/** Flags (`--x v`, `--x=v`, `-xv` for -n/-f/-k) and positional words; unknown flags take no value. */
export function parseFlags(args: Word[], valueFlags: Set<string>): { flags: Map<string, Word[]>; positional: Word[] } {
  const flags = new Map<string, Word[]>();
  const positional: Word[] = [];
  const add = (f: string, w: Word) => {
    const list = flags.get(f);
    if (list) list.push(w);
    else flags.set(f, [w]);
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const first = w.segs[0];
    const head = first?.t === 'lit' ? first.v : '';
    if (!head.startsWith('-') || head === '-') {
      positional.push(w);
      continue;
    }
    const eq = head.indexOf('=');
    if (head.startsWith('--') && eq > 0) {
      const flag = head.slice(0, eq);
      add(flag, {
        raw: w.raw.slice(eq + 1),
        segs: [{ ...(first as { t: 'lit'; v: string; quoted: boolean }), v: head.slice(eq + 1) }, ...w.segs.slice(1)],
      });
      continue;
    }
    const short = /^(-[nfk])(.+)$/.exec(head);
    if (short && w.segs.length >= 1) {
      add(short[1]!, {
        raw: w.raw.slice(2),
        segs: [{ ...(first as { t: 'lit'; v: string; quoted: boolean }), v: short[2]! }, ...w.segs.slice(1)],
      });
      continue;
    }
    if (valueFlags.has(head) && w.segs.length === 1 && i + 1 < args.length && head !== '--upsert') {
      add(head, args[++i]!);
      continue;
    }
    flags.set(head, flags.get(head) ?? []);
  }
  return { flags, positional };
}
