import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fieldsOf } from '../../shared/article';
import { editorStateFromParagraphs } from '../../shared/editor-state';
import { ArticleRepository } from '../../electron/db/articles-repo';
import { openDatabase } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { ArticleService } from '../../electron/services/articles';
import { koreanParagraphs } from './korean-text';
import { percentile, report } from './report';

const SAVES = 300;
const WARMUP = 20;

/** Save latency through the service for a 20,000-character story: version check, revision, FULL sync. */
export async function benchSave(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'byline-bench-save-'));
  const db = await openDatabase(path.join(dir, 'bench.sqlite3'));
  try {
    await migrate(db);
    const service = new ArticleService({ repo: new ArticleRepository(db) });
    const paragraphs = koreanParagraphs(20_000);
    let article = await service.create({ headline: '저장 벤치마크', section: 'IT/과학' });
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + SAVES; i += 1) {
      // Each save changes one paragraph, as a reporter's edit would.
      const edited = paragraphs.map((p, j) => (j === i % paragraphs.length ? `${p} (${i})` : p));
      const fields = { ...fieldsOf(article), body: editorStateFromParagraphs(edited) };
      const started = performance.now();
      article = await service.save({ id: article.id, baseVersion: article.version, fields });
      if (i >= WARMUP) samples.push(performance.now() - started);
    }
    report({ bench: 'save', metric: 'save_20k_p50', value: percentile(samples, 50), unit: 'ms' });
    report({ bench: 'save', metric: 'save_20k_p95', value: percentile(samples, 95), unit: 'ms', target: 10 });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
