import type { Path } from './locate';

// The YAML path at a caret computed from indentation, for completion: while typing, the line under
// the caret is usually incomplete (`    expo`, `  - `), so the parsed tree cannot say where it belongs.
// Lines above with a smaller indentation are the parents; `- ` opens a sequence item.

export interface LineShape {
  indent: number;
  /** Columns of the `- ` markers that start the line. */
  dashes: number[];
  /** Column where the content after the markers starts. */
  contentCol: number;
  key?: string;
  /** `key:` with nothing (or only a comment) after the colon: a block follows. */
  valueEmpty: boolean;
  blank: boolean;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const PLAIN_START_FORBIDDEN = /[\s#'"?:,[\]{}-]/;

/**
 * The key that starts `content` (`key:`, `"key":`, `'key':`, followed by whitespace or the end) and the
 * offset just after its colon. A scan, not a regex: a lazy key pattern followed by `\s*:` backtracked
 * quadratically on lines of tens of thousands of spaces, on every keystroke.
 */
function keyAt(content: string): { raw: string; end: number } | undefined {
  const n = content.length;
  if (n === 0) return undefined;
  const colonAfter = (j: number) => content[j] === ':' && (j + 1 === n || isSpace(content[j + 1]));
  const c0 = content[0]!;
  let i: number;
  if (c0 === '"' || c0 === "'") {
    i = 1;
    for (;;) {
      if (i >= n) return undefined;
      if (c0 === '"' && content[i] === '\\') i += 2;
      else if (content[i] === c0) {
        if (c0 === "'" && content[i + 1] === "'") i += 2;
        else break;
      } else i++;
    }
    i++; // past the closing quote
    let j = i;
    while (j < n && isSpace(content[j])) j++;
    return colonAfter(j) ? { raw: content.slice(0, i), end: j + 1 } : undefined;
  }
  if (c0 === '-' ? n < 2 || isSpace(content[1]) || content[1] === '#' : PLAIN_START_FORBIDDEN.test(c0))
    return undefined;
  for (let j = 1; j < n; j++) {
    if (content[j] === '#') return undefined;
    if (colonAfter(j)) return { raw: content.slice(0, j), end: j + 1 };
  }
  return undefined;
}

export function unquote(s: string): string {
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return s.slice(1, -1).replace(/\\"/g, '"');
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

export function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  const rest = line.slice(indent);
  if (rest === '' || rest.startsWith('#'))
    return { indent, dashes: [], contentCol: indent, valueEmpty: false, blank: true };
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    dashes.push(col);
    col += 1;
    while (line[col] === ' ') col++;
  }
  const content = line.slice(col);
  const m = keyAt(content);
  if (!m) return { indent, dashes, contentCol: col, valueEmpty: false, blank: false };
  const after = content.slice(m.end).trim();
  return {
    indent,
    dashes,
    contentCol: col,
    key: unquote(m.raw.trim()),
    valueEmpty: after === '' || after.startsWith('#'),
    blank: false,
  };
}

const DOC_MARKER = /^(---|\.\.\.)(\s|$)/;

/**
 * Path of the element starting at `col` on line `lineNo` (which is a `- ` item when `isDash`),
 * from the lines above. Undefined when the structure cannot be read.
 */
function parentPath(lines: string[], lineNo: number, col: number, isDash: boolean): Path | undefined {
  for (let l = lineNo - 1; l >= 0; l--) {
    const text = lines[l]!;
    if (DOC_MARKER.test(text)) return [];
    const s = shapeOf(text);
    if (s.blank) continue;
    if (s.key !== undefined && (s.contentCol < col || (isDash && s.contentCol === col && s.valueEmpty))) {
      const above = elementPath(lines, l, s, s.dashes.length);
      return above && [...above, s.key];
    }
    // Inside a sequence item started on this line (`- a: 1` then our key below `a`).
    for (let d = s.dashes.length - 1; d >= 0; d--) {
      if (s.dashes[d]! < col) {
        const above = elementPath(lines, l, s, d);
        return above && [...above, 0];
      }
    }
    if (s.indent < col) return undefined; // a scalar line with smaller indentation: not a parent we understand
  }
  return col === 0 || isDash ? [] : undefined;
}

/** Path of the container holding the element that sits after the first `dashCount` dashes of a line. */
function elementPath(lines: string[], l: number, s: LineShape, dashCount: number): Path | undefined {
  if (dashCount === 0) return parentPath(lines, l, s.indent, false);
  // The element is inside the item of its last dash; that item's own path comes from above.
  let path = parentPath(lines, l, s.dashes[0]!, true);
  if (!path) return undefined;
  for (let i = 0; i < dashCount; i++) path = [...path, 0];
  return path;
}

export type CompletionSpot =
  | { type: 'key'; path: Path; prefix: string; col: number; inItem: boolean }
  | { type: 'value'; path: Path; key: string; prefix: string }
  | { type: 'item'; path: Path; prefix: string };

/**
 * What is being typed at the caret. `lines` are the document's lines (the caret's YAML document is
 * found by the `---` markers), `line`/`character` the caret.
 */
export function completionSpot(lines: string[], line: number, character: number): CompletionSpot | undefined {
  const before = lines[line]!.slice(0, character);
  const s = shapeOf(before);
  const content = before.slice(s.contentCol);
  const valueMatch = valueBeingTyped(content);
  const keyOnLine = shapeOf(lines[line]!).key;
  if (valueMatch && keyOnLine !== undefined && !/^\s*#/.test(content)) {
    const key = unquote(valueMatch.key.trim());
    const container = linePath(lines, line, s);
    if (!container) return undefined;
    return { type: 'value', path: container, key, prefix: valueMatch.prefix };
  }
  if (!/^[^\s:#]*$/.test(content)) return undefined;
  const container = linePath(lines, line, s);
  if (!container) return undefined;
  if (s.dashes.length > 0 && content === '') {
    return { type: 'item', path: container.slice(0, -1), prefix: '' };
  }
  if (s.dashes.length > 0) {
    // `- wor`: a key of a new item, or a scalar item; the caller decides from the schema.
    return { type: 'key', path: container, prefix: content, col: s.contentCol, inItem: true };
  }
  return { type: 'key', path: container, prefix: content, col: s.contentCol, inItem: false };
}

/**
 * `key: partial` at the end of `content` (what `/^(.*?)\s*:\s+(\S*)$/` matches), found from the end in
 * linear time: the partial value is the last run of non-spaces, a colon ends the key before the spaces.
 */
function valueBeingTyped(content: string): { key: string; prefix: string } | undefined {
  let k = content.length;
  while (k > 0 && !isSpace(content[k - 1])) k--;
  let w = k;
  while (w > 0 && isSpace(content[w - 1])) w--;
  if (w === k || w === 0 || content[w - 1] !== ':') return undefined;
  return { key: content.slice(0, w - 1), prefix: content.slice(k) };
}

/** Path of the mapping that holds the content of this line. */
function linePath(lines: string[], line: number, s: LineShape): Path | undefined {
  if (s.dashes.length === 0) return parentPath(lines, line, s.contentCol, false);
  let path = parentPath(lines, line, s.dashes[0]!, true);
  if (!path) return undefined;
  for (let i = 0; i < s.dashes.length; i++) path = [...path, 0];
  return path;
}

/** Keys already present in the mapping whose keys start at `col`, around `line` (`inItem`: the caret line starts the item). */
export function siblingKeys(lines: string[], line: number, col: number, inItem: boolean): Set<string> {
  const out = new Set<string>();
  if (!inItem) {
    for (let l = line - 1; l >= 0; l--) {
      const text = lines[l]!;
      if (DOC_MARKER.test(text)) break;
      const s = shapeOf(text);
      if (s.blank) continue;
      if (s.contentCol === col && s.key !== undefined) {
        out.add(s.key);
        if (s.dashes.length) break; // the first key of our own item
        continue;
      }
      if (s.indent < col) break;
    }
  }
  for (let l = line + 1; l < lines.length; l++) {
    const text = lines[l]!;
    if (DOC_MARKER.test(text)) break;
    const s = shapeOf(text);
    if (s.blank) continue;
    if (s.dashes.length && s.contentCol <= col) break; // the next item
    if (s.contentCol === col && s.key !== undefined) out.add(s.key);
    else if (s.indent < col) break;
  }
  return out;
}
