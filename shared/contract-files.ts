import { z } from 'zod';

/** Raw file bytes up to `maxBytes`: a Uint8Array over IPC (structured clone), the request body itself in web mode. */
export function fileBytes(maxBytes: number) {
  return z
    .instanceof(Uint8Array, { message: '파일 내용이 없습니다' })
    .refine((b) => b.byteLength > 0, '빈 파일입니다')
    .refine((b) => b.byteLength <= maxBytes, `파일이 너무 큽니다 (최대 ${maxBytes / 1024 / 1024} MB)`);
}

/** A file's own name as the user's system gave it: a name, never a path. */
export const FileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', '파일 이름에 경로 구분자를 쓸 수 없습니다');
