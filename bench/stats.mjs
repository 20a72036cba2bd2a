// Medians and maxima over runs, and the harness's sleep and progress log.
export const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
export const max = (xs) => (xs.filter(Number.isFinite).length ? Math.max(...xs.filter(Number.isFinite)) : NaN);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const log = (...m) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m.join(' ')}\n`);

/** Medians of every numeric figure over the runs that did not fail (plus the errors). */
export function summarize(rs) {
  const ok = rs.filter((r) => !r.error);
  const out = { runs: rs.length, failed: rs.filter((r) => r.error).map((r) => r.error) };
  const keys = new Set(ok.flatMap((r) => Object.keys(r)));
  for (const k of keys) {
    const vals = ok.map((r) => r[k]);
    if (k === 'editAll') out[k] = vals.flat();
    else if (vals.every((v) => typeof v === 'number' || v === undefined))
      out[k] = k === 'peakMiB' || k.endsWith('MaxMs') ? max(vals) : median(vals);
    else out[k] = vals[0];
  }
  return out;
}
