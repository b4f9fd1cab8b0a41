import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, METHODS, type Method } from '../../shared/contract';
import type { BylineClient } from '../../renderer/client';
import { withActor, withoutActor } from '../../renderer/views/desk/actor-client';

const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';

/** A client that answers every call with what it was asked, so the test sees what withActor sent. */
const echo: BylineClient = {
  call: (async (_method: Method, input: unknown) => input) as BylineClient['call'],
  subscribe: () => () => undefined,
  onReconnect: () => () => undefined,
};

/** The methods that write a story's words and take an optional actorId: the editor and autosave call them without one. */
const WRITES_WORDS = METHODS.filter((m) => {
  if (!m.startsWith('articles.') && !m.startsWith('outbox.')) return false;
  const input = contract[m].input;
  return input instanceof z.ZodObject && 'actorId' in input.shape;
});

describe('withActor', () => {
  it('knows the story-writing methods, the outbox included', () => {
    expect(WRITES_WORDS).toEqual(expect.arrayContaining(['articles.create', 'articles.save', 'articles.archive', 'outbox.save', 'outbox.resolve']));
  });

  it.each(WRITES_WORDS)('stamps the picked profile on %s', async (method) => {
    const sent = (await withActor(echo, () => ACTOR).call(method, {} as never)) as { actorId?: string };
    expect(sent.actorId).toBe(ACTOR);
  });

  it('leaves an actor the caller named, and stamps nothing without a picked profile', async () => {
    const other = '6d3f9b5a-2c4e-4f7a-8b1c-9d0e1f2a3b4c';
    expect(await withActor(echo, () => ACTOR).call('outbox.save', { actorId: other } as never)).toEqual({ actorId: other });
    expect(await withActor(echo, () => null).call('outbox.save', {} as never)).toEqual({});
  });
});

describe('withoutActor (a page the newsroom server served)', () => {
  it('takes out every actorId a view put in, since the server acts as the session and refuses a named actor', async () => {
    const client = withoutActor(echo);
    expect(await client.call('workflow.submit', { id: 'a', actorId: ACTOR, version: 2, note: '' } as never)).toEqual({ id: 'a', version: 2, note: '' });
    expect(await client.call('articles.create', { actorId: ACTOR } as never)).toEqual({});
    expect(await client.call('articles.list', {} as never)).toEqual({});
  });
});
