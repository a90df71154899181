import { displayLink } from '../lib/text/display-safe';
import { ExternalIcon } from './icons';

export type SignerPageLinkProps = {
  /** The page about a signer that a trust list gives (an entry's `url`). */
  url: string | undefined;
  /** Whose word the page is, for the reader: "the list “Press Council”". */
  from: string;
};

/**
 * A trust list's page about a signer, as a link that says whose word it is:
 * https only, its text the page's origin (displayLink), so a list cannot
 * dress up where the link leads. Nothing for any other address.
 */
export function SignerPageLink({ url, from }: SignerPageLinkProps) {
  const link = url === undefined ? undefined : displayLink(url);
  if (link === undefined) return null;
  return (
    <span className="block text-xs leading-5 text-slate-600">
      About this signer, according to {from}:{' '}
      <a
        href={link.href}
        target="_blank"
        rel="noreferrer noopener"
        className="focus-ring rounded-sm break-all text-sky-700 underline decoration-sky-700/30 underline-offset-2 hover:decoration-sky-700"
      >
        {link.text}
        <ExternalIcon className="ml-1 inline size-3 align-[-1px]" />
      </a>
    </span>
  );
}
