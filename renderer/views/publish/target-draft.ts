import type { z } from 'zod';
import type { PublishTarget, PublishTargetInput } from '../../../shared/contract-publish';
import { targetKind, type FieldDescriptor, type PublishTargetKind, type TargetKindSpec } from '../../../shared/publish-targets/index';

/*
 * The target being edited in the settings panel, as plain values keyed like the kind's settings
 * document, and what the panel sends from it. Pure, so the panel's JSX only draws.
 */

export type FieldValue = string | boolean;

export interface TargetDraft {
  /** Absent: a new target. */
  id?: number;
  kind: PublishTargetKind;
  name: string;
  values: Record<string, FieldValue>;
  /** Typed secret; empty: keep the stored one. */
  secret: string;
}

/** The kind's settings fields (its secret travels apart). */
export function settingFields(spec: TargetKindSpec): FieldDescriptor[] {
  return spec.fields.filter((f) => f.input !== 'secret');
}

function emptyValue(f: FieldDescriptor): FieldValue {
  if (f.input === 'toggle') return false;
  if (f.input === 'choice') return f.choices?.[0]?.value ?? '';
  // An optional address (a logo) starts empty: a bare "https://" is not an address and would be refused.
  if (f.input === 'url') return f.required ? 'https://' : '';
  return '';
}

/** Values for a kind, starting from what was typed for another kind where a key means the same (the address). */
function valuesFor(spec: TargetKindSpec, from: Record<string, unknown>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of settingFields(spec)) {
    const had = from[f.key];
    out[f.key] = typeof had === typeof emptyValue(f) ? (had as FieldValue) : emptyValue(f);
  }
  return out;
}

export function newDraft(kind: PublishTargetKind): TargetDraft {
  return { kind, name: '', values: valuesFor(targetKind(kind)!, {}), secret: '' };
}

/** A new target switched to another kind keeps its name and the values both kinds have. */
export function withKind(draft: TargetDraft, kind: PublishTargetKind): TargetDraft {
  return { ...draft, kind, values: valuesFor(targetKind(kind)!, draft.values) };
}

/** A stored target to edit; undefined for a kind this build does not know (nothing to draw it with). */
export function draftOf(target: PublishTarget): TargetDraft | undefined {
  const spec = targetKind(target.kind);
  return spec && { id: target.id, kind: spec.kind, name: target.name, values: valuesFor(spec, target.settings), secret: '' };
}

/** What publish.saveTarget gets: the whole settings document, the secret only when typed. The kind's schema judges it there. */
export function inputOf(draft: TargetDraft): z.input<typeof PublishTargetInput> {
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    kind: draft.kind,
    name: draft.name,
    settings: draft.values,
    ...(draft.secret ? { secret: draft.secret } : {}),
  } as z.input<typeof PublishTargetInput>;
}

/**
 * Whether saving keeps the stored secret: the server drops it when a setting it was typed for changes
 * (publish-repo updateTarget), and the panel says so before the desk saves.
 */
export function keepsSecret(draft: TargetDraft, stored: PublishTarget | undefined): boolean {
  const spec = targetKind(draft.kind);
  if (!stored?.hasSecret || !spec?.secret || stored.kind !== draft.kind) return false;
  return spec.secret.boundTo.every((key) => String(stored.settings[key] ?? '').trim() === String(draft.values[key] ?? '').trim());
}
