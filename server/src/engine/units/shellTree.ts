import { lex, type LogicalLine, type Token, type Word } from './shellLex';

// The shape of a shell text: statements, loops, `{ … }` blocks and function bodies, nested.

export interface Frame {
  vars: Map<string, string[] | null>;
  /** Folders a relative path is tried against, in order. */
  cwd: string[];
  context?: string[];
}

export type Node =
  | { k: 'cmd'; line: number; text: string; stmt: Token[] }
  | { k: 'loop'; line: number; name?: string; words: Word[]; body: Node[] }
  | { k: 'block'; body: Node[] }
  /** `name() { … }` / `function name { … }`: run where it is called, with its arguments. */
  | { k: 'func'; name: string; body: Node[] };

/** Statement text kept for notes and evidence, in characters. */
export const TEXT_LIMIT = 200;

export function literal(w: Word | undefined): string | undefined {
  if (!w || w.segs.some((s) => s.t !== 'lit')) return undefined;
  return w.segs.map((s) => (s as { v: string }).v).join('');
}

/** Splits logical lines into statements and nests loops, `do … done` blocks and function bodies. */
export function parseTree(lines: LogicalLine[]): Node[] {
  const root: Node[] = [];
  type Frame = { body: Node[]; close: 'done' | '}' };
  const stack: Frame[] = [{ body: root, close: 'done' }];
  const top = () => stack[stack.length - 1]!.body;
  const pop = (close: Frame['close']) => {
    // Close the innermost frame of that kind (an unbalanced script never pops the root).
    for (let i = stack.length - 1; i > 0; i--)
      if (stack[i]!.close === close) {
        stack.length = i;
        return;
      }
  };
  let pendingFunction: string | undefined;
  for (const ll of lines) {
    const text = ll.text.trim().slice(0, TEXT_LIMIT);
    let stmt: Token[] = [];
    const flush = () => {
      if (!stmt.length) return;
      let words = stmt;
      // Strip leading keywords that introduce a command (`then kubectl …`, `if ! kubectl …`).
      for (;;) {
        const first = words[0]?.k === 'word' ? literal(words[0].w) : undefined;
        if (first && ['then', 'else', 'do', 'if', 'elif', 'while', 'until', '!', 'time', 'exec'].includes(first))
          words = words.slice(1);
        else break;
      }
      const first = words[0]?.k === 'word' ? literal(words[0].w) : undefined;
      const wasWhile = stmt[0]?.k === 'word' && ['while', 'until'].includes(literal(stmt[0].w) ?? '');
      stmt = [];
      // `function name`, `function name()`, `name()`: the next `{` opens its body.
      const second = words[1]?.k === 'word' ? literal(words[1].w) : undefined;
      if (first === 'function' && second && /^[\w:.-]+$/.test(second)) {
        pendingFunction = second;
        return;
      }
      if (
        first &&
        /^[\w:.-]+$/.test(first) &&
        words[1]?.k === 'op' &&
        (words[1] as { v: string }).v === '(' &&
        words.length <= 3
      ) {
        pendingFunction = first;
        return;
      }
      pendingFunction = undefined;
      if (first === 'for') {
        const name = words[1]?.k === 'word' ? literal(words[1].w) : undefined;
        const hasIn = words[2]?.k === 'word' && literal(words[2].w) === 'in';
        const loopWords = hasIn
          ? words
              .slice(3)
              .filter((t): t is { k: 'word'; w: Word } => t.k === 'word')
              .map((t) => t.w)
          : [];
        const loop: Node = {
          k: 'loop',
          line: ll.line,
          ...(name && /^[A-Za-z_]\w*$/.test(name) ? { name } : {}),
          words: loopWords,
          body: [],
        };
        top().push(loop);
        stack.push({ body: (loop as { body: Node[] }).body, close: 'done' });
        return;
      }
      if (first === 'done') {
        pop('done');
        return;
      }
      if (wasWhile) {
        const block: Node = { k: 'block', body: [] };
        if (words.length) top().push({ k: 'cmd', line: ll.line, text, stmt: words });
        top().push(block);
        stack.push({ body: block.body, close: 'done' });
        return;
      }
      if (!words.length || first === 'fi' || first === 'esac' || first === 'case' || first === 'return') return;
      top().push({ k: 'cmd', line: ll.line, text, stmt: words });
    };
    for (const t of lex(ll.text)) {
      if (t.k === 'op' && t.v === '{') {
        flush();
        const node: Node = pendingFunction ? { k: 'func', name: pendingFunction, body: [] } : { k: 'block', body: [] };
        pendingFunction = undefined;
        top().push(node);
        stack.push({ body: node.body, close: '}' });
      } else if (t.k === 'op' && t.v === '}') {
        flush();
        pop('}');
      } else if (t.k === 'op' && [';', ';;', '&&', '||', '&'].includes(t.v)) flush();
      else if (t.k === 'op' && t.v === ')' && !stmt.some((x) => x.k === 'op' && x.v === '(')) flush();
      else stmt.push(t);
    }
    flush();
  }
  return root;
}
