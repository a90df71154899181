import { hexToBytes, keccak256, type Hex } from 'viem';

/**
 * Whether a block's logs bloom (the 2048-bit filter in its header) may hold
 * a log from `address` with these topics: false proves the block has none,
 * so its receipts need not be read. Three bits per value, from the first
 * six bytes of its keccak (Yellow Paper, M3:2048).
 */
export function bloomMayContain(bloom: Hex, address: Hex, topics: readonly (Hex | readonly Hex[] | null)[]): boolean {
  const bits = hexToBytes(bloom);
  const has = (value: Hex) => {
    const hash = hexToBytes(keccak256(value));
    return [0, 2, 4].every((at) => {
      const bit = ((hash[at]! << 8) | hash[at + 1]!) & 2047;
      return (bits[255 - (bit >> 3)]! & (1 << (bit & 7))) !== 0;
    });
  };
  return has(address) && topics.every((topic) => topic === null || (typeof topic === 'string' ? has(topic) : topic.some(has)));
}
