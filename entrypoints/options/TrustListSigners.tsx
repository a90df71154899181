import { SignerPageLink } from '../../components/SignerPageLink';
import { displaySafe } from '../../lib/text/display-safe';
import type { TrustList } from '../../lib/trust/list-schema';

export type TrustListSignersProps = {
  list: TrustList;
  /** Whose word the signers' pages are, for the reader: "this list". */
  from: string;
  /** Most signers named; the rest are counted. */
  shown?: number;
};

/**
 * The signers a trust list vouches for, by the labels it gives them (text
 * the list chose, so display-safe), each with the page about them the list
 * gives, as a safe link. Nothing for a list that names no signer.
 */
export function TrustListSigners({ list, from, shown = 8 }: TrustListSignersProps) {
  if (list.attesters.length === 0) return null;
  const more = list.attesters.length - shown;
  return (
    <ul className="mt-2 space-y-1 text-sm text-slate-800" aria-label={`Signers ${from} vouches for`}>
      {list.attesters.slice(0, shown).map(({ address, label, url }) => (
        <li key={address}>
          <span className="font-medium">{displaySafe(label)}</span>
          <SignerPageLink url={url} from={from} />
        </li>
      ))}
      {more > 0 && <li className="text-slate-600">and {more.toLocaleString('en')} more</li>}
    </ul>
  );
}
