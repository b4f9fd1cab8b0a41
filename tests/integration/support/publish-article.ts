import type { CallContext } from '../../../shared/call-context';
import type { Backend } from '../../../electron/host/bootstrap';
import { DEFAULT_META, type Article, type ArticleFields } from '../../../shared/article';
import type { Method } from '../../../shared/contract';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import type { Result } from '../../../shared/errors';
import type { MediaItem, PhotoRef } from '../../../shared/media';
import type { Profile } from '../../../shared/profiles';
import { seed, typedBody } from '../../fixtures/seed';
import { makeImage } from './images';

/** Calls a contract method on the backend and returns its value, or throws with the error's code and message. */
export async function ok<T>(backend: Backend, method: Method, input: unknown, context?: CallContext): Promise<T> {
  const r = (await backend.dispatch(method, input, context)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export interface ApprovedArticle {
  article: Article;
  fields: ArticleFields;
  reporter: Profile;
  desk: Profile;
  lead: PhotoRef;
  inline: PhotoRef;
  photos: MediaItem[];
}

/**
 * The seed story (tests/fixtures/seed-article.json) as a reporter files it and the desk approves it:
 * the body typed without the agency credit, 뉴스출처 in the inspector, a lead photo and one photo in
 * the body after the second paragraph, both imported into the library through the contract.
 */
export async function approvedSeedArticle(
  backend: Backend,
  options: {
    photoSeed?: number;
    embargoAt?: string | null;
    tags?: string[];
    fileNames?: [string, string];
    deck?: string;
    headline?: string;
    bylines?: ArticleFields['bylines'];
    inlineCaption?: string;
    slug?: string;
  } = {},
): Promise<ApprovedArticle> {
  const s = options.photoSeed ?? 1;
  const names = options.fileNames ?? ['브룩헤이븐 연구소 방문.jpg', 'IBM 왓슨 연구소 MOU.jpg'];
  const photos: MediaItem[] = [];
  for (const [i, name] of names.entries()) {
    const data = new Uint8Array(await makeImage('jpeg', { width: 1200, height: 800, seed: s * 10 + i }));
    photos.push((await ok<{ item: MediaItem }>(backend, 'media.import', { fileName: name, data })).item);
  }
  const lead: PhotoRef = {
    mediaId: photos[0]!.id,
    caption: '배경훈 장관이 브룩헤이븐 국립연구소를 둘러보고 있다',
    credit: '과학기술정보통신부 제공',
    alt: '연구시설 앞에 선 장관 일행',
  };
  const inline: PhotoRef = {
    mediaId: photos[1]!.id,
    caption: options.inlineCaption ?? 'IBM과 양자과학기술 협력 양해각서를 체결했다 <뉴욕>',
    credit: '과기정통부 제공',
    alt: '양해각서 서명식',
  };
  const reporter = await ok<Profile>(backend, 'profiles.create', { name: `김기자${s}`, email: 'kim@example.com', role: 'reporter' });
  const desk = await ok<Profile>(backend, 'profiles.create', { name: `박데스크${s}`, email: '', role: 'desk', sections: [seed.section] });
  const created = await ok<Article>(backend, 'articles.create', {}, { actorId: reporter.id });
  const body = editorStateFromParagraphs(typedBody);
  body.root.children.splice(2, 0, { type: 'photo', version: 1, ...inline } as never);
  const fields: ArticleFields = {
    ...DEFAULT_META,
    headline: options.headline ?? seed.headline,
    deck: options.deck ?? seed.deck,
    section: seed.section,
    body,
    storyType: 'press_release',
    sourceAttribution: seed.sourceAttribution,
    bylines: options.bylines ?? [{ name: '김기자', email: 'kim@example.com', title: '기자' }],
    tags: options.tags ?? ['양자', '한미협력'],
    embargoAt: options.embargoAt ?? null,
    leadPhoto: lead,
    slug: options.slug ?? '',
  };
  const saved = await ok<Article>(backend, 'articles.save', { id: created.id, baseVersion: created.version, fields }, { actorId: reporter.id });
  await ok(backend, 'workflow.submit', { id: created.id, version: saved.version, note: '' }, { actorId: reporter.id });
  await ok(backend, 'workflow.startReview', { id: created.id }, { actorId: desk.id });
  const approved = await ok<{ article: Article }>(backend, 'workflow.approve', { id: created.id, version: saved.version, note: '' }, { actorId: desk.id });
  return { article: approved.article, fields, reporter, desk, lead, inline, photos };
}
