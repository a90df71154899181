import type { Address } from 'viem';
import type { TrustList } from '../lib/trust/list-schema';

export type DevnetTrustListParameters = {
  /** The valid signer the devnet's trust configuration leaves out. */
  untrustedAttester: Address;
  /** When the list says it was last updated. */
  updated: Date;
};

/**
 * A trust list (spec §7) as a press council would publish it, served by the
 * devnet at /trust-list.json. It vouches for the one signer the devnet's
 * trust configuration leaves out, the signer of the article's partner
 * content: subscribing to it on the options page turns that "Untrusted"
 * badge (and the demo page's) into "Verified".
 */
export function devnetTrustList({ untrustedAttester, updated }: DevnetTrustListParameters): TrustList {
  return {
    name: 'Coast Press Council',
    updated: updated.toISOString(),
    attesters: [{ address: untrustedAttester, label: 'Harbour Gazette Partner Studio', url: 'https://partners.harbour-gazette.example/about' }],
    opengradient: {},
    eas: {},
    erc7007: {},
  };
}
