// Preloaded into a measured process (node -r bench/usage-preload.cjs ...): at exit it writes its own
// CPU time and peak RSS to the file named by TSB_BENCH_USAGE, so the harness gets exact figures
// for a short-lived process whose /proc entry is gone by the time it could be read.
const { writeFileSync } = require('node:fs');
const out = process.env.TSB_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const r = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ cpuS: (cpu.user + cpu.system) / 1e6, maxRssMiB: r.maxRSS / 1024 }));
  });
}
