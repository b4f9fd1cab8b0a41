import type { Worker } from 'node:worker_threads';

/** Why a job ended without an answer: the worker ran over its time, out of its heap, or died. */
export class PoolFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crashed' | 'closed',
    detail = '',
  ) {
    super(`worker ${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** What a job's worker answers: that it started (its code is loaded), then its value or the error it threw. */
export type JobReply =
  | { id: number; started: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code?: string; name?: string; message: string } };

export type JobAnswer = Exclude<JobReply, { started: true }>;

/** How long a new worker may take to load its code before it counts as hung (tsx compiles on first load). */
const BOOT_LIMIT_MS = 120_000;

export interface PoolOptions {
  /** Starts one worker (its entry, resourceLimits); called when a job needs one and none is idle. */
  spawn: () => Worker;
  /** Workers running at once; further jobs wait their turn. */
  size: number;
  /** Wall-clock limit of one job from when its code is loaded, after which its worker is terminated. */
  timeoutMs: number;
}

interface Task {
  message: { kind: string } & Record<string, unknown>;
  /** A worker being started ahead of need: jobs wait for it rather than start another cold one. */
  warm?: boolean;
  resolve: (reply: JobAnswer) => void;
  reject: (err: PoolFailure) => void;
}

/**
 * A queue of jobs over at most `size` worker threads. A worker serves one job at a time and is kept
 * (unref'd, so it never holds the process open) for the next; a worker that times out, runs out of
 * memory or dies is terminated and forgotten, so one hostile file costs one worker and nothing else.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private running = 0;
  private warming = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  run(message: Task['message'], options: { warm?: boolean } = {}): Promise<JobAnswer> {
    if (this.closed) return Promise.reject(new PoolFailure('closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject, warm: options.warm });
      this.pump();
    });
  }

  /** Jobs waiting and running, for tests and the bench. */
  get load(): { queued: number; running: number; idle: number } {
    return { queued: this.queue.length, running: this.running, idle: this.idle.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new PoolFailure('closed'));
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.running < this.options.size && this.queue.length > 0) {
      // A worker that is loading its code will be ready sooner than a new one started now.
      if (this.warming > 0 && this.idle.length === 0 && !this.queue[0]!.warm) return;
      this.running += 1;
      this.start(this.queue.shift()!);
    }
  }

  private start(task: Task): void {
    const worker = this.idle.pop() ?? this.options.spawn();
    worker.ref();
    if (task.warm) this.warming += 1;
    const id = this.nextId++;
    let settled = false;
    const finish = (failure: PoolFailure | undefined, reply?: JobAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.running -= 1;
      if (task.warm) this.warming -= 1;
      if (failure) {
        void worker.terminate().catch(() => undefined);
        task.reject(failure);
      } else {
        if (this.closed || this.idle.length >= this.options.size) void worker.terminate().catch(() => undefined);
        else {
          worker.unref();
          this.idle.push(worker);
        }
        task.resolve(reply!);
      }
      this.pump();
    };
    const onMessage = (reply: JobReply) => {
      if (reply.id !== id) return;
      if ('started' in reply) {
        clearTimeout(timer);
        timer = setTimeout(() => finish(new PoolFailure('timeout')), this.options.timeoutMs);
      } else finish(undefined, reply);
    };
    const onError = (err: Error & { code?: string }) => finish(new PoolFailure(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', err.message));
    const onExit = (code: number) => finish(new PoolFailure('crashed', `exit ${code}`));
    let timer = setTimeout(() => finish(new PoolFailure('timeout', 'loading')), Math.max(BOOT_LIMIT_MS, this.options.timeoutMs));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ ...task.message, id });
  }
}
