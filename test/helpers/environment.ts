// The environment of a CLI process in the tests: the machine's locale never decides the language of what
// a test reads (English unless the test sets LANG, LC_MESSAGES or LC_ALL itself).
export function environment(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) delete base[k];
  return { ...base, LANG: 'C.UTF-8', ...env };
}
