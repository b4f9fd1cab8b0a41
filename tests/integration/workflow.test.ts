import { describe, expect, it } from 'vitest';
import { fieldsOf, type Article, type ArticleFields } from '../../shared/article';
import { anchorText, reanchor } from '../../shared/comment-anchor';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { AppError } from '../../shared/errors';
import {
  advanceClock,
  articles,
  chief,
  clockMs,
  complete,
  count,
  db,
  desk,
  events,
  failure,
  inReview,
  LEAD,
  PHOTO_ID,
  profiles,
  published,
  reporter,
  reporter2,
  SECTION,
  sportsDesk,
  story,
  submitted,
  workflow,
  useWorkflowDesk,
} from './support/workflow-desk';

/** The desk's workflow on a real sqlite3 file: profiles, filing, the review round, locks, embargo, the history, comments (setup: support/workflow-desk.ts). */

useWorkflowDesk();

describe('profiles', () => {
  it('lists the editor-in-chief, desk editors, then reporters', async () => {
    expect((await profiles.list()).map((p) => `${p.role}:${p.name}`)).toEqual([
      'chief:최국장',
      'desk:박데스크',
      'desk:정데스크',
      'reporter:김기자',
      'reporter:이기자',
    ]);
  });

  it('refuses a desk editor without sections, on creation and on change', async () => {
    expect((await failure(profiles.create({ name: '한데스크', email: '', role: 'desk', sections: [] }))).code).toBe('VALIDATION');
    expect((await failure(profiles.update({ id: reporter.id, role: 'desk', sections: [] }))).code).toBe('VALIDATION');
    const promoted = await profiles.update({ id: reporter2.id, role: 'desk', sections: ['사회'] });
    expect(promoted).toMatchObject({ role: 'desk', sections: ['사회'], name: '이기자' });
  });
});

describe('a new story', () => {
  it('belongs to the profile that created it and carries their byline', async () => {
    const created = await workflow.createArticle({ actorId: reporter.id, headline: '제목' });
    expect(created.bylines).toEqual([{ name: '김기자', email: 'kim@example.com', title: '기자' }]);
    expect((await workflow.status(created.id, reporter.id)).owner).toMatchObject({ id: reporter.id, name: '김기자' });
  });

  it('refuses an unknown profile and creates nothing', async () => {
    const err = await failure(workflow.createArticle({ actorId: '7d3c1b2a-0f4e-4d5c-9b8a-6e5f4d3c2b1a' }));
    expect(err.code).toBe('FORBIDDEN');
    expect(await count('SELECT count(*) AS n FROM articles')).toBe(0);
  });
});

describe('submitting', () => {
  it('lists every failing field, with Korean labels, and moves nothing', async () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', version: 1, children: [] },
          { type: 'photo', version: 1, mediaId: PHOTO_ID, caption: '', credit: '', alt: '' },
          { type: 'gallery', version: 1, items: [{ mediaId: 'b'.repeat(64), caption: '설명', credit: '', alt: '대체' }] },
        ],
      },
    } as ArticleFields['body'];
    const a = await story(reporter, { headline: ' ', section: '', bylines: [], storyType: 'press_release', sourceAttribution: '', body });
    const err = await failure(workflow.submit({ id: a.id, actorId: reporter.id, version: a.version, note: '' }));
    expect(err.code).toBe('VALIDATION');
    const fields = (err.details!.fields as Array<{ field: string; label: string }>).map((f) => `${f.field} ${f.label}`);
    expect(fields).toEqual([
      'headline 제목',
      'section 섹션',
      'bylines 바이라인',
      'body 본문',
      'photo.caption 사진 1(본문) 설명',
      'photo.credit 사진 1(본문) 크레디트',
      'photo.credit 사진 2(갤러리) 크레디트',
      'sourceAttribution 뉴스출처',
    ]);
    expect((err.details!.warnings as Array<{ label: string }>).map((w) => w.label)).toEqual(['사진 1(본문) 대체 텍스트']);
    expect(err.message).toContain('제목, 섹션, 바이라인, 본문');
    expect((await articles.get(a.id)).state).toBe('draft');
    expect(await workflow.history(a.id)).toEqual([]);
  });

  it('lets a story through whose photos lack only alt text', async () => {
    const body = {
      root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: LEAD }] }] },
    } as ArticleFields['body'];
    const a = await story(reporter, { body, leadPhoto: { mediaId: PHOTO_ID, caption: '배경훈 장관', credit: '과학기술정보통신부 제공', alt: '' } });
    const moved = await workflow.submit({ id: a.id, actorId: reporter.id, version: a.version, note: '' });
    expect(moved.article.state).toBe('submitted');
  });

  it('records the submitted version and time, and refuses a version that is not the newest', async () => {
    const a = await story();
    const err = await failure(workflow.submit({ id: a.id, actorId: reporter.id, version: a.version - 1, note: '' }));
    expect(err).toMatchObject({ code: 'CONFLICT', details: { currentVersion: a.version } });
    const moved = await workflow.submit({ id: a.id, actorId: reporter.id, version: a.version, note: '', priority: 2 });
    expect(moved.workflow).toMatchObject({ state: 'submitted', submittedVersion: a.version, priority: 2, owner: { id: reporter.id } });
    expect(moved.workflow.submittedAt).not.toBeNull();
  });

  it('refuses another reporter’s story', async () => {
    const a = await story(reporter);
    expect((await failure(workflow.submit({ id: a.id, actorId: reporter2.id, version: a.version, note: '' }))).code).toBe('FORBIDDEN');
  });
});

describe('the whole round: submit, return with a reason, fix, resubmit, approve, publish', () => {
  it('moves, locks and records every step', async () => {
    const a = await submitted();
    // The reporter has filed it: nobody edits until the desk takes it up.
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete({ headline: '고침' }), actorId: reporter.id }))).code).toBe(
      'CONFLICT',
    );
    // The sports desk does not cover IT/과학.
    expect((await failure(workflow.startReview({ id: a.id, actorId: sportsDesk.id }))).code).toBe('FORBIDDEN');
    const review = await workflow.startReview({ id: a.id, actorId: desk.id });
    expect(review.workflow.lock).toMatchObject({ holder: { id: desk.id, name: '박데스크', role: 'desk' } });
    expect(review.workflow.allowed).toEqual(['approve', 'return']);

    // Everyone but the reviewer sees who holds it and cannot edit.
    const forReporter = await workflow.status(a.id, reporter.id);
    expect(forReporter).toMatchObject({ editable: false, allowed: [], lock: { holder: { name: '박데스크' } } });
    expect(forReporter.editRefusal).toContain('박데스크');
    const refused = await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete({ headline: '기자 고침' }), actorId: reporter.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { lockHolderName: '박데스크' } });
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete(), actorId: chief.id }))).code).toBe('CONFLICT');
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete() }))).code).toBe('CONFLICT');
    expect((await articles.get(a.id)).version).toBe(a.version);

    // The reviewer edits.
    const edited = await articles.save({
      id: a.id,
      baseVersion: a.version,
      fields: complete({ headline: '배경훈 장관, 한미 양자기술 협력 가속화' }),
      actorId: desk.id,
    });
    expect(edited.version).toBe(a.version + 1);
    // A stale save is still a conflict, as it always was.
    expect(await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete(), actorId: desk.id }))).toMatchObject({
      code: 'CONFLICT',
      details: { currentVersion: edited.version },
    });

    // Returning needs a reason.
    expect((await failure(workflow.return({ id: a.id, actorId: desk.id, reason: '  ' }))).code).toBe('VALIDATION');
    const back = await workflow.return({ id: a.id, actorId: desk.id, reason: '리드에 방문 일자를 넣으세요.' });
    expect(back.workflow).toMatchObject({ state: 'returned', lock: null });
    const seen = await workflow.status(a.id, reporter.id);
    expect(seen).toMatchObject({ editable: true, allowed: ['reopen'], returned: { reason: '리드에 방문 일자를 넣으세요.', by: { name: '박데스크' } } });
    // The desk that returned it may not edit it now.
    expect((await failure(articles.save({ id: a.id, baseVersion: edited.version, fields: complete(), actorId: desk.id }))).code).toBe('FORBIDDEN');

    // The reporter's first save takes it back to draft; the reason stays visible until resubmission.
    const fixed = await articles.save({
      id: a.id,
      baseVersion: edited.version,
      fields: complete({ body: editorStateFromParagraphs([`${LEAD} 방문은 3일(현지시간) 이뤄졌다.`]) }),
      actorId: reporter.id,
    });
    expect(fixed.state).toBe('draft');
    expect((await workflow.status(a.id, reporter.id)).returned?.reason).toBe('리드에 방문 일자를 넣으세요.');
    await workflow.submit({ id: a.id, actorId: reporter.id, version: fixed.version, note: '' });
    expect((await workflow.status(a.id, reporter.id)).returned).toBeNull();

    await workflow.startReview({ id: a.id, actorId: desk.id });
    const stale = await failure(workflow.approve({ id: a.id, actorId: desk.id, version: fixed.version - 1, note: '' }));
    expect(stale.code).toBe('CONFLICT');
    const approved = await workflow.approve({ id: a.id, actorId: desk.id, version: fixed.version, note: '' });
    expect(approved.workflow).toMatchObject({ state: 'approved', approvedVersion: fixed.version, lock: null, submittedVersion: fixed.version });
    expect((await failure(articles.save({ id: a.id, baseVersion: fixed.version, fields: complete(), actorId: desk.id }))).code).toBe('CONFLICT');

    await workflow.recordPublication({ id: a.id, actorId: desk.id });
    expect(await events(a.id)).toEqual([
      'submit:draft→submitted:김기자',
      'start_review:submitted→in_review:박데스크',
      'return:in_review→returned:박데스크',
      'reopen:returned→draft:김기자',
      'submit:draft→submitted:김기자',
      'start_review:submitted→in_review:박데스크',
      'approve:in_review→approved:박데스크',
      'publish:approved→published:박데스크',
    ]);
    const history = await workflow.history(a.id);
    expect(history[2]).toMatchObject({ note: '리드에 방문 일자를 넣으세요.', actor: { role: 'desk' }, version: edited.version });
    expect(history.every((e, i) => i === 0 || e.at > history[i - 1]!.at)).toBe(true);
  });

  it('lets the reporter reopen a returned story explicitly', async () => {
    const a = await submitted();
    await workflow.return({ id: a.id, actorId: desk.id, reason: '출처 확인' });
    expect((await failure(workflow.reopen({ id: a.id, actorId: reporter2.id }))).code).toBe('FORBIDDEN');
    const reopened = await workflow.reopen({ id: a.id, actorId: reporter.id });
    expect(reopened.article.state).toBe('draft');
  });
});

describe('every other move is refused, and writes nothing', () => {
  it.each([
    ['approve a draft', async (a: Article) => workflow.approve({ id: a.id, actorId: desk.id, version: a.version, note: '' }), 'CONFLICT'],
    ['review a draft', async (a: Article) => workflow.startReview({ id: a.id, actorId: desk.id }), 'CONFLICT'],
    ['publish a draft', async (a: Article) => workflow.recordPublication({ id: a.id, actorId: chief.id }), 'CONFLICT'],
    ['correct a draft', async (a: Article) => workflow.correct({ id: a.id, actorId: chief.id, note: '오타' }), 'CONFLICT'],
    ['reopen a draft', async (a: Article) => workflow.reopen({ id: a.id, actorId: reporter.id }), 'CONFLICT'],
    ['a reporter starting a review', async (a: Article) => workflow.startReview({ id: a.id, actorId: reporter.id }), 'FORBIDDEN'],
    ['a desk editor withdrawing', async (a: Article) => workflow.withdraw({ id: a.id, actorId: desk.id, reason: '오보' }), 'FORBIDDEN'],
  ] as const)('%s', async (_label, move, code) => {
    const a = await story();
    const before = await count('SELECT count(*) AS n FROM workflow_events');
    expect((await failure(move(a))).code).toBe(code);
    expect((await articles.get(a.id)).state).toBe('draft');
    expect(await count('SELECT count(*) AS n FROM workflow_events')).toBe(before);
  });
});

describe('locks', () => {
  it('the editor-in-chief takes a lock over, and the history records from whom', async () => {
    const a = await inReview();
    expect((await failure(workflow.takeLock({ id: a.id, actorId: sportsDesk.id, note: '' }))).code).toBe('FORBIDDEN');
    expect((await failure(workflow.approve({ id: a.id, actorId: chief.id, version: a.version, note: '' }))).code).toBe('CONFLICT');
    const taken = await workflow.takeLock({ id: a.id, actorId: chief.id, note: '마감 임박' });
    expect(taken.workflow.lock).toMatchObject({ holder: { id: chief.id, name: '최국장', role: 'chief' } });
    const last = (await workflow.history(a.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'take_lock', from: 'in_review', to: 'in_review', actor: { name: '최국장' } });
    expect(last.note).toBe('박데스크 데스크에게서 잠금을 가져옴: 마감 임박');
    // The former holder can neither edit nor decide now.
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete(), actorId: desk.id }))).code).toBe('CONFLICT');
    expect((await failure(workflow.approve({ id: a.id, actorId: desk.id, version: a.version, note: '' }))).code).toBe('CONFLICT');
    const saved = await articles.save({ id: a.id, baseVersion: a.version, fields: complete({ deck: '국장 수정' }), actorId: chief.id });
    await workflow.approve({ id: a.id, actorId: chief.id, version: saved.version, note: '' });
    expect(await count('SELECT count(*) AS n FROM article_locks')).toBe(0);
  });

  it('two desk editors taking up one story at once: exactly one gets it', async () => {
    const other = await profiles.create({ name: '한데스크', email: '', role: 'desk', sections: [SECTION] });
    const a = await submitted();
    const results = await Promise.allSettled([workflow.startReview({ id: a.id, actorId: desk.id }), workflow.startReview({ id: a.id, actorId: other.id })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('CONFLICT');
    expect(await events(a.id)).toHaveLength(2);
    expect(await count('SELECT count(*) AS n FROM article_locks WHERE article_id = ?', [a.id])).toBe(1);
  });

  it('a save racing a lock takeover cannot land for the old holder', async () => {
    const a = await inReview();
    const [take, save] = await Promise.allSettled([
      workflow.takeLock({ id: a.id, actorId: chief.id, note: '' }),
      articles.save({ id: a.id, baseVersion: a.version, fields: complete({ deck: '데스크 수정' }), actorId: desk.id }),
    ]);
    // Whichever ran first, the stored story agrees with the lock: a desk edit only if the desk still held it then.
    expect(take.status).toBe('fulfilled');
    const stored = await articles.get(a.id);
    if (save.status === 'fulfilled') expect(stored.deck).toBe('데스크 수정');
    else {
      expect((save.reason as AppError).code).toBe('CONFLICT');
      expect(stored.deck).not.toBe('데스크 수정');
      expect(stored.version).toBe(a.version);
    }
    expect((await workflow.history(a.id)).at(-1)!.action).toBe('take_lock');
  });
});

describe('embargo and publication', () => {
  it('refuses to publish before the embargo and publishes after it', async () => {
    const embargoAt = new Date(clockMs + 3_600_000).toISOString();
    const a = await story(reporter, { embargoAt });
    await workflow.submit({ id: a.id, actorId: reporter.id, version: a.version, note: '' });
    await workflow.startReview({ id: a.id, actorId: desk.id });
    await workflow.approve({ id: a.id, actorId: desk.id, version: a.version, note: '' });
    const err = await failure(workflow.recordPublication({ id: a.id, actorId: desk.id }));
    expect(err).toMatchObject({ code: 'CONFLICT', details: { embargoAt } });
    expect(err.message).toContain('엠바고');
    expect((await articles.get(a.id)).state).toBe('approved');
    advanceClock(3_600_000);
    expect((await workflow.recordPublication({ id: a.id, actorId: desk.id })).article.state).toBe('published');
  });

  it('corrects with a note, re-publishes, and withdraws only by the editor-in-chief with a reason', async () => {
    const a = await published();
    expect((await failure(articles.save({ id: a.id, baseVersion: a.version, fields: complete(), actorId: desk.id }))).code).toBe('CONFLICT');
    expect((await failure(workflow.correct({ id: a.id, actorId: desk.id, note: '' }))).code).toBe('VALIDATION');
    expect((await failure(workflow.correct({ id: a.id, actorId: reporter.id, note: '오타' }))).code).toBe('FORBIDDEN');
    const correcting = await workflow.correct({ id: a.id, actorId: desk.id, note: '장관 이름 오기 바로잡음' });
    expect(correcting.workflow).toMatchObject({ state: 'corrected', lock: { holder: { id: desk.id } } });
    const fixed = await articles.save({
      id: a.id,
      baseVersion: a.version,
      fields: complete({ headline: '배경훈 과기정통부 장관, 한미 양자 협력' }),
      actorId: desk.id,
    });
    await workflow.recordPublication({ id: a.id, actorId: desk.id, note: '정정 출고' });
    expect((await articles.get(a.id)).state).toBe('published');
    expect(fixed.version).toBe(a.version + 1);

    expect((await failure(workflow.withdraw({ id: a.id, actorId: desk.id, reason: '오보' }))).code).toBe('FORBIDDEN');
    expect((await failure(workflow.withdraw({ id: a.id, actorId: chief.id, reason: '' }))).code).toBe('VALIDATION');
    await workflow.withdraw({ id: a.id, actorId: chief.id, reason: '취재원 요청으로 철회' });
    expect((await failure(articles.save({ id: a.id, baseVersion: fixed.version, fields: complete(), actorId: chief.id }))).code).toBe('CONFLICT');
    expect((await workflow.history(a.id)).slice(-4).map((e) => `${e.action}:${e.from}→${e.to}:${e.note}`)).toEqual([
      'publish:approved→published:',
      'correct:published→corrected:장관 이름 오기 바로잡음',
      'publish:corrected→published:정정 출고',
      'withdraw:published→withdrawn:취재원 요청으로 철회',
    ]);
  });
});

describe('the history is evidence', () => {
  it('refuses to change or delete an event, even by SQL', async () => {
    const a = await submitted();
    await expect(db.run("UPDATE workflow_events SET note = '고침' WHERE article_id = ?", [a.id])).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM workflow_events WHERE article_id = ?', [a.id])).rejects.toThrow(/append-only/);
    expect(await events(a.id)).toEqual(['submit:draft→submitted:김기자']);
  });

  it('keeps a comment’s words; resolving is the only change, once', async () => {
    const a = await inReview();
    const c = await workflow.comment({ id: a.id, actorId: desk.id, version: a.version, body: '전체적으로 짧게' });
    await expect(db.run("UPDATE review_comments SET body = '고침' WHERE id = ?", [String(c.id)])).rejects.toThrow(/keep their words/);
    await expect(db.run('DELETE FROM review_comments WHERE id = ?', [String(c.id)])).rejects.toThrow(/never deleted/);
    const resolved = await workflow.resolveComment({ commentId: c.id, actorId: reporter.id });
    expect(resolved).toMatchObject({ resolvedBy: { name: '김기자' } });
    expect((await failure(workflow.resolveComment({ commentId: c.id, actorId: desk.id }))).code).toBe('CONFLICT');
  });
});

describe('review comments', () => {
  it('anchors to a passage of one version and is found again after edits', async () => {
    const a = await inReview();
    const text = anchorText(fieldsOf(a), 'body');
    const quote = '브룩헤이븐 국립연구소';
    const start = text.indexOf(quote);
    const c = await workflow.comment({
      id: a.id,
      actorId: desk.id,
      version: a.version,
      anchor: { field: 'body', start, end: start + quote.length, quote },
      body: '정식 명칭 확인',
    });
    expect(c).toMatchObject({ version: a.version, anchor: { field: 'body', start, quote }, author: { name: '박데스크', role: 'desk' }, resolvedAt: null });

    const edited = await articles.save({
      id: a.id,
      baseVersion: a.version,
      fields: complete({ body: editorStateFromParagraphs([`[속보] ${LEAD}`]) }),
      actorId: desk.id,
    });
    const moved = reanchor(anchorText(fieldsOf(edited), 'body'), c.anchor!);
    expect(moved).toEqual({ status: 'moved', start: start + '[속보] '.length, end: start + '[속보] '.length + quote.length });
    const gone = await articles.save({
      id: a.id,
      baseVersion: edited.version,
      fields: complete({ body: editorStateFromParagraphs(['전혀 다른 문장.']) }),
      actorId: desk.id,
    });
    expect(reanchor(anchorText(fieldsOf(gone), 'body'), c.anchor!)).toEqual({ status: 'lost' });
    expect((await workflow.status(a.id, reporter.id)).openComments).toBe(1);
  });

  it('refuses an anchor whose quote is not at its offsets in that version', async () => {
    const a = await inReview();
    const err = await failure(
      workflow.comment({ id: a.id, actorId: desk.id, version: a.version, anchor: { field: 'body', start: 0, end: 4, quote: '없는 말' }, body: '?' }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(await count('SELECT count(*) AS n FROM review_comments')).toBe(0);
  });

  it('is for the story’s reporter, its section’s desk and the editor-in-chief', async () => {
    const a = await inReview();
    expect((await failure(workflow.comment({ id: a.id, actorId: reporter2.id, version: a.version, body: '참견' }))).code).toBe('FORBIDDEN');
    expect((await failure(workflow.comment({ id: a.id, actorId: sportsDesk.id, version: a.version, body: '참견' }))).code).toBe('FORBIDDEN');
    for (const p of [reporter, desk, chief]) await workflow.comment({ id: a.id, actorId: p.id, version: a.version, body: `${p.name}의 의견` });
    expect((await workflow.comments(a.id)).map((c) => c.author.name)).toEqual(['김기자', '박데스크', '최국장']);
  });
});
