import { stringToHex } from 'viem';
import { erc7007Model } from '../../devnet/cases/erc7007';
import type { DevnetClients } from '../../devnet/clients';
import type { DevnetContracts } from '../../devnet/deploy';
import { addAigcData, erc7007Envelope, signAigcProof } from '../../devnet/producers/erc7007';
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
 * `count` texts signed by the trusted contract's oracle and recorded on
 * their tokens: verify() checks the signature, and the verifier also needs
 * the token and its AigcData record.
 */
export async function produceErc7007Proofs({ clients, contracts, chainId, count }: ProduceErc7007ProofsParameters): Promise<ProofSet> {
  const proofs: BenchProof[] = [];
  for (let index = 0; index < count; index++) {
    const shown = newsBrief('erc7007', index);
    const prompt = stringToHex(`Write the caption for photo ${index + 1} of the day.`);
    const proof = await signAigcProof({ oracle: clients.accounts.erc7007Oracle, prompt, aigcData: stringToHex(shown) });
    const tokenId = firstTokenId + BigInt(index);
    await addAigcData({ clients, wallet: clients.wallets.deployer, contract: contracts.erc7007, tokenId, prompt, aigcData: stringToHex(shown), proof });
    proofs.push({ envelope: erc7007Envelope({ chainId, contract: contracts.erc7007, tokenId, prompt, proof, model: erc7007Model }), shown });
  }
  return { name: 'erc7007', proofType: 'erc7007', proofs };
}
