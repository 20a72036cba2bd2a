// Suppression comments: `# tsb-lint-disable-next-line RULE[, RULE]` on the line above,
// `# tsb-lint-disable RULE` for the whole file. Without a rule id, all rules are suppressed.

export interface Suppressions {
  readonly file: ReadonlySet<string> | 'all' | undefined;
  /** 0-based line -> rules suppressed on it ('all' for every rule). */
  readonly lines: ReadonlyMap<number, ReadonlySet<string> | 'all'>;
}

// What almost every file has, shared: an empty Map costs about 600 bytes, and a workspace keeps one
// per file.
const NONE: Suppressions = Object.freeze({ file: undefined, lines: new Map() });

const RULE_ID = /^[\w-]+$/;

/**
 * `# tsb-lint-disable[-next-line] [RULE[, RULE]] [-- reason]` from the first `#` of a line: whether it
 * applies to the next line, and its rules ('all' without any). Read by hand, in one pass: a regex with
 * rule ids that may contain `-` next to a `--` reason backtracks on long lines.
 */
function directive(comment: string): { nextLine: boolean; rules: Set<string> | 'all' } | undefined {
  // The first `#`, then only whitespace, then the keyword.
  let at = -1;
  for (let i = comment.indexOf('tsb-lint-disable'); i !== -1; i = comment.indexOf('tsb-lint-disable', i + 1)) {
    let j = i - 1;
    while (j >= 0 && (comment[j] === ' ' || comment[j] === '\t')) j--;
    if (comment[j] === '#') {
      at = i;
      break;
    }
  }
  if (at === -1) return undefined;
  let rest = comment.slice(at + 'tsb-lint-disable'.length);
  const nextLine = rest.startsWith('-next-line');
  if (nextLine) rest = rest.slice('-next-line'.length);
  if (rest.startsWith('--')) return { nextLine, rules: 'all' };
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return undefined;
  const reason = rest.search(/[ \t]--/);
  const list = (reason === -1 ? rest : rest.slice(0, reason)).trim();
  if (list.startsWith('--')) return { nextLine, rules: 'all' };
  if (list === '') return { nextLine, rules: 'all' };
  const ids = list.split(',').map((r) => r.trim());
  if (!ids.every((r) => RULE_ID.test(r))) return undefined;
  return { nextLine, rules: new Set(ids) };
}

export function parseSuppressions(text: string): Suppressions {
  if (!text.includes('tsb-lint-disable')) return NONE;
  const out: { file: Set<string> | 'all' | undefined; lines: Map<number, Set<string> | 'all'> } = {
    file: undefined,
    lines: new Map(),
  };
  // Lines as positions count them (CRLF, LF and a lone CR each end a line), so a directive targets the
  // line its diagnostics are reported on.
  const lines = text.split(/\r\n|\r|\n/);
  // The next line that is neither blank nor a comment, for every line, in one backward pass: a scan
  // forward from each directive was quadratic on thousands of directives in a row.
  const nextContent = new Array<number>(lines.length + 1);
  nextContent[lines.length] = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) nextContent[i] = isBlankOrComment(lines[i]!) ? nextContent[i + 1]! : i;
  lines.forEach((line, i) => {
    const hash = line.indexOf('#');
    if (hash === -1 || !line.includes('tsb-lint-disable')) return;
    const m = directive(line.slice(hash));
    if (!m) return;
    const rules = m.rules;
    if (m.nextLine) {
      // The directive applies to the next line that is not itself a comment or blank.
      const target = nextContent[i + 1]!;
      const prev = out.lines.get(target);
      out.lines.set(target, prev === 'all' || rules === 'all' ? 'all' : new Set([...(prev ?? []), ...rules]));
    } else {
      const prev = out.file;
      out.file = prev === 'all' || rules === 'all' ? 'all' : new Set([...(prev ?? []), ...rules]);
    }
  });
  return out;
}

function isBlankOrComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 35) return true; // '#'
    if (c !== 32 && c !== 9 && c !== 12 && c !== 11 && c !== 0xfeff && c !== 0xa0) return false;
  }
  return true;
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file === 'all' || s.file?.has(rule)) return true;
  const l = s.lines.get(line);
  return l === 'all' || !!l?.has(rule);
}
