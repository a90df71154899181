export type WatchPageSchemeParameters = {
  signal: AbortSignal;
  document: Document;
  /** The page may now be light where it was dark, or the other way. */
  onChange: () => void;
};

/** Where sites keep their light/dark switch, on <html> or <body>. */
const schemeAttributes = ['class', 'style', 'data-theme', 'data-color-scheme', 'data-mode'];

/**
 * When the page may have changed between light and dark: the reader's
 * system scheme changed, or the page switched its own theme on <html> or
 * <body>. Badges take the page's colours when they go in; this tells them
 * to look again. Nothing below the body is observed, so it stays quiet.
 */
export function watchPageScheme({ signal, document, onChange }: WatchPageSchemeParameters): void {
  document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', onChange, { signal });
  const observer = new MutationObserver(onChange);
  for (const element of [document.documentElement, document.body]) {
    if (element !== null) observer.observe(element, { attributes: true, attributeFilter: schemeAttributes });
  }
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
