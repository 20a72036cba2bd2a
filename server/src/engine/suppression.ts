// Suppression comments (contract §4): `# tsb-lint-disable-next-line RULE[, RULE]` on the line above,
// `# tsb-lint-disable RULE` for the whole file. Without a rule id, all rules are suppressed.

export interface Suppressions {
  file: Set<string> | 'all' | undefined;
  /** 0-based line -> rules suppressed on it ('all' for every rule). */
  lines: Map<number, Set<string> | 'all'>;
}

const DIRECTIVE = /#\s*tsb-lint-disable(-next-line)?(?:[ \t]+([\w-]+(?:[ \t]*,[ \t]*[\w-]+)*))?[ \t]*(?:--.*)?$/;

export function parseSuppressions(text: string): Suppressions {
  const out: Suppressions = { file: undefined, lines: new Map() };
  if (!text.includes('tsb-lint-disable')) return out;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const hash = line.indexOf('#');
    if (hash === -1 || !line.includes('tsb-lint-disable')) return;
    const m = DIRECTIVE.exec(line.slice(hash).replace(/\r$/, ''));
    if (!m) return;
    const rules = m[2] ? new Set(m[2].split(',').map((r) => r.trim())) : 'all';
    if (m[1]) {
      // The directive applies to the next line that is not itself a comment or blank.
      let target = i + 1;
      while (target < lines.length && /^\s*(#.*)?\r?$/.test(lines[target]!)) target++;
      const prev = out.lines.get(target);
      out.lines.set(target, prev === 'all' || rules === 'all' ? 'all' : new Set([...(prev ?? []), ...rules]));
    } else {
      const prev = out.file;
      out.file = prev === 'all' || rules === 'all' ? 'all' : new Set([...(prev ?? []), ...rules]);
    }
  });
  return out;
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file === 'all' || s.file?.has(rule)) return true;
  const l = s.lines.get(line);
  return l === 'all' || !!l?.has(rule);
}
