import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CallContext } from '../../shared/call-context';
import { contract, METHODS, type Method } from '../../shared/contract';
import type { BylineClient } from '../../renderer/client';
import { withActor } from '../../renderer/views/desk/actor-client';

const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';

/** A client that answers every call with what it was asked, so the test sees what withActor sent. */
const echo: BylineClient = {
  call: (async (_method: Method, input: unknown, context?: CallContext) => ({ input, context })) as BylineClient['call'],
  subscribe: () => () => undefined,
  onReconnect: () => () => undefined,
};

describe('no contract method takes its caller from the input', () => {
  it.each(METHODS)('%s has no actorId field, and refuses one', (method) => {
    const input = contract[method].input;
    if (input instanceof z.ZodObject) expect(Object.keys(input.shape)).not.toContain('actorId');
    const withActorField = { actorId: ACTOR };
    // A strict schema names the unknown key; nothing may slip an actor through a default or a passthrough.
    const parsed = input.safeParse(withActorField);
    if (parsed.success) expect(parsed.data).not.toHaveProperty('actorId');
  });
});

describe('withActor (a single workstation, no sign-in)', () => {
  it('sends the picked profile beside every input, never inside it', async () => {
    const client = withActor(echo, () => ACTOR);
    expect(await client.call('workflow.submit', { id: 'a', version: 2 } as never)).toEqual({ input: { id: 'a', version: 2 }, context: { actorId: ACTOR } });
    expect(await client.call('articles.save', {} as never)).toEqual({ input: {}, context: { actorId: ACTOR } });
    expect(await client.call('articles.list', {} as never)).toEqual({ input: {}, context: { actorId: ACTOR } });
  });

  it('names nobody when nobody is picked', async () => {
    expect(await withActor(echo, () => null).call('outbox.save', {} as never)).toEqual({ input: {}, context: undefined });
  });

  it('reads the pick at each call: a new pick acts from the next call on', async () => {
    let picked: string | null = null;
    const client = withActor(echo, () => picked);
    expect(await client.call('articles.create', {} as never)).toEqual({ input: {}, context: undefined });
    picked = ACTOR;
    expect(await client.call('articles.create', {} as never)).toEqual({ input: {}, context: { actorId: ACTOR } });
  });
});
