import type { Backend } from '../../../electron/host/bootstrap';
import { DEFAULT_META, type Article, type ArticleFields } from '../../../shared/article';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import type { MediaItem, PhotoRef } from '../../../shared/media';
import type { Profile } from '../../../shared/profiles';
import { makeImage } from '../../integration/support/images';
import { ok, type ApprovedArticle } from '../../integration/support/publish-article';

/** What a press release or a photo's own IPTC caption could carry into each text field of a story. */
export const HOSTILE_TEXT = 'AI & 반도체 <특집> <script>alert(1)</script> <img src=x onerror=alert(1)> &amp; [audio src="http://127.0.0.1:9/x.mp3"]';

/**
 * A story filed and approved through the contract with `text` (plus a marker per field) in its
 * headline, deck, section, tags, bylines, 뉴스출처, a body paragraph, and both photos' caption,
 * credit and alt text.
 */
export async function hostileApprovedArticle(backend: Backend, text: string, photoSeed: number): Promise<ApprovedArticle> {
  const photos: MediaItem[] = [];
  for (const i of [0, 1]) {
    const data = new Uint8Array(await makeImage('jpeg', { width: 800, height: 600, seed: photoSeed * 10 + i }));
    photos.push((await ok<{ item: MediaItem }>(backend, 'media.import', { fileName: `사진 ${i}.jpg`, data })).item);
  }
  const photo = (i: number): PhotoRef => ({
    mediaId: photos[i]!.id,
    caption: `캡션${i} ${text}`,
    credit: `제공${i} ${text}`.slice(0, 200),
    alt: `대체${i} ${text}`,
  });
  const lead = photo(0);
  const inline = photo(1);
  // Numbered, so a CMS that outlives the test run makes its terms afresh.
  const section = `${photoSeed} ${text}`.slice(0, 50).trim();
  const reporter = await ok<Profile>(backend, 'profiles.create', { name: `김기자${photoSeed}`, email: '', role: 'reporter' });
  const desk = await ok<Profile>(backend, 'profiles.create', { name: `박데스크${photoSeed}`, email: '', role: 'desk', sections: [section] });
  const created = await ok<Article>(backend, 'articles.create', {}, { actorId: reporter.id });
  const body = editorStateFromParagraphs([`본문 ${text}`, '두 번째 문단', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
  body.root.children.splice(1, 0, { type: 'photo', version: 1, ...inline } as never);
  const fields: ArticleFields = {
    ...DEFAULT_META,
    headline: `제목 ${text}`,
    deck: `부제 ${text}`,
    section,
    body,
    storyType: 'press_release',
    sourceAttribution: `출처 ${text}`.slice(0, 100),
    bylines: [{ name: `기자 ${text}`.slice(0, 50), email: '', title: text.slice(0, 30) }],
    tags: [`태그${photoSeed} ${text}`.slice(0, 50)],
    leadPhoto: lead,
  };
  const saved = await ok<Article>(backend, 'articles.save', { id: created.id, baseVersion: created.version, fields }, { actorId: reporter.id });
  await ok(backend, 'workflow.submit', { id: created.id, version: saved.version, note: '' }, { actorId: reporter.id });
  await ok(backend, 'workflow.startReview', { id: created.id }, { actorId: desk.id });
  const approved = await ok<{ article: Article }>(backend, 'workflow.approve', { id: created.id, version: saved.version, note: '' }, { actorId: desk.id });
  return { article: approved.article, fields, reporter, desk, lead, inline, photos };
}
