import type { ArticleFields } from '../../../shared/article';
import { photosOf } from '../../../shared/photo-refs';
import type { StringKey } from '../../i18n/strings';

/** One compared field beyond headline, deck and body, as the plain text a DiffView shows. */
export interface ReviewField {
  key: string;
  label: string;
  text: string;
}

type Translate = (key: StringKey) => string;

/**
 * What else a desk checks between two versions: section, 기사 유형, 뉴스출처, tags, embargo, bylines,
 * dateline, and each photo's caption, credit and alt text (by photo, so a photo added or taken out
 * shows as such). Photos are keyed by library id and place, so two uses of one photo stay apart.
 */
export function reviewFields(f: ArticleFields, t: Translate, formatTime: (iso: string) => string): ReviewField[] {
  const typeKey = `type_${f.storyType}` as StringKey;
  const fields: ReviewField[] = [
    { key: 'section', label: t('section'), text: f.section },
    { key: 'storyType', label: t('storyType'), text: t(typeKey) ?? f.storyType },
    { key: 'source', label: t('sourceAttribution'), text: f.sourceAttribution },
    { key: 'tags', label: t('review_tags'), text: f.tags.join(', ') },
    { key: 'embargo', label: t('embargo'), text: f.embargoAt ? formatTime(f.embargoAt) : t('review_noEmbargo') },
    { key: 'bylines', label: t('review_bylines'), text: f.bylines.map((b) => `${b.name} ${b.title}`.trim()).join(', ') },
    { key: 'dateline', label: t('review_dateline'), text: f.dateline },
  ];
  const seen = new Map<string, number>();
  let n = 0;
  for (const p of photosOf(f)) {
    const use = (seen.get(p.mediaId) ?? 0) + 1;
    seen.set(p.mediaId, use);
    const name = p.role === 'lead' ? t('review_photoLead') : t('review_photo').replace('{n}', String((n += 1)));
    const key = `photo:${p.role === 'lead' ? 'lead' : 'body'}:${p.mediaId}:${use}`;
    fields.push(
      { key: `${key}:caption`, label: `${name} ${t('review_caption')}`, text: p.caption },
      { key: `${key}:credit`, label: `${name} ${t('review_credit')}`, text: p.credit },
      { key: `${key}:alt`, label: `${name} ${t('review_alt')}`, text: p.alt },
    );
  }
  return fields;
}

/** The fields that differ between two versions, a photo on one side only shown against "(빠짐)". */
export function changedFields(before: ReviewField[], after: ReviewField[], gone: string): { label: string; before: string; after: string; key: string }[] {
  const a = new Map(before.map((f) => [f.key, f]));
  const b = new Map(after.map((f) => [f.key, f]));
  const keys = [...new Set([...before.map((f) => f.key), ...after.map((f) => f.key)])];
  return keys.flatMap((key) => {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.text === y.text) return [];
    // A photo's empty credit on a side where the photo is missing is no change worth a line.
    if ((!x && y?.text === '') || (!y && x?.text === '')) return [];
    return [{ key, label: (y ?? x)!.label, before: x ? x.text : gone, after: y ? y.text : gone }];
  });
}
