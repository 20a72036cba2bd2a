// `npm run schemas`: writes schemas/*.schema.json and schemas/catalog.json, deleting stale schema files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderFiles } from './render';

// Bundled to schemas/out/write.js: the schemas folder is one level up.
const dir = path.resolve(__dirname, '..');
const files = renderFiles();
for (const name of fs.readdirSync(dir)) {
  if (name.endsWith('.schema.json') && !files.has(name)) fs.unlinkSync(path.join(dir, name));
}
for (const [name, content] of files) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) fs.writeFileSync(file, content);
}
console.log(`wrote ${files.size} files to ${path.relative(process.cwd(), dir) || '.'}`);
