import { expect } from 'vitest';
import { AppError } from '../../../shared/errors';

/** The AppError `work` is refused with; fails the test if it succeeds or throws anything else. */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
