import type { Method, Output, ParsedInput } from '../../shared/contract';
import type { BackupStore } from '../db/backup';
import type { ArticleService } from '../services/articles';
import type { SearchService } from '../services/search';
import type { SettingsService } from '../services/settings';

export interface Services {
  articles: ArticleService;
  search: SearchService;
  backups: BackupStore;
  settings: SettingsService;
}

export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** Which service answers each contract method. Input is already validated when a handler runs. */
export function createHandlers(s: Services): Handlers {
  return {
    'articles.create': (input) => s.articles.create(input),
    'articles.get': (input) => s.articles.get(input.id),
    'articles.list': (input) => s.articles.list(input),
    'articles.save': (input) => s.articles.save(input),
    'articles.archive': (input) => s.articles.archive(input),
    'articles.revisions': (input) => s.articles.revisions(input.id),
    'articles.revision': (input) => s.articles.revision(input.id, input.version),
    'search.query': (input) => s.search.search(input),
    'backup.list': () => s.backups.list(),
    'backup.create': () => s.backups.create(),
    'backup.restore': (input) => s.backups.restore(input.name),
    'settings.get': () => s.settings.get(),
    'settings.set': (input) => s.settings.set(input),
  };
}
