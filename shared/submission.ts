import { editorStateToText } from './editor-text';
import { houseStyleProblems } from './house-style-submission';
import type { MediaRole } from './media';
import { photosOf } from './photo-refs';
import type { HouseStyleSettings } from './settings-house-style';
import type { SubmissionCheckInput, SubmissionField, SubmissionProblem } from './submission-problem';

export type { SubmissionCheckInput, SubmissionField, SubmissionProblem } from './submission-problem';

/**
 * What a story must have before it goes to the desk (DESIGN.md, Workflow). The same check runs in the
 * renderer (to list every failing field before the reporter submits) and in the main process (which
 * refuses a submission that fails it, whatever the renderer showed).
 */

const ROLE_KO: Record<MediaRole, string> = { lead: '대표 사진', body: '본문', gallery: '갤러리' };

/** Every problem with `fields`, errors first, in the order the screen shows the fields; with `style`, the 표기 원칙 too. */
export function checkSubmission(fields: SubmissionCheckInput, style?: HouseStyleSettings): SubmissionProblem[] {
  const errors: SubmissionProblem[] = [];
  const warnings: SubmissionProblem[] = [];
  const error = (field: SubmissionField, label: string, message: string) => errors.push({ field, label, message, severity: 'error' });

  if (fields.headline.trim() === '') error('headline', '제목', '제목이 없습니다.');
  if (fields.section.trim() === '') error('section', '섹션', '섹션을 고르지 않았습니다.');
  if (!fields.bylines.some((b) => b.name.trim() !== '')) error('bylines', '바이라인', '바이라인(기자 이름)이 없습니다.');

  const photos = photosOf(fields);
  const text = editorStateToText(fields.body).trim();
  // A photo story (포토) may be its pictures and their captions alone; it must then have a picture.
  if (fields.storyType === 'photo') {
    if (photos.length === 0 && text === '') error('photos', '사진', '포토 기사에 사진이 없습니다.');
  } else if (text === '') {
    error('body', '본문', '본문이 없습니다.');
  }

  photos.forEach((p, i) => {
    const position = i + 1;
    const name = `사진 ${position}(${ROLE_KO[p.role]})`;
    const photo = { position, role: p.role, mediaId: p.mediaId };
    if (p.caption.trim() === '')
      errors.push({ field: 'photo.caption', label: `${name} 설명`, message: `${name}에 사진 설명이 없습니다.`, severity: 'error', photo });
    if (p.credit.trim() === '')
      errors.push({ field: 'photo.credit', label: `${name} 크레디트`, message: `${name}에 크레디트가 없습니다.`, severity: 'error', photo });
    if (p.alt.trim() === '')
      warnings.push({
        field: 'photo.alt',
        label: `${name} 대체 텍스트`,
        message: `${name}에 대체 텍스트가 없습니다(송고는 됩니다).`,
        severity: 'warning',
        photo,
      });
  });

  if (fields.storyType === 'press_release' && fields.sourceAttribution.trim() === '') {
    error('sourceAttribution', '뉴스출처', '보도자료 기사에는 뉴스출처가 있어야 합니다.');
  }
  for (const p of style ? houseStyleProblems(fields, style) : []) (p.severity === 'error' ? errors : warnings).push(p);
  return [...errors, ...warnings];
}

export function blockingProblems(problems: readonly SubmissionProblem[]): SubmissionProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
