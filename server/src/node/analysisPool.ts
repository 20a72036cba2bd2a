import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChunkData } from '../engine/index';

// Worker threads that analyse YAML documents while the main thread keeps answering requests: opening
// a large file or scanning a large workspace uses every core. Workers start on first use and stop when
// idle for a while (their memory is returned). Any failure makes the caller analyse in-thread instead.

export interface AnalysisRequest {
  id: number;
  uri: string;
  texts: string[];
}

export type AnalysisResponse = { id: number; data: ChunkData[] } | { id: number; error: string };

interface Slot {
  worker: Worker;
  /** Documents sent and not yet answered: work goes to the least loaded worker. */
  load: number;
  pending: Map<number, { resolve: (d: ChunkData[]) => void; reject: (e: Error) => void; size: number }>;
}

/** Documents per message: small enough to spread one large file over every worker. */
const BATCH = 250;
// Idle workers are stopped soon: they hold ~40 MiB each, and are needed only for bursts (opening, scanning).
const IDLE_MS = 500;

export class AnalysisPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private broken = false;

  constructor(private readonly workerFile: string, private readonly size: number) {}

  get available(): boolean {
    return !this.broken;
  }

  /** Analyses the documents (texts) of one file; resolves in the order given. */
  async analyse(uri: string, texts: string[]): Promise<ChunkData[]> {
    if (this.broken) throw new Error('analysis pool unavailable');
    this.ensureStarted();
    clearTimeout(this.idleTimer);
    const parts: Promise<ChunkData[]>[] = [];
    const per = Math.max(1, Math.min(BATCH, Math.ceil(texts.length / this.slots.length)));
    for (let i = 0; i < texts.length; i += per) parts.push(this.send(uri, texts.slice(i, i + per)));
    try {
      return (await Promise.all(parts)).flat();
    } finally {
      this.scheduleIdle();
    }
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.stop(new Error('analysis pool disposed'));
  }

  private send(uri: string, texts: string[]): Promise<ChunkData[]> {
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    const id = this.nextId++;
    slot.load += texts.length;
    return new Promise<ChunkData[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, size: texts.length });
      slot.worker.postMessage({ id, uri, texts } satisfies AnalysisRequest);
    });
  }

  private ensureStarted(): void {
    if (this.slots.length) return;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(this.workerFile);
      worker.unref(); // never what keeps the server process alive
      const slot: Slot = { worker, load: 0, pending: new Map() };
      worker.on('message', (res: AnalysisResponse) => {
        const p = slot.pending.get(res.id);
        if (!p) return;
        slot.pending.delete(res.id);
        slot.load -= p.size;
        if ('error' in res) p.reject(new Error(res.error));
        else p.resolve(res.data);
      });
      // A crashed worker fails its pending work (the caller falls back) and disables the pool.
      worker.on('error', (err) => { this.broken = true; this.stop(err); });
      worker.on('exit', (code) => { if (code !== 0 && this.slots.includes(slot)) { this.broken = true; this.stop(new Error(`analysis worker exited with ${code}`)); } });
      this.slots.push(slot);
    }
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.slots.some((s) => s.pending.size)) return;
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
    this.idleTimer.unref();
  }

  private stop(err?: Error): void {
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) {
      for (const p of s.pending.values()) p.reject(err ?? new Error('analysis pool stopped'));
      s.pending.clear();
      void s.worker.terminate();
    }
  }
}

/** The pool of the built server (server/out/analysisWorker.js), or undefined when there is no worker bundle or one core. */
export function createAnalysisPool(dir = __dirname): AnalysisPool | undefined {
  const file = join(dir, 'analysisWorker.js');
  const cores = availableParallelism();
  if (!existsSync(file) || cores < 2) return undefined;
  return new AnalysisPool(file, Math.min(4, cores));
}
