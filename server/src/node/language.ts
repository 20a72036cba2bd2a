import { toLocale, type Locale } from '../engine/index';

// The languages of a tsb-lint run. What people read (text output, usage and errors on stderr) follows
// `--lang`, else the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG: zh* is Chinese, anything else
// English). Machine-readable output (JSON, SARIF, --format config) follows `--lang` only: a CI runner's
// locale must not change what code scanning or a script reads.

export interface Languages {
  text: Locale;
  data: Locale;
  /** A `--lang` value that names no language this tool speaks. */
  invalid?: string;
}

/** `--lang X` / `--lang=X` (the last one wins), or undefined. */
function langFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') value = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  return value;
}

/** The POSIX message locale: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return toLocale(v);
  }
  return 'en';
}

export function chooseLanguages(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Languages {
  const flag = langFlag(argv);
  if (flag !== undefined) {
    if (/^(en|zh)(?:$|[-_.@])/i.test(flag.trim())) {
      const l = toLocale(flag);
      return { text: l, data: l };
    }
    // An empty value is reported as a missing value by the argument parser.
    return { text: environmentLocale(env), data: 'en', ...(flag ? { invalid: flag } : {}) };
  }
  return { text: environmentLocale(env), data: 'en' };
}
