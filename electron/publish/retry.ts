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
