// Summarises a V8 .cpuprofile (node --cpu-prof): self time and inclusive time per function.
// usage: node bench/profile-summary.mjs FILE.cpuprofile [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const d = prof.timeDeltas[i] ?? 0;
  dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + d);
}
const label = (n) => {
  const f = n.callFrame;
  const url = f.url.split('/').slice(-2).join('/');
  return `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const incl = new Map();
let total = 0;
for (const [id, t] of dt) {
  total += t;
  const n = byId.get(id);
  self.set(label(n), (self.get(label(n)) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + t);
  }
}
const show = (title, m) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [l, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${l}`);
};
show('self', self);
show('inclusive', incl);
