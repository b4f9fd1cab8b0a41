import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { JobReply } from './pool';
import { loadJob, type UntrustedJob } from './untrusted-jobs';

/**
 * The worker's side: one job per message. `started` tells the pool the job's code is loaded and its
 * time limit starts now; then the value, or the error thrown (an AppError keeps its code).
 */
parentPort!.on('message', (job: UntrustedJob & { id: number }) => {
  const fail = (err: unknown) => {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.message }
        : { name: (err as Error)?.name ?? 'Error', message: String((err as Error)?.message ?? err) };
    parentPort!.postMessage({ id: job.id, ok: false, error } satisfies JobReply);
  };
  loadJob(job.kind).then((run) => {
    parentPort!.postMessage({ id: job.id, started: true } satisfies JobReply);
    return run(job).then((value) => parentPort!.postMessage({ id: job.id, ok: true, value } satisfies JobReply), fail);
  }, fail);
});
