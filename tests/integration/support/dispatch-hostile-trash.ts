import type { Method } from '../../../shared/contract';

/* 송고 취소, 휴지통 and 사본 만들기's own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's). */

type TrashMethod = Extract<Method, 'workflow.recall' | 'trash.discard' | 'trash.restore' | 'trash.list' | 'articles.copy'>;

export function trashHostileInputs(id: string): Record<TrashMethod, Array<[string, unknown]>> {
  return {
    'workflow.recall': [['an actor named in the input', { id, actorId: 'kim' }]],
    'trash.discard': [['id not uuid', { id: '../etc' }]],
    'trash.restore': [['missing id', {}]],
    'trash.list': [
      ['limit 201', { limit: 201 }],
      ['offset -1', { offset: -1 }],
    ],
    'articles.copy': [['id number', { id: 7 }]],
  };
}
