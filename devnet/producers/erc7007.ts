import { concat, keccak256, type Address, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { erc7007Abi } from '../../lib/abi/erc7007';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from '../clients';
import type { EnvelopeExtras, EnvelopeInput } from './envelope-types';

/** keccak256(abi.encodePacked(keccak256(prompt), keccak256(aigcData))): what TestERC7007's oracle signs. */
export function aigcDigest({ prompt, aigcData }: { prompt: Hex; aigcData: Hex }): Hex {
  return keccak256(concat([keccak256(prompt), keccak256(aigcData)]));
}

export type SignAigcProofParameters = { oracle: PrivateKeyAccount; prompt: Hex; aigcData: Hex };

/** The oracle's 65-byte signature (r, s, v = 27/28) over the plain digest, without the eth_sign prefix. */
export function signAigcProof({ oracle, prompt, aigcData }: SignAigcProofParameters): Promise<Hex> {
  return oracle.sign({ hash: aigcDigest({ prompt, aigcData }) });
}

export type AddAigcDataParameters = {
  clients: DevnetClients;
  wallet: DevnetWalletClient;
  contract: Address;
  tokenId: bigint;
  prompt: Hex;
  aigcData: Hex;
  proof: Hex;
};

/** Records the AIGC data of a token on the contract, which accepts it only with a valid proof; returns the transaction. */
export async function addAigcData({ clients, wallet, contract, tokenId, prompt, aigcData, proof }: AddAigcDataParameters): Promise<Hex> {
  const hash = await wallet.writeContract({
    address: contract,
    abi: erc7007Abi,
    functionName: 'addAigcData',
    args: [tokenId, prompt, aigcData, proof],
  });
  await waitForSuccess({ clients, hash, what: `Adding AIGC data to token ${tokenId}` });
  return hash;
}

export type MintAigcTokenParameters = Omit<AddAigcDataParameters, 'tokenId'> & { uri?: string };

export type MintAigcTokenReturnType = { tokenId: bigint; tx: Hex };

/**
 * Mints the token of `prompt` as the reference implementation does
 * (`mint(to, prompt, aigcData, uri, proof)`, token id keccak256(prompt)) to
 * the wallet's own account, recording its AIGC data.
 */
export async function mintAigcToken({ clients, wallet, contract, prompt, aigcData, proof, uri = 'ipfs://devnet' }: MintAigcTokenParameters): Promise<MintAigcTokenReturnType> {
  const hash = await wallet.writeContract({
    address: contract,
    abi: erc7007Abi,
    functionName: 'mint',
    args: [wallet.account.address, prompt, aigcData, uri, proof],
  });
  await waitForSuccess({ clients, hash, what: `Minting the token of prompt ${prompt.slice(0, 18)}…` });
  return { tokenId: BigInt(keccak256(prompt)), tx: hash };
}

export type Erc7007EnvelopeParameters = EnvelopeExtras & { chainId: number; contract: Address; tokenId: bigint; prompt: Hex; proof: Hex; tx?: Hex };

export function erc7007Envelope({ chainId, contract, tokenId, prompt, proof, tx, text, model }: Erc7007EnvelopeParameters): EnvelopeInput {
  return {
    v: 1,
    proof: { type: 'erc7007', chainId, contract, tokenId: tokenId.toString(), prompt, proof, ...(tx !== undefined && { tx }) },
    ...(text !== undefined && { text }),
    ...(model !== undefined && { model }),
  };
}
