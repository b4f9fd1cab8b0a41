import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Backend } from '../../../electron/host/bootstrap';
import { DEFAULT_META, type Article } from '../../../shared/article';
import type { Method } from '../../../shared/contract';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import type { Result } from '../../../shared/errors';
import { startTestBackend } from './backend';
import { makeTempDir, removeTempDirs } from './temp';

/*
 * The dispatch tests' shared setup: a backend on a temporary folder with one saved story (version 2),
 * fresh before each test and closed and removed after it, or (`perFile`) one for the whole file, for
 * tests that write nothing and check so themselves.
 */

export const HEADLINE = '과기정통부 배경훈 장관, 한미 양자기술 협력 가속화 추진';
export const BODY = editorStateFromParagraphs(['(포탈뉴스통신) 과학기술정보통신부 배경훈 장관은 미국 뉴욕을 방문했다.', '[뉴스출처 : 과학기술정보통신부]']);
export const MEDIA_ID = 'ab'.repeat(32);
export const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

export const ACTOR = '5c2e8a4f-1b3d-4e6f-9a0b-7c8d9e0f1a2b';
export const FIELDS = { headline: HEADLINE, deck: '미국 에너지부 산하 브룩헤이븐 국립연구소 방문', section: 'IT/과학', body: BODY, ...DEFAULT_META };

export interface DispatchHarness {
  readonly dataDir: string;
  readonly backend: Backend | undefined;
  readonly article: Article;
  /** Forgets the backend (after a test closed it itself), so afterEach does not close it twice. */
  forget(): void;
  start(): Promise<{ backend: Backend; warning?: string }>;
  call<T = unknown>(method: string, input: unknown): Promise<Result<T>>;
  ok<T>(method: Method, input: unknown): Promise<T>;
}

/**
 * Registers the set-up and tear-down hooks in the calling test file and returns live accessors. `perFile`:
 * one backend for all the file's tests (beforeAll/afterAll), for tests that prove each call left the
 * database and settings as they were; starting a backend per test costs seconds on PostgreSQL.
 */
export function useDispatchBackend(options: { perFile?: boolean } = {}): DispatchHarness {
  let dataDir = '';
  let backend: Backend | undefined;
  let article: Article | undefined;

  const h: DispatchHarness = {
    get dataDir() {
      return dataDir;
    },
    get backend() {
      return backend;
    },
    get article() {
      return article!;
    },
    forget() {
      backend = undefined;
    },
    async start() {
      const started = await startTestBackend(dataDir);
      backend = started.backend;
      return started;
    },
    async call<T = unknown>(method: string, input: unknown): Promise<Result<T>> {
      return (await backend!.dispatch(method, input)) as Result<T>;
    },
    async ok<T>(method: Method, input: unknown): Promise<T> {
      const result = await h.call<T>(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };

  const setUp = async () => {
    dataDir = makeTempDir('byline-dispatch-');
    await h.start();
    const created = await h.ok<Article>('articles.create', { headline: HEADLINE });
    article = await h.ok<Article>('articles.save', { id: created.id, baseVersion: 1, fields: FIELDS });
  };
  const tearDown = async () => {
    await backend?.close().catch(() => undefined);
    backend = undefined;
    removeTempDirs();
  };
  if (options.perFile) {
    beforeAll(setUp);
    afterAll(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }

  return h;
}
