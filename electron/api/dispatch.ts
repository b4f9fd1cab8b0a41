import { z } from 'zod';
import { CallContext } from '../../shared/call-context';
import { contract, isMethod, type Method } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { storageFailure } from '../db/storage-error';
import { assertPayloadDepth } from '../../shared/payload-guard';
import { stripNul } from '../../shared/strip-nul';
import type { EventSink } from '../services/event-sink';
import type { Handlers } from './handlers';
import { articleChangeOf } from './article-changes';

// Validation messages reach reporters: Korean, as the rest of the interface.
z.config(z.locales.ko());

/** `context` says who calls (shared/call-context.ts); the host fills it in, never the input. */
export type Dispatch = (method: string, input: unknown, context?: CallContext) => Promise<Result<unknown>>;

/** Keys and values a caller sent come back inside messages (an unknown key is named): never at any length. */
function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${clip(i.path.map(String).join('.'), 80) || '(입력)'}: ${clip(i.message)}`)
    .join('; ');
}

async function call(handlers: Handlers, method: Method, raw: unknown, rawContext: unknown): Promise<unknown> {
  assertPayloadDepth(raw);
  const context = CallContext.safeParse(rawContext ?? {});
  if (!context.success) throw new AppError('VALIDATION', `누가 요청했는지 알 수 없습니다 — ${describeIssues(context.error.issues)}`);
  const spec = contract[method];
  const parsed = spec.input.safeParse(raw === undefined ? {} : raw);
  if (!parsed.success) throw new AppError('VALIDATION', `입력이 올바르지 않습니다 — ${describeIssues(parsed.error.issues)}`);
  const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
  const value = await handler(stripNul(parsed.data), context.data);
  // The output schema is part of the contract too: a handler that breaks it is a bug, reported as one.
  const out = spec.output.safeParse(value);
  if (!out.success) throw new Error(`${method} returned a value outside its contract: ${describeIssues(out.error.issues)}`);
  return out.data;
}

/**
 * The host-independent entry point: IPC and web mode both pass the method name and the raw input
 * here and send back what it returns. It never throws and never returns a stack trace.
 */
export function createDispatch(handlers: Handlers, log: (message: string, err: unknown) => void = console.error, events?: EventSink): Dispatch {
  return async (method, input, context) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `알 수 없는 요청입니다: ${String(method).slice(0, 100)}` } };
    }
    try {
      const value = await call(handlers, method, input, context);
      // Announced only once stored: every other window's queue and open story follow without polling.
      const change = events ? articleChangeOf(method, value) : undefined;
      if (change) events!.emit('article.changed', change);
      return { ok: true, value };
    } catch (err) {
      // A disk that is full, read-only or failing is the reporter's to act on (STORAGE, in words), not a bug;
      // it still goes to the log with its cause. Backups reach the disk without db/, hence the second look here.
      const storage = err instanceof AppError ? (err.code === 'STORAGE' ? err : undefined) : storageFailure(err);
      if (storage) {
        log(`[byline] ${method} failed: storage`, storage.cause ?? storage);
        return { ok: false, error: storage.toApiError() };
      }
      if (err instanceof AppError) return { ok: false, error: err.toApiError() };
      log(`[byline] ${method} failed`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '내부 오류가 발생했습니다. 작업은 저장되지 않았을 수 있습니다. 다시 시도하세요.' } };
    }
  };
}
