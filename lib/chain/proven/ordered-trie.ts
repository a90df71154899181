import { createMPT } from '@ethereumjs/mpt';
import { RLP } from '@ethereumjs/rlp';
import { bytesToHex, type Hex } from 'viem';

/**
 * The root of a block's transactions or receipts trie: each item under the
 * RLP of its index, as the header commits to them. Built with
 * `@ethereumjs/mpt` from the items an endpoint sent, so a root that matches
 * the proven header proves every item and its position.
 */
export async function orderedTrieRoot(items: readonly Uint8Array[]): Promise<Hex> {
  const trie = await createMPT();
  for (const [index, item] of items.entries()) await trie.put(RLP.encode(index), item);
  return bytesToHex(trie.root());
}
