// One hostile case or one scale/shape input in a fresh process, for measure.mjs: prints one JSON line
// with the figures. `node measureCase.js count` | `<case index>` | `shape <index> <size>`.
import { HOSTILE } from './hostile';
import { SHAPES } from './shapes';
import { newProject, prng } from './support';

if (process.argv[2] === 'count') {
  process.stdout.write(`${JSON.stringify({ hostile: HOSTILE.length, shapes: SHAPES.map((s) => s.sizes.report) })}\n`);
  process.exit(0);
}

let name: string;
let files: Record<string, string>;
let maxFileSize: number | undefined;
if (process.argv[2] === 'shape') {
  const shape = SHAPES[Number(process.argv[3])]!;
  const size = Number(process.argv[4]);
  name = `${shape.name} (${size.toLocaleString('en')})`;
  files = shape.make(size, prng(20261123));
} else {
  const c = HOSTILE[Number(process.argv[2])]!;
  name = c.name;
  files = { 'doc.yaml': c.text() };
  maxFileSize = c.maxFileSize;
}
const p = newProject(maxFileSize ? { maxFileSize } : {});
const root = 'file:///measure';
const uris = Object.keys(files)
  .filter((f) => f !== 'tsb.config.yaml')
  .map((f) => `${root}/${f}`);
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
if (files['tsb.config.yaml'] !== undefined) p.setConfig(root, files['tsb.config.yaml']);
for (const uri of uris) if (!p.isIgnored(uri)) p.update(uri, files[uri.slice(root.length + 1)]!, 1);
const ds = uris.flatMap((u) => p.diagnostics(u));
p.failoverModel();
const ms = performance.now() - t0;
const peak = process.resourceUsage().maxRSS * 1024;
const rules = [...new Set(ds.map((d) => d.rule))];
const texts = Object.values(files);
process.stdout.write(
  JSON.stringify({
    name,
    bytes: texts.reduce((n, t) => n + t.length, 0),
    lines: texts.reduce((n, t) => n + t.split(/\r\n|\r|\n/).length, 0),
    ms: Math.round(ms),
    peakRssMiB: Math.round(peak / 1048576),
    growthMiB: Math.round((peak - rss0) / 1048576),
    diagnostics: ds.length,
    rules,
    first: ds[0]?.message.slice(0, 90),
  }) + '\n',
);
