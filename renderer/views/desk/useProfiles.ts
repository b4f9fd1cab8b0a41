import { useCallback, useEffect, useState } from 'react';
import type { Profile, ProfileInput } from '../../../shared/profiles';
import type { BylineClient } from '../../client';
import { readPickedProfileId, writePickedProfileId } from './actor-client';

/**
 * The newsroom's profiles and the one acting in this window: picked here and remembered in the window's
 * storage on this machine, or `signedInId`, the session's person, on the newsroom server.
 */
export function useProfiles(client: BylineClient, signedInId?: string) {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [actorId, setActorId] = useState<string | null>(() => signedInId ?? readPickedProfileId());
  const [loaded, setLoaded] = useState(false);

  /** Shows `list`; a pick the database no longer knows (another database restored, say) is forgotten. */
  const apply = useCallback(
    (list: Profile[]) => {
      setProfiles(list);
      setLoaded(true);
      const picked = readPickedProfileId();
      if (!signedInId && picked && !list.some((p) => p.id === picked)) {
        writePickedProfileId(null);
        setActorId(null);
      }
    },
    [signedInId],
  );

  const refresh = useCallback(async () => {
    const list = await client.call('profiles.list', {});
    apply(list);
    return list;
  }, [client, apply]);

  useEffect(() => {
    let stale = false;
    client.call('profiles.list', {}).then(
      (list) => !stale && apply(list),
      () => !stale && setLoaded(true),
    );
    return () => {
      stale = true;
    };
  }, [client, apply]);

  const pick = useCallback(
    (id: string | null) => {
      if (signedInId) return;
      writePickedProfileId(id);
      setActorId(id);
    },
    [signedInId],
  );

  const create = useCallback(
    async (input: ProfileInput): Promise<Profile> => {
      const created = await client.call('profiles.create', input);
      await refresh();
      return created;
    },
    [client, refresh],
  );

  const actor = profiles.find((p) => p.id === actorId) ?? null;
  return { profiles, actor, loaded, pick, create, refresh };
}

export type ProfilesState = ReturnType<typeof useProfiles>;
