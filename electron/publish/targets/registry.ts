import type { PublishTargetKind } from '../../../shared/contract-publish';
import { AppError } from '../../../shared/errors';
import type { TargetAdapter, TargetEnv } from '../target-adapter';
import { BundleTarget } from './bundle-target';
import { GhostTarget } from './ghost-target';
import { WordPressTarget } from './wordpress-target';

/** A new kind of target is one more module and one more line here (plus its place in the contract's PublishTargetKind). */
const MAKERS: Record<PublishTargetKind, (env: TargetEnv) => TargetAdapter> = {
  wordpress: (env) => new WordPressTarget(env),
  ghost: (env) => new GhostTarget(env),
  'html-bundle': (env) => new BundleTarget(env),
};

/** Every kind's adapter, looked up by the kind a target was stored with. */
export class TargetRegistry {
  private readonly adapters: ReadonlyMap<string, TargetAdapter>;

  constructor(env: TargetEnv) {
    this.adapters = new Map(Object.entries(MAKERS).map(([kind, make]) => [kind, make(env)]));
  }

  kinds(): string[] {
    return [...this.adapters.keys()];
  }

  /** A kind no adapter knows (a database from a newer Byline, or edited by hand) is refused, never guessed. */
  adapter(kind: string): TargetAdapter {
    const found = this.adapters.get(kind);
    if (found) return found;
    const shown = String(kind).slice(0, 40);
    const known = [...this.adapters.values()].map((a) => a.label).join(', ');
    throw new AppError(
      'VALIDATION',
      `이 버전의 Byline은 ‘${shown}’ 종류의 출고 대상을 다룰 수 없습니다. 출고 대상 설정에서 ${known} 가운데 하나로 다시 만드세요.`,
      { kind: shown },
    );
  }
}
