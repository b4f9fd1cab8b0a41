import { useT } from '../i18n/i18n';

export function EmptyArticle() {
  const t = useT();
  return (
    <main className="story story--empty">
      <p>{t('selectOrCreate')}</p>
    </main>
  );
}
