// Reading a file for analysis: the CLI's synchronous read and the language server's asynchronous one
// must say the same thing about every kind of file (text, too large, binary, not UTF-8, missing).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readText, readTextAsync } from '../../server/src/node/scan';
import { render } from '../../server/src/engine/l10n/translate';
import type { Message } from '../../server/src/engine/l10n/message';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsb-read-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const files: Record<string, Buffer> = {
  'ok.yaml': Buffer.from('a: 1\nb: "é"\n'),
  'big.yaml': Buffer.from('x: '.padEnd(5000, 'y') + '\n'),
  'binary.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x01, 0x0a]),
  'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
};
for (const [name, buf] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), buf);

test('sync and async reads agree on every kind of file', async () => {
  const expectations: Record<string, RegExp | string> = {
    'ok.yaml': 'a: 1\nb: "é"\n',
    'big.yaml': /above the 0 MiB limit/,
    'binary.yaml': /binary data/,
    'latin1.yaml': /not valid UTF-8/,
    'missing.yaml': /could not be read \(ENOENT\)/,
  };
  for (const [name, want] of Object.entries(expectations)) {
    const p = path.join(dir, name);
    const max = name === 'big.yaml' ? 4096 : 1 << 20;
    const a = readText(p, max);
    const b = await readTextAsync(p, max);
    assert.deepEqual(b, a, name);
    if (typeof want === 'string') assert.deepEqual(a, { text: want }, name);
    else assert.match(render((a as { skipped: Message }).skipped), want, name);
  }
});
