import type { TrustConfig } from '../trust/schema';

/** A link to a transaction on the chain's configured explorer; null when the chain has none. */
export function explorerTransactionUrl(trust: TrustConfig, chainId: number, hash: string): string | null {
  return /^0x[0-9a-fA-F]{64}$/.test(hash) ? explorerUrl(trust, chainId, `tx/${hash}`) : null;
}

/** A link to an address (a contract, an attester) on the chain's configured explorer; null when the chain has none. */
export function explorerAddressUrl(trust: TrustConfig, chainId: number, address: string): string | null {
  return /^0x[0-9a-fA-F]{40}$/.test(address) ? explorerUrl(trust, chainId, `address/${address}`) : null;
}

function explorerUrl(trust: TrustConfig, chainId: number, path: string): string | null {
  const key = String(chainId);
  const base = Object.hasOwn(trust.chains, key) ? trust.chains[key]!.explorer : null;
  // Values are checked by the caller's pattern, so nothing but hex reaches the URL.
  return base ? `${base.replace(/\/+$/, '')}/${path}` : null;
}
