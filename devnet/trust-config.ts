import type { Address } from 'viem';
import type { TrustConfig } from '../lib/trust/schema';
import type { DevnetContracts } from './deploy';

/** Blocks an anchor needs on the devnet; see buildScenarios for why 2 separates pending from final. */
export const devnetConfirmations = 2;

export type DevnetTrustConfigParameters = {
  rpcUrl: string;
  chainId: number;
  contracts: DevnetContracts;
  trustedAttester: Address;
};

/** A trust configuration (spec §7) naming the trusted devnet contracts (the ERC-7007 flavours too) and attester, and none of the rogue ones. */
export function devnetTrustConfig({ rpcUrl, chainId, contracts, trustedAttester }: DevnetTrustConfigParameters): TrustConfig {
  const chain = String(chainId);
  return {
    chains: { [chain]: { name: 'Verity devnet', rpc: [rpcUrl], confirmations: devnetConfirmations, explorer: null } },
    opengradient: { [chain]: { teeRegistry: contracts.teeRegistry, settlementRelays: [contracts.settlementRelay] } },
    eas: { [chain]: { eas: contracts.eas, schemaRegistry: contracts.schemaRegistry } },
    erc7007: { [chain]: [contracts.erc7007, ...Object.values(contracts.erc7007Variants)] },
    trustedAttesters: [{ address: trustedAttester, label: 'Devnet Newsroom' }],
  };
}
