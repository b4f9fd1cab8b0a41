import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import type { DuplicateCheck } from '../../shared/contract-duplicates';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { ImportResult } from '../../shared/press-release';
import type { Profile } from '../../shared/profiles';
import { duplicateCases } from '../fixtures/near-duplicates';
import { startTestBackend } from './support/backend';
import { makeDocx } from './support/documents';
import { ok } from './support/publish-article';
import { makeTempDir, removeTempDirs } from './support/temp';

/* Issue 23: near-duplicates of a story in the archive, through the contract, on the test engine (SQLite, or PostgreSQL). */

let dataDir: string;
let backend: Backend;
let kim: Profile;
let lee: Profile;

beforeEach(async () => {
  dataDir = makeTempDir('byline-duplicates-');
  ({ backend } = await startTestBackend(dataDir));
  kim = await ok<Profile>(backend, 'profiles.create', { name: '김기자', email: 'kim@example.com', role: 'reporter' });
  lee = await ok<Profile>(backend, 'profiles.create', { name: '이기자', email: 'lee@example.com', role: 'reporter' });
});

afterEach(async () => {
  await backend.close();
  removeTempDirs();
});

async function story(owner: Profile, fields: ArticleFields): Promise<Article> {
  const caller = { actorId: owner.id };
  const created = await ok<Article>(backend, 'articles.create', {}, caller);
  return ok<Article>(backend, 'articles.save', { id: created.id, baseVersion: created.version, fields: { ...fieldsOf(created), ...fields } }, caller);
}

const check = (articleId: string) => ok<DuplicateCheck>(backend, 'duplicates.check', { articleId });

describe('duplicates.check', () => {
  it('finds each kind of near-duplicate a colleague filed, and nothing for stories on the same beat: precision ≥ 0.95, recall ≥ 0.9', async () => {
    const { cases, unrelated } = duplicateCases(20251226, 25);
    const originals: Article[] = [];
    for (const c of cases) originals.push(await story(kim, c.original.fields));
    const others: Article[] = [];
    for (const u of unrelated) others.push(await story(kim, u.fields));
    let truePositives = 0;
    let reported = 0;
    const missed: string[] = [];
    for (const [k, c] of cases.entries()) {
      const variant = await story(lee, c.variant);
      const { checked, matches } = await check(variant.id);
      expect(checked).toBe(true);
      reported += matches.length;
      if (matches.some((m) => m.articleId === originals[k]!.id)) truePositives += 1;
      else missed.push(c.kind);
    }
    // Checked last, an unrelated story sees the whole archive: whatever it finds is a false positive.
    for (const other of others) reported += (await check(other.id)).matches.length;
    expect(missed).toEqual([]);
    expect(truePositives / reported).toBeGreaterThanOrEqual(0.95);
    expect(truePositives / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  it('says whose story it is, when it was made and that it came from the same release a colleague imported, and never finds the story itself', async () => {
    const data = new Uint8Array(await makeDocx());
    const first = await ok<ImportResult>(backend, 'import.document', { fileName: '보도자료.docx', data }, { actorId: kim.id });
    const second = await ok<ImportResult>(backend, 'import.document', { fileName: '보도자료(2).docx', data }, { actorId: lee.id });
    const found = await check(second.article.id);
    expect(found.checked).toBe(true);
    expect(found.matches).toEqual([
      {
        articleId: first.article.id,
        headline: first.article.headline,
        reporter: '김기자',
        state: 'draft',
        createdAt: first.article.createdAt,
        updatedAt: expect.any(String) as string,
        similarity: 1,
        imported: true,
      },
    ]);
    expect((await check(first.article.id)).matches.map((m) => m.articleId)).toEqual([second.article.id]);
  });

  it('follows saves: a story rewritten into another is no longer found, and its new text is', async () => {
    const { cases, unrelated } = duplicateCases(31, 1);
    const original = await story(kim, cases[0]!.original.fields);
    const copy = await story(lee, cases[0]!.original.fields);
    expect((await check(copy.id)).matches.map((m) => m.articleId)).toEqual([original.id]);
    const other = await story(kim, unrelated[0]!.fields);
    const rewritten = await ok<Article>(
      backend,
      'articles.save',
      { id: copy.id, baseVersion: copy.version, fields: { ...fieldsOf(copy), body: unrelated[0]!.fields.body } },
      { actorId: lee.id },
    );
    expect((await check(rewritten.id)).matches.map((m) => m.articleId)).toEqual([other.id]);
    expect((await check(original.id)).matches).toEqual([]);
  });

  it('claims nothing for a body too short to judge, judges a damaged signature from the body, and refuses a story that does not exist, in Korean', async () => {
    const empty = await ok<Article>(backend, 'articles.create', {}, { actorId: kim.id });
    const other = await ok<Article>(backend, 'articles.create', {}, { actorId: lee.id });
    expect(await check(empty.id)).toEqual({ checked: false, matches: [] });
    expect(await check(other.id)).toEqual({ checked: false, matches: [] });
    const short = await story(kim, { ...fieldsOf(empty), body: editorStateFromParagraphs(['장관이 발표했다.']) });
    expect((await check(short.id)).checked).toBe(false);
    // A stored signature that cannot be read (damaged, or written by hand) is made again from the body, never trusted.
    const { cases } = duplicateCases(53, 1);
    const original = await story(kim, cases[0]!.original.fields);
    const copy = await story(lee, cases[0]!.original.fields);
    await backend.db.run('UPDATE article_signatures SET minhash = ? WHERE article_rowid = (SELECT rowid FROM articles WHERE id = ?)', [
      Buffer.from('not a signature'),
      copy.id,
    ]);
    expect((await check(copy.id)).matches.map((m) => m.articleId)).toEqual([original.id]);
    const missing = await backend.dispatch('duplicates.check', { articleId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('기사를 찾을 수 없습니다') as string } });
    const malformed = await backend.dispatch('duplicates.check', { articleId: "' OR 1=1 --" });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('signs at start the stories that have no signature (an archive from before migration 012) or an old one, and finds them again', async () => {
    const { cases } = duplicateCases(47, 1);
    const original = await story(kim, cases[0]!.original.fields);
    const variant = await story(lee, cases[0]!.variant);
    await backend.db.exec('DELETE FROM article_signature_bands; DELETE FROM article_signatures;');
    // Unsigned, the variant is judged from its text, but the original is not in the band index.
    expect((await check(variant.id)).matches).toEqual([]);
    await backend.close();
    ({ backend } = await startTestBackend(dataDir));
    expect(await backend.db.get('SELECT count(*) AS n FROM article_signatures')).toEqual({ n: 2 });
    expect((await check(variant.id)).matches.map((m) => m.articleId)).toEqual([original.id]);

    // Signatures of another signer version (a later build changed the shingling) are made again, their old bands gone.
    await backend.db.exec('UPDATE article_signatures SET signer_version = 0');
    await backend.db.run('INSERT INTO article_signature_bands (band_hash, article_rowid) SELECT 12345, article_rowid FROM article_signatures');
    await backend.close();
    ({ backend } = await startTestBackend(dataDir));
    expect(await backend.db.get('SELECT count(*) AS n FROM article_signatures WHERE signer_version = 0')).toEqual({ n: 0 });
    expect(await backend.db.get('SELECT count(*) AS n FROM article_signature_bands WHERE band_hash = 12345')).toEqual({ n: 0 });
    expect(await backend.db.get('SELECT count(*) AS n FROM article_signature_bands')).toEqual({ n: 64 });
    expect((await check(variant.id)).matches.map((m) => m.articleId)).toEqual([original.id]);
  });
});
