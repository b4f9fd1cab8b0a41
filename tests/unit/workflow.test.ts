import { describe, expect, it } from 'vitest';
import { ArticleFields, ArticleState, DEFAULT_META } from '../../shared/article';
import { emptyEditorState } from '../../shared/editor-state';
import type { Role } from '../../shared/profiles';
import { MoveAction, allowedMoves, decide, decideEdit, decideTakeLock, embargoHolds, particle, type Actor, type ArticleFacts } from '../../shared/workflow';

/**
 * The state machine as a table, written out by hand (not derived from TRANSITIONS), so that a change
 * to the rules has to be made in two places on purpose. Each cell lists the roles that may make the
 * move from that state when they stand in the natural relation to the story: a reporter or desk
 * editor who owns it for the reporter's moves, a desk editor covering its section for the desk's, and
 * the reviewer holding the lock where the story is locked. R = 기자, D = 데스크, C = 편집국장.
 */
const ACTIONS = ['submit', 'recall', 'start_review', 'approve', 'return', 'reopen', 'publish', 'correct', 'withdraw'] as const;
const TABLE: Record<ArticleState, readonly string[]> = {
  //           submit recall start_review approve return reopen publish correct withdraw
  draft: /*   */ ['RDC', '', '', '', '', '', '', '', ''],
  submitted: /**/ ['', 'RDC', 'DC', '', 'DC', '', '', '', ''],
  in_review: /**/ ['', '', '', 'DC', 'DC', '', '', '', ''],
  approved: /* */ ['', '', '', '', 'DC', '', 'DC', '', ''],
  published: /**/ ['', '', '', '', '', '', '', 'DC', 'C'],
  returned: /* */ ['', '', '', '', '', 'RDC', '', '', ''],
  corrected: /**/ ['', '', '', '', '', '', 'DC', '', ''],
  withdrawn: /**/ ['', '', '', '', '', '', '', '', ''],
};
const LETTER: Record<Role, string> = { reporter: 'R', desk: 'D', chief: 'C' };
const ROLES: Role[] = ['reporter', 'desk', 'chief'];

/** Which roles may make an action in some state: a role outside it is refused for its role (FORBIDDEN). */
function rolesEverAllowed(action: (typeof ACTIONS)[number]): string {
  const i = ACTIONS.indexOf(action);
  return Object.values(TABLE)
    .map((row) => row[i])
    .join('');
}

const SECTION = 'IT/과학';
function actor(role: Role, over: Partial<Actor> = {}): Actor {
  const names: Record<Role, string> = { reporter: '김기자', desk: '박데스크', chief: '최국장' };
  return { id: `${role}-1`, name: names[role], role, sections: role === 'desk' ? [SECTION, '경제'] : [], ...over };
}

/** The story as the natural actor for `action` would find it. */
function naturalArticle(state: ArticleState, a: Actor): ArticleFacts {
  const locked = state === 'in_review' || state === 'corrected';
  return { state, section: SECTION, ownerId: a.id, lock: locked ? { holderId: a.id, holderName: a.name } : null };
}

const NOTE = '리드 문장이 사실과 다릅니다';

describe('every state × action × role (natural relation, note given)', () => {
  const cases = ArticleState.options.flatMap((state) => ACTIONS.flatMap((action) => ROLES.map((role) => [state, action, role] as const)));
  it('covers 8 states × 9 actions × 3 roles', () => expect(cases).toHaveLength(8 * 9 * 3));

  it.each(cases)('%s × %s × %s', (state, action, role) => {
    const a = actor(role);
    const verdict = decide(action, a, naturalArticle(state, a), NOTE);
    const cell = TABLE[state][ACTIONS.indexOf(action)]!;
    if (cell.includes(LETTER[role])) {
      expect(verdict).toEqual({ ok: true });
    } else {
      expect(verdict.ok).toBe(false);
      if (verdict.ok) return;
      expect(verdict.code).toBe(rolesEverAllowed(action).includes(LETTER[role]) ? 'CONFLICT' : 'FORBIDDEN');
      expect(verdict.message).toMatch(/[가-힣]/);
      expect(verdict.details).toMatchObject({ action });
    }
  });

  it('lists the same moves as allowed that the table allows', () => {
    for (const state of ArticleState.options) {
      for (const role of ROLES) {
        const a = actor(role);
        const expected = ACTIONS.filter((action, i) => TABLE[state][i]!.includes(LETTER[role]));
        expect([state, role, allowedMoves(a, naturalArticle(state, a))]).toEqual([state, role, expected]);
      }
    }
  });

  it('knows exactly the nine moves', () => {
    expect([...MoveAction.options].sort()).toEqual([...ACTIONS].sort());
  });
});

describe('relations beyond the role', () => {
  it('a reporter may not submit or reopen another reporter’s story', () => {
    const other = actor('reporter', { id: 'reporter-2', name: '이기자' });
    const story: ArticleFacts = { state: 'draft', section: SECTION, ownerId: 'reporter-1', lock: null };
    expect(decide('submit', other, story)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('reopen', other, { ...story, state: 'returned' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The editor-in-chief may do it for anyone.
    expect(decide('submit', actor('chief'), story)).toEqual({ ok: true });
  });

  it('a story nobody owns yet may be submitted by whoever files it', () => {
    expect(decide('submit', actor('reporter'), { state: 'draft', section: SECTION, ownerId: null, lock: null })).toEqual({ ok: true });
  });

  it('a desk editor acts only on the sections they cover', () => {
    const sports = actor('desk', { sections: ['스포츠'] });
    const story: ArticleFacts = { state: 'submitted', section: SECTION, ownerId: 'reporter-1', lock: null };
    for (const action of ['start_review', 'return'] as const) {
      expect(decide(action, sports, story, NOTE)).toMatchObject({ ok: false, code: 'FORBIDDEN', details: { section: SECTION } });
    }
    expect(decide('start_review', actor('desk'), story)).toEqual({ ok: true });
    expect(decide('start_review', actor('chief', { sections: [] }), story)).toEqual({ ok: true });
  });

  it('a section saved with spaces around it is stored as the name a desk profile covers', () => {
    // Profiles trim their sections; a story's section must be trimmed the same way or no desk could review it.
    const fields = ArticleFields.parse({ headline: '', deck: '', section: ` ${SECTION} `, body: emptyEditorState(), ...DEFAULT_META });
    expect(fields.section).toBe(SECTION);
    expect(decide('start_review', actor('desk'), { state: 'submitted', section: fields.section, ownerId: 'reporter-1', lock: null })).toEqual({ ok: true });
  });

  it('a story in review answers only to the reviewer holding its lock', () => {
    const holder = actor('desk');
    const other = actor('desk', { id: 'desk-2', name: '정데스크' });
    const story: ArticleFacts = { state: 'in_review', section: SECTION, ownerId: 'reporter-1', lock: { holderId: holder.id, holderName: holder.name } };
    expect(decide('approve', holder, story)).toEqual({ ok: true });
    expect(decide('approve', other, story)).toMatchObject({ ok: false, code: 'CONFLICT', details: { lockHolderName: '박데스크' } });
    expect(decide('return', other, story, NOTE)).toMatchObject({ ok: false, code: 'CONFLICT' });
    // The editor-in-chief too: the lock is taken over first, and that is recorded.
    const chief = decide('approve', actor('chief'), story);
    expect(chief).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(chief.ok ? '' : chief.message).toContain('잠금을 가져온 뒤');
  });

  it('a locked state without a lock holder refuses everyone', () => {
    const story: ArticleFacts = { state: 'corrected', section: SECTION, ownerId: null, lock: null };
    expect(decide('publish', actor('desk'), story)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it.each([
    ['return', '반려 사유'],
    ['correct', '정정 사유'],
    ['withdraw', '철회 사유'],
  ] as const)('%s needs its note (%s), blank is not one', (action, label) => {
    const a = actor('chief');
    const state = action === 'return' ? 'submitted' : 'published';
    for (const blank of ['', '   ', '\n\t']) {
      const verdict = decide(action, a, naturalArticle(state, a), blank);
      expect(verdict).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect(verdict.ok ? '' : verdict.message).toContain(label);
    }
    expect(decide(action, a, naturalArticle(state, a), NOTE)).toEqual({ ok: true });
  });

  it('moves that need no note take none', () => {
    const a = actor('desk');
    expect(decide('approve', a, naturalArticle('in_review', a), '')).toEqual({ ok: true });
  });
});

describe('taking a lock over', () => {
  const story: ArticleFacts = { state: 'in_review', section: SECTION, ownerId: 'reporter-1', lock: { holderId: 'desk-1', holderName: '박데스크' } };
  it('is the editor-in-chief’s alone', () => {
    expect(decideTakeLock(actor('chief'), story)).toEqual({ ok: true });
    expect(decideTakeLock(actor('desk', { id: 'desk-2' }), story)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideTakeLock(actor('reporter'), story)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
  it('needs a lockable state and someone else holding it', () => {
    expect(decideTakeLock(actor('chief'), { ...story, state: 'submitted', lock: null })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideTakeLock(actor('chief'), { ...story, lock: { holderId: 'chief-1', holderName: '최국장' } })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decideTakeLock(actor('chief'), { ...story, state: 'corrected' })).toEqual({ ok: true });
  });
});

describe('who may edit a story in each state', () => {
  const reporter = actor('reporter');
  const otherReporter = actor('reporter', { id: 'reporter-2', name: '이기자' });
  const desk = actor('desk');
  const otherDesk = actor('desk', { id: 'desk-2', name: '정데스크', sections: ['스포츠'] });
  const chief = actor('chief');
  const who: Array<[string, Actor | undefined]> = [
    ['anonymous', undefined],
    ['owner', reporter],
    ['other reporter', otherReporter],
    ['section desk', desk],
    ['other desk', otherDesk],
    ['chief', chief],
  ];
  // ✓ edits, ↺ edits and reopens (returned → draft), F forbidden, C conflict. Locks are held by the section desk.
  const EDIT: Record<ArticleState, string> = {
    //          anon owner other desk odesk chief
    draft: /*  */ 'F✓F✓F✓',
    returned: /**/ 'F↺FFF↺',
    submitted: /**/ 'CCCCCC',
    in_review: /**/ 'CCC✓CC',
    approved: /* */ 'CCCCCC',
    published: /**/ 'CCCCCC',
    corrected: /**/ 'CCC✓CC',
    withdrawn: /**/ 'CCCCCC',
  };
  const cases = ArticleState.options.flatMap((state) => who.map(([label, a], i) => [state, label, a, [...EDIT[state]][i]!] as const));

  it.each(cases)('%s, %s', (state, _label, a, expected) => {
    const locked = state === 'in_review' || state === 'corrected';
    const story: ArticleFacts = { state, section: SECTION, ownerId: reporter.id, lock: locked ? { holderId: desk.id, holderName: desk.name } : null };
    const verdict = decideEdit(a, story);
    if (expected === '✓') expect(verdict).toEqual({ ok: true, reopens: false });
    else if (expected === '↺') expect(verdict).toEqual({ ok: true, reopens: true });
    else expect(verdict).toMatchObject({ ok: false, code: expected === 'F' ? 'FORBIDDEN' : 'CONFLICT' });
  });

  it('a draft nobody owns is anyone’s to write, with or without a profile', () => {
    const story: ArticleFacts = { state: 'draft', section: '', ownerId: null, lock: null };
    for (const [, a] of who) expect(decideEdit(a, story)).toEqual({ ok: true, reopens: false });
  });

  it('names who holds the lock when it refuses', () => {
    const story: ArticleFacts = { state: 'in_review', section: SECTION, ownerId: reporter.id, lock: { holderId: desk.id, holderName: '박데스크' } };
    const verdict = decideEdit(reporter, story);
    expect(verdict.ok ? '' : verdict.message).toContain('박데스크');
  });
});

describe('small rules', () => {
  it('knows when an embargo still holds', () => {
    const now = new Date('2026-03-05T00:00:00.000Z');
    expect(embargoHolds(null, now)).toBe(false);
    expect(embargoHolds('2026-03-05T00:00:00.001Z', now)).toBe(true);
    expect(embargoHolds('2026-03-05T00:00:00.000Z', now)).toBe(false);
    expect(embargoHolds('2026-03-04T23:59:59.999Z', now)).toBe(false);
  });

  it('picks the Korean particle by the final consonant', () => {
    expect(particle('승인', '은', '는')).toBe('은');
    expect(particle('송고', '은', '는')).toBe('는');
    expect(particle('반려 사유', '을', '를')).toBe('를');
    expect(particle('정정 사유', '을', '를')).toBe('를');
    expect(particle('검토 시작', '을', '를')).toBe('을');
  });
});
