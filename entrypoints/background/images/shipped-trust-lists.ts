import interim from '../../../lib/c2pa/trust-lists/interim-anchors.pem.txt?raw';
import official from '../../../lib/c2pa/trust-lists/C2PA-TRUST-LIST.pem.txt?raw';
import tsa from '../../../lib/c2pa/trust-lists/C2PA-TSA-TRUST-LIST.pem.txt?raw';
import type { TrustListId } from '../../../lib/c2pa/trust-lists/sources';

/** The lists shipped with the extension (bundled as text): the fallback of the refreshed ones, and the interim list. */
export const shippedTrustLists: Record<TrustListId, string> & { interim: string } = { official, tsa, interim };
