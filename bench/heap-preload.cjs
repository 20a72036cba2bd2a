// Preloaded into our language server by the long editing session (node -r bench/heap-preload.cjs ...):
// on SIGUSR2 it collects garbage fully and appends the heap in use (MiB) to the file named by
// TSB_BENCH_HEAP, so the harness sees what the server keeps rather than what the collector has not
// got to yet (RSS). Only in the main thread: worker threads have heaps of their own.
const out = process.env.TSB_BENCH_HEAP;
if (out && require('node:worker_threads').isMainThread) {
  process.on('SIGUSR2', () => {
    require('node:v8').setFlagsFromString('--expose-gc');
    require('node:vm').runInNewContext('gc')();
    const mib = process.memoryUsage().heapUsed / 2 ** 20;
    require('node:fs').appendFileSync(out, `${mib.toFixed(2)}\n`);
  });
}
