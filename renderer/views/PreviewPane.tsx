import { useMemo } from 'react';
import type { ArticleFields } from '../../shared/article';
import type { Settings } from '../../shared/settings';
import { articleHtml, articleParts } from '../../shared/article-render';

/**
 * The story as the portal will show it, from the same shared converter export uses. The HTML is built
 * by escaping every text and allowing only known tags and safe link URLs, so it is inserted as is.
 */
export function PreviewPane({ fields, newsroom }: { fields: ArticleFields; newsroom: Settings['newsroom'] }) {
  const html = useMemo(() => articleHtml(articleParts(fields, newsroom)), [fields, newsroom]);
  return <div className="preview" data-testid="preview" dangerouslySetInnerHTML={{ __html: html }} />;
}
