import type { Method } from '../../../shared/contract';

/* 저장소's connection checks and 뉴스룸 서버에 연결's own hostile inputs (dispatch-hostile-inputs.ts adds them to every other method's): only an https address, no credentials in it, a fingerprint that is SHA-256. */

type NewsroomMethod = Extract<Method, 'newsroom.connection' | 'newsroom.inspect' | 'newsroom.connect' | 'newsroom.disconnect' | 'storage.test'>;

export const NEWSROOM_HOSTILE_INPUTS: Record<NewsroomMethod, Array<[string, unknown]>> = {
  'newsroom.connection': [['unknown key', { all: true }]],
  'newsroom.inspect': [
    ['plain http', { origin: 'http://byline.newsroom.kr' }],
    ['credentials in the address', { origin: 'https://kim:pw@byline.newsroom.kr' }],
    ['not an address', { origin: 'javascript:alert(1)' }],
  ],
  'newsroom.connect': [
    ['fingerprint not hex', { origin: 'https://127.0.0.1:1', fingerprint: 'ZZ:' + 'AB:'.repeat(30) + 'CD' }],
    ['missing origin', { fingerprint: 'AB'.repeat(32) }],
  ],
  'newsroom.disconnect': [['unknown key', { origin: 'https://127.0.0.1:1' }]],
  'storage.test': [
    ['missing postgres', {}],
    [
      'schema uppercase',
      { postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, schema: 'Desk' } },
    ],
    [
      'sslmode prefer',
      { postgres: { ...{ host: 'db.newsroom.local', port: 5432, database: 'byline', user: 'desk', schema: '', sslmode: 'require' }, sslmode: 'prefer' } },
    ],
  ],
};
