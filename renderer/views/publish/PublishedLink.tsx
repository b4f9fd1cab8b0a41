/**
 * A published address as a link: http(s) only, opened outside the app (the desktop glue hands such
 * links to the system browser; web mode opens a tab). Anything else stays text, never a link.
 */
function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function PublishedLink({ url }: { url: string }) {
  return isWebAddress(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer" className="published-link">
      {url}
    </a>
  ) : (
    <span className="published-link">{url}</span>
  );
}
