// Messages as data: the English template (also the message id, as vscode.l10n.t uses it) and the values
// of its `{name}` placeholders. The analysis keeps messages in this form and stays the same whatever the
// user's language; the language server and tsb-lint render them (translate.ts) where they show them.
//
// Every message the server or tsb-lint shows is made by `msg`/`msgN` with a literal template (a test reads
// them from the sources and checks each against the Chinese bundle), or by `schemaText` for the texts the
// schema catalog carries (checked by walking the catalog). Values are never translated: names, labels,
// paths, rule ids and quoted YAML go in as arguments.

/** A message: its English template and the values of its placeholders. */
export interface Message {
  /** The English template, `{name}` marking a placeholder. Also the id a translation is found by. */
  readonly key: string;
  readonly args?: Readonly<Record<string, Arg>>;
}

/**
 * A placeholder's value: text and numbers are shown as they are; a message is rendered in the same
 * language (an optional clause, a phrase chosen by the code); a list is joined the language's way.
 */
export type Arg = string | number | Message | ListArg;

/**
 * How a list is joined. English output stays as it always was:
 * `comma` "a, b, c" · `or` "a or b or c" · `and` "a and b and c" · `andLast` "a, b and c" · `pipe` "a | b".
 */
export type ListJoin = 'comma' | 'or' | 'and' | 'andLast' | 'pipe';

export interface ListArg {
  readonly list: readonly Arg[];
  readonly join: ListJoin;
}

type Letter =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';
type IdentChar = Letter | Uppercase<Letter> | '_' | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type IsIdent<S extends string> = S extends `${infer C}${infer R}` ? (C extends IdentChar ? IsIdent<R> : false) : true;

/** Placeholder names of a template: `{name}` where name is an identifier (`{{ }}`, `{a,b}`, `{…}` are text). */
type Placeholders<S extends string, Found extends string = never> = S extends `${string}{${infer P}}${infer Rest}`
  ? Placeholders<Rest, P extends '' ? Found : IsIdent<P> extends true ? Found | P : Found>
  : Found;

/** The arguments a template needs: exactly its placeholders (none for a template without any). */
type ArgsOf<K extends string> = [Placeholders<K>] extends [never]
  ? []
  : [args: { readonly [P in Placeholders<K>]: Arg }];

/** A message from a literal English template; the compiler checks the arguments against its placeholders. */
export function msg<K extends string>(key: K, ...args: ArgsOf<K>): Message {
  return args.length ? { key, args: args[0] } : { key };
}

/** One of two templates by a count (English "1 file" / "2 files"); both are message ids. */
export function msgN<One extends string, Other extends string>(
  count: number,
  one: One,
  other: Other,
  ...args: [Placeholders<One> | Placeholders<Other>] extends [never]
    ? []
    : [args: { readonly [P in Placeholders<One> | Placeholders<Other>]: Arg }]
): Message {
  const key = count === 1 ? one : other;
  return args.length ? { key, args: args[0] } : { key };
}

/**
 * A text the schema catalog carries (a patternErrorMessage, an errorMessage, a deprecation note): the
 * text is its own id. A schema may carry the template and its values instead (`x-tsb-message`).
 */
export function schemaText(text: string, structured?: unknown): Message {
  if (isMessage(structured)) return structured;
  return { key: text };
}

export function isMessage(v: unknown): v is Message {
  return !!v && typeof v === 'object' && typeof (v as Message).key === 'string';
}

export const commas = (list: readonly Arg[]): ListArg => ({ list, join: 'comma' });
export const ors = (list: readonly Arg[]): ListArg => ({ list, join: 'or' });
export const ands = (list: readonly Arg[]): ListArg => ({ list, join: 'and' });
export const andLast = (list: readonly Arg[]): ListArg => ({ list, join: 'andLast' });
export const pipes = (list: readonly Arg[]): ListArg => ({ list, join: 'pipe' });
