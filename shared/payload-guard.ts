import { AppError } from './errors';

export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Refuses payloads too deep to validate safely before zod walks them recursively (a 100,000-level
 * nested array would otherwise exhaust the stack).
 */
export function assertPayloadDepth(value: unknown, maxDepth = MAX_PAYLOAD_DEPTH): void {
  const stack: Array<{ v: unknown; d: number }> = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    // File bytes are one value, not a million children: a 30 MB photo would otherwise be walked byte by byte.
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
    if (d >= maxDepth) throw new AppError('VALIDATION', `입력의 중첩이 너무 깊습니다 (최대 ${maxDepth}단계).`);
    for (const child of Object.values(v as Record<string, unknown>)) stack.push({ v: child, d: d + 1 });
  }
}
