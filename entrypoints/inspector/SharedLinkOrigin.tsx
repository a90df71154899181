import { displayOrigin, displaySafe } from '../../lib/text/display-safe';

/** The page a share link names, as its origin only (never its user name, look-alike Unicode or bidi tricks), and never a link. */
export function linkOrigin(pageUrl: string): string {
  return displayOrigin(pageUrl) ?? displaySafe(pageUrl, { maxLength: 60 });
}

/** Where the link says the proof was found: a claim of the link's, never opened or checked. */
export function SharedLinkOrigin({ pageUrl }: { pageUrl: string | undefined }) {
  return (
    <p className="text-sky-900/80">
      {pageUrl ? (
        <>
          The link says it comes from <span className="font-mono text-[13px] break-all text-sky-950">{linkOrigin(pageUrl)}</span>.
          That page was not opened or checked.
        </>
      ) : (
        'The link names no page it comes from.'
      )}
    </p>
  );
}
