import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChunkData, DocumentText } from '../engine/index';

// Worker threads that analyse YAML documents while the main thread keeps answering requests: opening
// a large file or scanning a large workspace uses every core. Workers start on first use and stop when
// idle for a while (their memory is returned). Any failure makes the caller analyse in-thread instead.

export interface AnalysisRequest {
  id: number;
  uri: string;
  docs: DocumentText[];
  /** Send each document's outline too (see OUTLINE_FROM). */
  outline: boolean;
}

/** Results as JSON text when it brings them back exactly (see exactJson), else as they are. */
export type AnalysisResponse =
  | { id: number; json: string }
  | { id: number; data: ChunkData[] }
  | { id: number; error: string };

interface Slot {
  worker: Worker;
  /** Documents sent and not yet answered: work goes to the least loaded worker. */
  load: number;
  pending: Map<number, { resolve: (d: ChunkData[]) => void; reject: (e: Error) => void; size: number }>;
}

/** Urgency of a request, shared with the caller: it may become urgent while it waits (an editor opened the file). */
export interface Priority {
  high: boolean;
}

interface Queued {
  uri: string;
  docs: DocumentText[];
  outline: boolean;
  priority: Priority;
  resolve: (d: ChunkData[]) => void;
  reject: (e: Error) => void;
}

/** Documents per message: small enough to spread one large file over every worker. */
const BATCH = 250;
/** Background work goes out in small messages, so urgent work never waits long for a worker. */
const BACKGROUND_BATCH = 40;
/** Messages a worker holds at once: one being analysed, one ready (no idle gap between them). */
const IN_FLIGHT = 2;
/**
 * Files with at least this many documents come back with their outlines. Others take theirs in the
 * main thread if an editor asks (most scanned files are never opened, and outlines were a sixth of a
 * workspace's memory); taking a 5,000-document file's outline again would mean parsing it again
 * (1.3 s against 0.1 s).
 */
const OUTLINE_FROM = 200;
// Idle workers are stopped soon: they hold ~40 MiB each, and are needed only for bursts (opening, scanning).
const IDLE_MS = 500;

export class AnalysisPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private broken = false;

  constructor(
    private readonly workerFile: string,
    private readonly size: number,
  ) {}

  get available(): boolean {
    return !this.broken;
  }

  /**
   * Analyses documents of one file; resolves in the order given. Urgent work (a file an
   * editor shows) is sent before background work (the workspace scan) that has not been sent yet.
   */
  async analyse(uri: string, docs: DocumentText[], priority: Priority = { high: true }): Promise<ChunkData[]> {
    if (this.broken) throw new Error('analysis pool unavailable');
    this.ensureStarted();
    clearTimeout(this.idleTimer);
    const parts: Promise<ChunkData[]>[] = [];
    const outline = docs.length >= OUTLINE_FROM;
    const per = Math.max(
      1,
      Math.min(priority.high ? BATCH : BACKGROUND_BATCH, Math.ceil(docs.length / this.slots.length)),
    );
    for (let i = 0; i < docs.length; i += per) {
      const part = docs.slice(i, i + per);
      parts.push(
        new Promise<ChunkData[]>((resolve, reject) =>
          this.queue.push({ uri, docs: part, outline, priority, resolve, reject }),
        ),
      );
    }
    this.dispatch();
    try {
      return (await Promise.all(parts)).flat();
    } finally {
      this.scheduleIdle();
    }
  }

  private readonly queue: Queued[] = [];

  /** Sends queued work to workers with room, urgent work first. */
  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.reduce<Slot | undefined>(
        (a, b) => (b.pending.size < IN_FLIGHT && (!a || b.load < a.load) ? b : a),
        undefined,
      );
      if (!slot) return;
      let k = this.queue.findIndex((q) => q.priority.high);
      if (k < 0) k = 0;
      const q = this.queue.splice(k, 1)[0]!;
      this.send(slot, q.uri, q.docs, q.outline).then(q.resolve, q.reject);
    }
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.stop(new Error('analysis pool disposed'));
  }

  private send(slot: Slot, uri: string, docs: DocumentText[], outline: boolean): Promise<ChunkData[]> {
    const id = this.nextId++;
    slot.load += docs.length;
    return new Promise<ChunkData[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, size: docs.length });
      slot.worker.postMessage({ id, uri, docs, outline } satisfies AnalysisRequest);
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
        else p.resolve('json' in res ? (JSON.parse(res.json) as ChunkData[]) : res.data);
        this.dispatch();
      });
      // A crashed worker fails its pending work (the caller falls back) and disables the pool.
      worker.on('error', (err) => {
        this.broken = true;
        this.stop(err);
      });
      worker.on('exit', (code) => {
        if (code !== 0 && this.slots.includes(slot)) {
          this.broken = true;
          this.stop(new Error(`analysis worker exited with ${code}`));
        }
      });
      this.slots.push(slot);
    }
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.queue.length || this.slots.some((s) => s.pending.size)) return;
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
    this.idleTimer.unref();
  }

  private stop(err?: Error): void {
    const slots = this.slots;
    this.slots = [];
    for (const q of this.queue.splice(0)) q.reject(err ?? new Error('analysis pool stopped'));
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
