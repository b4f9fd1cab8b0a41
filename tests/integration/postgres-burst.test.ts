import type { CallContext } from '../../shared/call-context';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/host/bootstrap';
import { fieldsOf, type Article } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import type { Result } from '../../shared/errors';
import { startTestBackend } from './support/backend';
import { PG_SKIP_NOTE, PG_URL, schemaName } from './support/pg';
import { makeTempDir, removeTempDirs } from './support/temp';

const WORKSTATIONS = 12;

/**
 * Everyone files at once (the 6 o'clock deadline): many workstations save and submit different stories
 * in the same instant on one PostgreSQL. SERIALIZABLE may make some of them try again; none may fail.
 */
describe.skipIf(!PG_URL)(`PostgreSQL: a newsroom saving at the same moment${PG_URL ? '' : ` (${PG_SKIP_NOTE})`}`, () => {
  const schema = schemaName();
  const backends: Backend[] = [];

  afterEach(async () => {
    for (const b of backends.splice(0)) await b.close().catch(() => undefined);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    removeTempDirs();
  });

  it('stores every save and every submission when a dozen workstations act together', async () => {
    for (let i = 0; i < WORKSTATIONS; i += 1)
      backends.push((await startTestBackend(makeTempDir('byline-burst-'), { engine: 'postgres', url: PG_URL!, schema })).backend);
    const ok = async <T>(b: Backend, method: string, input: unknown, context?: CallContext): Promise<T> => {
      const r = (await b.dispatch(method, input, context)) as Result<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    const people = await Promise.all(backends.map((b, i) => ok<{ id: string }>(b, 'profiles.create', { name: `기자${i}`, email: '', role: 'reporter' })));
    const stories = await Promise.all(backends.map((b, i) => ok<Article>(b, 'articles.create', {}, { actorId: people[i]!.id })));
    const saved = await Promise.all(
      backends.map((b, i) =>
        ok<Article>(
          b,
          'articles.save',
          {
            id: stories[i]!.id,
            baseVersion: stories[i]!.version,
            fields: {
              ...fieldsOf(stories[i]!),
              headline: `마감 기사 ${i}`,
              section: '정치',
              body: editorStateFromParagraphs([`${i}번 기자가 마감 직전에 쓴 본문.`]),
            },
          },
          { actorId: people[i]!.id },
        ),
      ),
    );
    expect(saved.map((a) => a.version)).toEqual(stories.map((s) => s.version + 1));
    await Promise.all(backends.map((b, i) => ok(b, 'workflow.submit', { id: saved[i]!.id, version: saved[i]!.version }, { actorId: people[i]!.id })));
    const listed = await ok<{ total: number }>(backends[0]!, 'articles.list', {});
    expect(listed.total).toBe(WORKSTATIONS);
  });
});
