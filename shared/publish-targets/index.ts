import { z } from 'zod';
import { BUNDLE_TARGET } from './bundle';
import type { TargetKindSpec } from './fields';
import { GHOST_TARGET } from './ghost';
import { WORDPRESS_TARGET } from './wordpress';

export { GHOST_ADMIN_KEY_PATTERN } from './ghost';
export { PublishTakedown, type FieldDescriptor, type FieldInput, type TargetKindSpec, type Words } from './fields';

/**
 * Every kind of publishing target this build knows, in the order the panel offers them. A new kind is
 * its own file here and one entry in this list and in PublishTargetInput below; storage needs nothing
 * (its settings are one JSON document, publish_targets.settings_json, and kind has no CHECK).
 */
export const TARGET_KINDS = [WORDPRESS_TARGET, GHOST_TARGET, BUNDLE_TARGET] as const;

export type PublishTargetKind = (typeof TARGET_KINDS)[number]['kind'];
export const PublishTargetKind = z.enum(TARGET_KINDS.map((k) => k.kind) as [PublishTargetKind, ...PublishTargetKind[]]);

type SpecOf<K extends PublishTargetKind> = Extract<(typeof TARGET_KINDS)[number], { kind: K }>;
/** A kind's settings document as stored and as its adapter reads it (defaults filled in). */
export type TargetSettingsOf<K extends PublishTargetKind> = z.output<SpecOf<K>['settings']>;

export const PublishTargetId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A kind this build knows; undefined for any other string (a newer Byline's kind, a hand-edited row, '__proto__'). */
export function targetKind(kind: string): (typeof TARGET_KINDS)[number] | undefined {
  return TARGET_KINDS.find((k) => k.kind === kind);
}

/** Why a stored target of an unknown kind cannot be used, naming it cut short, and what to do instead. */
export function unknownKindMessage(kind: string): string {
  const known = TARGET_KINDS.map((k) => k.label.ko).join(', ');
  return `이 버전의 Byline은 ‘${String(kind).slice(0, 40)}’ 종류의 출고 대상을 다룰 수 없습니다. 출고 대상 설정에서 ${known} 가운데 하나로 다시 만드세요.`;
}

/**
 * Reads a stored settings document through its kind's schema. A document that is not JSON or fails the
 * schema (edited by hand, written by a newer build) is an answer in Korean naming the first fields wrong,
 * never a crash.
 */
export function readSettings(spec: TargetKindSpec, json: string): { settings: Record<string, unknown> } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { problem: '저장된 설정이 JSON이 아닙니다. 출고 대상 설정에서 다시 저장하세요.' };
  }
  // Keys a newer build added are left out rather than refused: what this build needs is checked whole.
  const parsed = spec.settings.strip().safeParse(raw);
  if (parsed.success) return { settings: parsed.data };
  const wrong = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(설정)'}: ${i.message.slice(0, 120)}`)
    .join('; ');
  return { problem: `저장된 설정이 ${spec.label.ko} 대상의 설정으로 맞지 않습니다 (${wrong}). 출고 대상 설정에서 다시 저장하세요.` };
}

const TargetName = z.string().trim().min(1).max(100);

function inputFor<const K extends string, S extends z.ZodObject, X extends z.ZodType<string | undefined>>(kind: K, settings: S, secret: X) {
  return z.strictObject({
    /** Absent: a new target. */
    id: PublishTargetId.optional(),
    kind: z.literal(kind),
    name: TargetName,
    /** The whole settings document: a save replaces it. */
    settings,
    /** Write-only. Absent: keep the stored one (while the settings it is bound to stay as they were). */
    secret: secret.optional(),
  });
}

/** Refuses a secret sent for a kind that has none, saying so. */
const noSecret = (label: string) => z.undefined({ error: `${label} 대상에는 비밀번호가 없습니다.` });

/** A target as the settings panel saves it: `{ kind, name, settings, secret? }`, the settings checked by their kind's schema. */
export const PublishTargetInput = z.discriminatedUnion('kind', [
  inputFor(WORDPRESS_TARGET.kind, WORDPRESS_TARGET.settings, WORDPRESS_TARGET.secret.schema),
  inputFor(GHOST_TARGET.kind, GHOST_TARGET.settings, GHOST_TARGET.secret.schema),
  inputFor(BUNDLE_TARGET.kind, BUNDLE_TARGET.settings, noSecret(BUNDLE_TARGET.label.ko)),
]);
export type PublishTargetInput = z.infer<typeof PublishTargetInput>;
