import { describe, expect, it } from 'vitest';
import { ArticleState } from '../../shared/article';
import { decideDiscard, decideRestore, purgeAt, purgeBefore, type TrashFacts } from '../../shared/trash';
import { decide, type Actor } from '../../shared/workflow';

/** The 휴지통's rules and 송고 취소's refusal, pure (shared/trash.ts, shared/workflow.ts). */

const kim: Actor = { id: 'kim', name: '김기자', role: 'reporter', sections: [] };
const lee: Actor = { id: 'lee', name: '이기자', role: 'reporter', sections: [] };
const desk: Actor = { id: 'park', name: '박데스크', role: 'desk', sections: ['IT/과학'] };
const sports: Actor = { id: 'jung', name: '정데스크', role: 'desk', sections: ['스포츠'] };
const chief: Actor = { id: 'choi', name: '최국장', role: 'chief', sections: [] };

const draft: TrashFacts = { state: 'draft', section: 'IT/과학', ownerId: 'kim', lock: null, discardedAt: null, everPublished: false };
const inTrash: TrashFacts = { ...draft, discardedAt: '2026-12-01T00:00:00.000Z' };

describe('discard', () => {
  it('lets whoever may edit a draft discard it, and nobody else', () => {
    for (const who of [kim, desk, chief]) expect(decideDiscard(who, draft)).toEqual({ ok: true });
    for (const who of [lee, sports, undefined]) expect(decideDiscard(who, draft)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A draft nobody owns yet (written before a profile was picked) is anybody's.
    expect(decideDiscard(undefined, { ...draft, ownerId: null })).toEqual({ ok: true });
  });

  it('refuses every state but draft, a published story for its own reason, and what is already discarded', () => {
    for (const state of ArticleState.options.filter((s) => s !== 'draft')) {
      const verdict = decideDiscard(chief, { ...draft, state });
      expect(verdict, state).toMatchObject({ ok: false, code: 'CONFLICT' });
      if (!verdict.ok) expect(verdict.message).toMatch(['published', 'corrected', 'withdrawn'].includes(state) ? /출고된 적이 있는 기사/ : /작성 중인 기사만/);
    }
    expect(decideDiscard(kim, { ...draft, everPublished: true })).toMatchObject({ ok: false, message: expect.stringContaining('철회') as unknown });
    expect(decideDiscard(kim, inTrash)).toMatchObject({ ok: false, code: 'CONFLICT', message: '이미 휴지통에 있는 기사입니다.' });
  });
});

describe('restore', () => {
  it('follows the same people, and only out of the 휴지통', () => {
    for (const who of [kim, desk, chief]) expect(decideRestore(who, inTrash)).toEqual({ ok: true });
    for (const who of [lee, sports, undefined]) expect(decideRestore(who, inTrash)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideRestore(kim, draft)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('purges 30 days after the discard, to the millisecond', () => {
    expect(purgeAt('2026-12-01T09:00:00.000Z')).toBe('2026-12-31T09:00:00.000Z');
    expect(purgeBefore(new Date('2026-12-31T09:00:00.000Z'))).toBe('2026-12-01T09:00:00.000Z');
  });
});

describe('recall', () => {
  it('says why once a desk has taken the story up', () => {
    for (const state of ['in_review', 'approved', 'returned', 'published'] as const) {
      const verdict = decide('recall', kim, { state, section: 'IT/과학', ownerId: 'kim', lock: null });
      expect(verdict, state).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('데스크가 이미 검토를 시작한 기사') as unknown });
    }
    expect(decide('recall', kim, { state: 'draft', section: 'IT/과학', ownerId: 'kim', lock: null })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decide('recall', kim, { state: 'submitted', section: 'IT/과학', ownerId: 'kim', lock: null })).toEqual({ ok: true });
    expect(decide('recall', lee, { state: 'submitted', section: 'IT/과학', ownerId: 'kim', lock: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
