import { z } from 'zod';
import { isRefusedHost, LINK_LOCAL_MESSAGE } from '../link-local';

/*
 * What a publish target kind declares about its settings, in one place both processes read: the zod
 * schema the main process stores and checks them with, and the fields the settings panel draws from it.
 * A kind's secret (password, API key) is a field of the form but never part of the settings document:
 * it is sealed in its own column and only "is set" ever comes back.
 */

/** Words the panel shows, in each interface language. */
export interface Words {
  ko: string;
  en: string;
}

/** How the panel draws a field: a web address, a line of text, a folder name, a choice, a checkbox, or the write-only secret. */
export type FieldInput = 'url' | 'text' | 'folder' | 'choice' | 'toggle' | 'secret';

export interface FieldDescriptor {
  /** The key in the settings document; 'secret' for the kind's secret. */
  key: string;
  input: FieldInput;
  label: Words;
  help?: Words;
  required: boolean;
  maxLength?: number;
  /** For 'choice': the values in the order shown. */
  choices?: ReadonlyArray<{ value: string; label: Words }>;
}

/** The secret a kind needs to reach its site, and which settings it belongs to. */
export interface SecretSpec {
  schema: z.ZodType<string, string>;
  /** Said when a new target comes without one. */
  requiredMessage: string;
  /** Settings the secret was typed for: changing any of them drops the stored secret (it belongs to that site and account). */
  boundTo: readonly string[];
  /** Under the field when a secret is stored and will be kept. */
  keep: Words;
  /** Under the field when the edit moves the target, so the stored secret will be dropped. */
  retype: Words;
  /** In the list, for a target without one. */
  missing: Words;
}

export interface TargetKindSpec<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  kind: K;
  label: Words;
  /** The settings document: every key the kind stores besides its secret, with defaults for what a new target may leave out. */
  settings: S;
  /** The form, in the order shown; includes the secret's field when the kind has one. */
  fields: readonly FieldDescriptor[];
  secret: SecretSpec | null;
}

/** An http(s) address without a user name or password in it (credentials travel in headers, never in URLs), never link-local (shared/link-local.ts). */
export const WebAddress = z
  .string()
  .trim()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'http:// 또는 https:// 로 시작하는 주소를 쓰세요 (주소에 계정 정보를 넣지 마세요)')
  .refine((s) => {
    try {
      return !isRefusedHost(new URL(s).hostname);
    } catch {
      return true; // the refinement above already said what is wrong
    }
  }, LINK_LOCAL_MESSAGE);

/** What taking a withdrawn story down does on a CMS: unpublish it (draft) or move it to the site's trash (Ghost: delete it). */
export const PublishTakedown = z.enum(['draft', 'trash']);
export type PublishTakedown = z.infer<typeof PublishTakedown>;

/** Whether a corrected story's title goes out as "[정정보도] …": every kind has it, the publish service reads it. */
export const CorrectionPrefix = z.boolean().default(false);

export const CORRECTION_PREFIX_FIELD: FieldDescriptor = {
  key: 'correctionPrefix',
  input: 'toggle',
  label: { ko: '정정한 기사 제목 앞에 [정정보도] 붙이기', en: 'Put [정정보도] before a corrected story’s title' },
  required: false,
};

export function siteAddressField(help?: Words): FieldDescriptor {
  return { key: 'url', input: 'url', label: { ko: '사이트 주소', en: 'Site address' }, required: true, maxLength: 500, ...(help ? { help } : {}) };
}

export function takedownField(trashLabel: Words): FieldDescriptor {
  return {
    key: 'takedown',
    input: 'choice',
    label: { ko: '철회한 기사 내리기', en: 'Taking a withdrawn story down' },
    required: true,
    choices: [
      { value: 'draft', label: { ko: '임시글로 돌리기', en: 'Back to draft' } },
      { value: 'trash', label: trashLabel },
    ],
  };
}
