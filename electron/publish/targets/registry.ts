import { AppError } from '../../../shared/errors';
import { unknownKindMessage, type PublishTargetKind } from '../../../shared/publish-targets/index';
import type { StoredTarget } from '../../db/publish-repo';
import type { TargetAdapter, TargetEnv } from '../target-adapter';
import { BundleTarget } from './bundle-target';
import { GhostTarget } from './ghost-target';
import { WordPressTarget } from './wordpress-target';

/** A new kind of target is one more module and one more line here (plus its settings in shared/publish-targets/). */
const MAKERS: { [K in PublishTargetKind]: (env: TargetEnv) => TargetAdapter<K> } = {
  wordpress: (env) => new WordPressTarget(env),
  ghost: (env) => new GhostTarget(env),
  'html-bundle': (env) => new BundleTarget(env),
};

/** Every kind's adapter, looked up by the kind a target was stored with. */
export class TargetRegistry {
  private readonly adapters: ReadonlyMap<string, TargetAdapter>;

  constructor(env: TargetEnv) {
    this.adapters = new Map(Object.entries(MAKERS).map(([kind, make]) => [kind, make(env) as TargetAdapter]));
  }

  kinds(): string[] {
    return [...this.adapters.keys()];
  }

  /** A kind no adapter knows (a database from a newer Byline, or edited by hand) is refused, never guessed. */
  adapter(kind: string): TargetAdapter {
    const found = this.adapters.get(kind);
    if (found) return found;
    throw new AppError('VALIDATION', unknownKindMessage(kind), { kind: String(kind).slice(0, 40) });
  }

  /**
   * The adapter for a stored target, typed for it: the repository read the target's settings through the
   * schema of the kind it names, so the kind's adapter and the settings agree.
   */
  adapterFor<T extends StoredTarget>(target: T): TargetAdapter<T['kind']> {
    return this.adapter(target.kind) as TargetAdapter<T['kind']>;
  }
}
