// One hostile case in a fresh process, for measure.mjs: prints one JSON line with the figures.
import { HOSTILE } from './hostile';
import { newProject } from './support';

if (process.argv[2] === 'count') {
  process.stdout.write(`${HOSTILE.length}\n`);
  process.exit(0);
}
const c = HOSTILE[Number(process.argv[2])]!;
const text = c.text();
const p = newProject(c.maxFileSize ? { maxFileSize: c.maxFileSize } : {});
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
p.update('file:///measure/doc.yaml', text, 1);
const ds = p.diagnostics('file:///measure/doc.yaml');
p.failoverModel();
const ms = performance.now() - t0;
const peak = process.resourceUsage().maxRSS * 1024;
const rules = [...new Set(ds.map((d) => d.rule))];
process.stdout.write(JSON.stringify({
  name: c.name, bytes: text.length, lines: text.split('\n').length, ms: Math.round(ms),
  peakRssMiB: Math.round(peak / 1048576), growthMiB: Math.round((peak - rss0) / 1048576),
  diagnostics: ds.length, rules, first: ds[0]?.message.slice(0, 90),
}) + '\n');
