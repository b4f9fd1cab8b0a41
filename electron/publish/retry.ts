/** Retries with exponential backoff and jitter, for failures that may pass (timeouts, dropped connections, 5xx). */
export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryable(err: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, with the try that failed (1-based) and the wait. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The wait before retry `n` (1-based): base·2^(n-1), capped, with up to 25 % jitter so clients do not retry in step. */
export function backoffDelay(n: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
  return Math.round(exp * (0.75 + random() * 0.25));
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !options.retryable(err)) throw err;
      const delay = backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}

/** How a CMS client (WordPress, Ghost) waits for an answer and retries. */
export interface CmsClientOptions {
  /** Per request. */
  timeoutMs: number;
  retry: Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs' | 'sleep'>;
}

export const DEFAULT_CMS_CLIENT_OPTIONS: CmsClientOptions = { timeoutMs: 20_000, retry: { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 } };

/** What went wrong with a CMS request: no answer in time, no connection, an HTTP refusal, an answer that makes no sense. */
export type CmsFailureKind = 'timeout' | 'network' | 'http' | 'answer';

/** A failed CMS request. `message` is Korean and never holds a credential. */
export class CmsError extends Error {
  constructor(
    readonly kind: CmsFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Timeouts, dropped connections and server errors may pass; a 4xx will not. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'network' || this.kind === 'answer' || (this.status !== undefined && this.status >= 500);
  }
}
