import { describe, expect, it } from 'vitest';
import type { ArticleWorkflow } from '../../shared/contract-workflow';
import type { ArticleState } from '../../shared/article';
import type { Profile } from '../../shared/profiles';
import { sectionRefusal } from '../../renderer/views/desk/section-refusal';

const at = '2026-12-07T00:00:00.000Z';
const person = (role: Profile['role'], sections: string[]): Profile => ({
  id: `p-${role}`,
  name: '박데스크',
  email: '',
  role,
  sections,
  createdAt: at,
  updatedAt: at,
});
const status = (state: ArticleState, section: string) => ({ state, section }) as ArticleWorkflow;

describe('sectionRefusal: why a desk editor sees no desk move', () => {
  it('names the story’s section and the desk’s own on a story waiting for a desk move in another section', () => {
    const desk = person('desk', ['IT/과학', '문화']);
    for (const state of ['submitted', 'in_review', 'approved', 'published'] as const) {
      expect(sectionRefusal(desk, status(state, '경제'))).toEqual({ section: '경제', mine: 'IT/과학, 문화' });
    }
    expect(sectionRefusal(desk, status('submitted', ''))).toEqual({ section: '', mine: 'IT/과학, 문화' });
  });

  it('says nothing in the desk’s own section, on a story waiting for no desk move, or to anyone but a desk editor', () => {
    expect(sectionRefusal(person('desk', ['경제']), status('submitted', '경제'))).toBeNull();
    for (const state of ['draft', 'returned', 'withdrawn'] as const) expect(sectionRefusal(person('desk', ['IT/과학']), status(state, '경제'))).toBeNull();
    expect(sectionRefusal(person('reporter', ['IT/과학']), status('submitted', '경제'))).toBeNull();
    expect(sectionRefusal(person('chief', []), status('submitted', '경제'))).toBeNull();
    expect(sectionRefusal(null, status('submitted', '경제'))).toBeNull();
    expect(sectionRefusal(person('desk', ['IT/과학']), null)).toBeNull();
  });
});
