import { z } from 'zod';
import { FileName, fileBytes } from './contract-files';
import { MAX_PHOTO_BYTES, MediaId, MediaItem, MediaUsage } from './media';

/**
 * The media library's methods. `binary` names the one field that carries file bytes: web mode sends it
 * as the raw request body with the rest of the input in a header, so a 30 MB photo is not base64 JSON.
 */
export const mediaMethods = {
  'media.import': {
    input: z.strictObject({ fileName: FileName, data: fileBytes(MAX_PHOTO_BYTES) }),
    output: z.object({ item: MediaItem, reused: z.boolean() }),
    binary: 'data',
  },
  'media.get': {
    input: z.strictObject({ id: MediaId }),
    output: MediaItem,
  },
  'media.search': {
    input: z.strictObject({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(200).default(60),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({ items: z.array(MediaItem), total: z.number().int().min(0) }),
  },
  'media.update': {
    input: z.strictObject({
      id: MediaId,
      caption: z.string().max(1_000).optional(),
      credit: z.string().max(200).optional(),
      alt: z.string().max(500).optional(),
      creator: z.string().max(200).optional(),
      copyright: z.string().max(300).optional(),
    }),
    output: MediaItem,
  },
  'media.usage': {
    input: z.strictObject({ id: MediaId }),
    output: z.array(MediaUsage),
  },
} as const;
