// Loaded here first on purpose: on glibc Linux sharp must be loaded by the main thread before a worker
// loads it (the PDF converter encodes photos with it), so its shared libraries outlive the workers.
import 'sharp';
import os from 'node:os';
import { AppError, ErrorCode } from '../../shared/errors';
import { PoolFailure, WorkerPool, type JobAnswer } from './pool';
import type { JobResults, UntrustedJob } from './untrusted-jobs';
import { spawnUntrustedWorker } from './untrusted-entry';

/**
 * Every conversion of an untrusted document and every parse of a photo's metadata runs here, in a
 * worker thread with its own heap limit and a time limit, two at a time at most (this is a desktop
 * app sharing its cores with the editor): a hostile file costs one worker a bounded time and heap,
 * and the main process, whose event loop serves every window, never stalls on it.
 *
 * sharp's decoding of a photo stays in the main process: libvips already decodes on libuv's threads,
 * off the event loop, its memory is native (a worker's resourceLimits bound only the V8 heap), and
 * UNTRUSTED_INPUT's limitInputPixels with probeImage's header check bound what it will decode.
 */
export interface UntrustedWorkOptions {
  size?: number;
  timeoutMs?: number;
  /** Old-generation heap of one worker in MB (young generation and stack are fixed). */
  heapMb?: number;
}

/** A 300-page release converts in a few seconds; a minute is far beyond any real one. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** Room for jsdom's tree of a large saved page and pdf.js's page objects; a file needing more is refused, the process is not. */
const DEFAULT_HEAP_MB = 1_024;

export class UntrustedWork {
  private readonly pool: WorkerPool;
  private warming: Promise<void> | undefined;
  readonly timeoutMs: number;
  /** Jobs answered, by kind (refusals included): what ran here rather than on the main thread. */
  readonly answered: Record<UntrustedJob['kind'], number> = { document: 0, 'photo-metadata': 0, warm: 0 };

  constructor(options: UntrustedWorkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
    this.pool = new WorkerPool({
      size: options.size ?? Math.max(1, Math.min(2, os.availableParallelism())),
      timeoutMs: this.timeoutMs,
      spawn: () => spawnUntrustedWorker({ maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 }),
    });
  }

  get load() {
    return this.pool.load;
  }

  convertDocument(data: Uint8Array, fileName: string): Promise<JobResults['document']> {
    return this.run({ kind: 'document', data, fileName }, fileName) as Promise<JobResults['document']>;
  }

  readPhotoMetadata(data: Uint8Array, fileName: string): Promise<JobResults['photo-metadata']> {
    return this.run({ kind: 'photo-metadata', data }, fileName) as Promise<JobResults['photo-metadata']>;
  }

  /**
   * Starts a worker and loads the converters into it, once, in the background: what the main process
   * used to load at start, so the first import does not wait seconds for it (more under tsx).
   */
  warm(): Promise<void> {
    this.warming ??= this.run({ kind: 'warm' }, 'warm-up', true).then(
      () => undefined,
      () => undefined,
    );
    return this.warming;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(job: UntrustedJob, fileName: string, warm = false): Promise<unknown> {
    let reply: JobAnswer;
    try {
      reply = await this.pool.run(job, { warm });
      this.answered[job.kind] += 1;
    } catch (err) {
      throw refusal(err instanceof PoolFailure ? err : new PoolFailure('crashed'), fileName, this.timeoutMs);
    }
    if (reply.ok) return reply.value;
    const { code, name, message } = reply.error;
    const known = ErrorCode.safeParse(code);
    if (known.success) throw new AppError(known.data, message);
    if (name === 'RangeError')
      throw new AppError('VALIDATION', `'${fileName}'의 구조가 너무 깊게 겹쳐 있어 읽을 수 없습니다. 조작되었거나 손상된 파일이라 가져오지 않았습니다.`);
    throw new Error(message);
  }
}

function refusal(failure: PoolFailure, fileName: string, timeoutMs: number): AppError {
  switch (failure.reason) {
    case 'timeout':
      return new AppError(
        'VALIDATION',
        `'${fileName}'을(를) 읽는 데 ${Math.round(timeoutMs / 1000)}초가 넘게 걸려 중단했습니다. 조작되었거나 지나치게 복잡한 파일일 수 있습니다. 원본을 확인한 뒤 다시 가져오세요.`,
      );
    case 'memory':
      return new AppError('VALIDATION', `'${fileName}'을(를) 읽는 데 메모리가 너무 많이 들어 중단했습니다. 압축 폭탄이거나 조작된 파일일 수 있습니다.`);
    case 'closed':
      return new AppError('CONFLICT', `프로그램이 종료되는 중이라 '${fileName}'을(를) 읽지 않았습니다. 다시 시작한 뒤 가져오세요.`);
    case 'crashed':
      return new AppError('VALIDATION', `'${fileName}'을(를) 읽던 작업이 비정상 종료되었습니다. 손상되었거나 조작된 파일일 수 있습니다.`);
  }
}

let shared: UntrustedWork | undefined;

/** The process's one queue of untrusted work, made on first use. */
export function untrustedWork(): UntrustedWork {
  shared ??= new UntrustedWork();
  return shared;
}
