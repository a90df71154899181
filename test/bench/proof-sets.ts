import { createDevnetClients } from '../../devnet/clients';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { produceEasProofs } from './eas-proofs';
import { produceErc7007Proofs } from './erc7007-proofs';
import { produceOgProofs } from './og-proofs';
import type { ProofSet } from './proof-set';

export type ProduceProofSetsParameters = {
  devnet: StartDevnetReturnType;
  /** Distinct proofs per set. */
  count: number;
};

/**
 * Every valid kind of proof, `count` distinct ones of each, made on the
 * devnet with its own producers; in the order the bench reports them.
 */
export async function produceProofSets({ devnet, count }: ProduceProofSetsParameters): Promise<ProofSet[]> {
  const { rpcUrl, chainId, contracts } = devnet;
  const clients = createDevnetClients({ rpcUrl, chainId });
  const og = await produceOgProofs({ clients, contracts, chainId, count });
  const eas = await produceEasProofs({ clients, contracts, chainId, count });
  const erc7007 = await produceErc7007Proofs({ clients, contracts, chainId, count });
  // Every anchor above is now final under the devnet's `confirmations: 2`.
  await devnet.mine(2);
  return [og.bare, og.individual, og.batch, og.settlement, eas.offchain, eas.onchain, erc7007];
}
