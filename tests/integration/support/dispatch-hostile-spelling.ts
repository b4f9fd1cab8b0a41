import type { Method } from '../../../shared/contract';

/* 뉴스룸 사전's own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's): no actor in a body, words within their limits. */

type SpellingMethod = Extract<Method, 'spelling.words' | 'spelling.addWord' | 'spelling.removeWord' | 'spelling.vocabulary'>;

export function spellingHostileInputs(id: string): Record<SpellingMethod, Array<[string, unknown]>> {
  return {
    'spelling.words': [['any key', { all: true }]],
    'spelling.addWord': [
      ['missing word', {}],
      ['word a number', { word: 42 }],
      ['word 201', { word: '가'.repeat(201) }],
      ['an actor in the body', { word: '갬베타', actorId: id }],
    ],
    'spelling.removeWord': [
      ['missing word', {}],
      ['word an array', { word: ['갬베타'] }],
    ],
    'spelling.vocabulary': [['any key', { since: 0 }]],
  };
}
