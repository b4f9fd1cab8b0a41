import { fieldsOf, type Article } from '../../../shared/article';
import { editorStateFromParagraphs } from '../../../shared/editor-state';
import { callApi } from './api';
import type { RunningServer } from './web-server';

/** An article written and filed through the API, as another workstation's reporter would (test setup only). */
export async function filedArticle(server: RunningServer, reporterId: string, a: { headline: string; section: string; body: string }): Promise<Article> {
  const as = { actorId: reporterId };
  const created = await callApi<Article>(server, 'articles.create', {}, as);
  const fields = { ...fieldsOf(created), headline: a.headline, section: a.section, body: editorStateFromParagraphs([a.body]) };
  const saved = await callApi<Article>(server, 'articles.save', { id: created.id, baseVersion: created.version, fields }, as);
  await callApi(server, 'workflow.submit', { id: saved.id, version: saved.version }, as);
  return saved;
}
