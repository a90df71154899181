import { stringToHex } from 'viem';
import { erc7007Model } from '../../devnet/cases/erc7007';
import type { DevnetClients } from '../../devnet/clients';
import type { DevnetContracts } from '../../devnet/deploy';
import { erc7007Envelope, signAigcProof } from '../../devnet/producers/erc7007';
import type { BenchProof, ProofSet } from './proof-set';
import { newsBrief } from './sentences';

export type ProduceErc7007ProofsParameters = {
  clients: DevnetClients;
  contracts: DevnetContracts;
  chainId: number;
  count: number;
};

/** Token ids above the devnet's own, so none is shared with a scenario. */
const firstTokenId = 10_000n;

/**
 * `count` texts signed by the trusted contract's oracle. The contract's
 * verify() checks only that signature, so nothing needs recording on chain.
 */
export async function produceErc7007Proofs({ clients, contracts, chainId, count }: ProduceErc7007ProofsParameters): Promise<ProofSet> {
  const proofs: BenchProof[] = [];
  for (let index = 0; index < count; index++) {
    const shown = newsBrief('erc7007', index);
    const prompt = stringToHex(`Write the caption for photo ${index + 1} of the day.`);
    const proof = await signAigcProof({ oracle: clients.accounts.erc7007Oracle, prompt, aigcData: stringToHex(shown) });
    const tokenId = firstTokenId + BigInt(index);
    proofs.push({ envelope: erc7007Envelope({ chainId, contract: contracts.erc7007, tokenId, prompt, proof, model: erc7007Model }), shown });
  }
  return { name: 'erc7007', proofType: 'erc7007', proofs };
}
