import { useT } from '../i18n/i18n';

export function EmptyArticle() {
  const t = useT();
  return (
    <main className="article article--empty">
      <p>{t('selectOrCreate')}</p>
    </main>
  );
}
