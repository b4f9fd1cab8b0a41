import type { Method } from '../../../shared/contract';
import { ACTOR } from './dispatch-harness';

/* 알림's own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's): the inbox is never named in the input. */

type NotificationMethod = Extract<Method, 'notifications.list' | 'notifications.unreadCount' | 'notifications.read'>;

export const NOTIFICATION_HOSTILE_INPUTS: Record<NotificationMethod, Array<[string, unknown]>> = {
  'notifications.list': [
    ['limit 101', { limit: 101 }],
    ['another person named', { recipientId: ACTOR }],
  ],
  'notifications.unreadCount': [['an actor named in the input', { actorId: ACTOR }]],
  'notifications.read': [
    ['id 0', { id: 0 }],
    ['all string', { all: 'yes' }],
  ],
};
