import { z } from 'zod';

/** Every failure that crosses the contract is one of these codes; the message is for people (Korean first). */
export const ErrorCode = z.enum(['VALIDATION', 'UNKNOWN_METHOD', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHORIZED', 'STORAGE', 'INTERNAL']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Extra facts a client can act on (for CONFLICT: the version now stored). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Thrown by services; the dispatcher turns it into `{ok:false, error}`. Plain data, no stack crosses the boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
