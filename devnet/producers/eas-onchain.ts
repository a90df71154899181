import { BaseError } from '../../lib/errors';
import { parseEventLogs, zeroAddress, zeroHash, type Address, type Hash, type Hex, type TransactionReceipt } from 'viem';
import { easAbi } from '../../lib/abi/eas';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from '../clients';
import type { EnvelopeExtras, EnvelopeInput } from './envelope-types';

export type SendAttestationParameters = {
  wallet: DevnetWalletClient;
  eas: Address;
  schema: Hex;
  data: Hex;
  /** Unix seconds; 0 for never. */
  expirationTime?: bigint;
  recipient?: Address;
};

/** Attests on chain (revocable) and returns the transaction hash without waiting. */
export function sendAttestation({ wallet, eas, schema, data, expirationTime = 0n, recipient = zeroAddress }: SendAttestationParameters): Promise<Hash> {
  return wallet.writeContract({
    address: eas,
    abi: easAbi,
    functionName: 'attest',
    args: [{ schema, data: { recipient, expirationTime, revocable: true, refUID: zeroHash, data, value: 0n } }],
  });
}

export class AttestationNotFoundError extends BaseError {
  override name = 'AttestationNotFoundError';
}

/** The UID from the `Attested` event the EAS contract emitted in `receipt`. */
export function attestationUid({ receipt, eas }: { receipt: TransactionReceipt; eas: Address }): Hex {
  const [attested] = parseEventLogs({ abi: easAbi, eventName: 'Attested', logs: receipt.logs }).filter(
    (log) => log.address.toLowerCase() === eas.toLowerCase(),
  );
  if (!attested) throw new AttestationNotFoundError(`No Attested event from ${eas} in transaction ${receipt.transactionHash}`);
  return attested.args.uid;
}

export type AttestParameters = SendAttestationParameters & { clients: DevnetClients };

/** Attests and waits: the UID of the new attestation. */
export async function attest({ clients, ...parameters }: AttestParameters): Promise<Hex> {
  const hash = await sendAttestation(parameters);
  const receipt = await waitForSuccess({ clients, hash, what: 'Attesting' });
  return attestationUid({ receipt, eas: parameters.eas });
}

export type RevokeAttestationParameters = { clients: DevnetClients; wallet: DevnetWalletClient; eas: Address; schema: Hex; uid: Hex };

export async function revokeAttestation({ clients, wallet, eas, schema, uid }: RevokeAttestationParameters): Promise<void> {
  const hash = await wallet.writeContract({
    address: eas,
    abi: easAbi,
    functionName: 'revoke',
    args: [{ schema, data: { uid, value: 0n } }],
  });
  await waitForSuccess({ clients, hash, what: 'Revoking an attestation' });
}

export type EasOnchainEnvelopeParameters = EnvelopeExtras & {
  chainId: number;
  uid: Hex;
  /** Optional: a verifier takes the EAS address from its trust configuration. */
  eas?: Address;
};

export function easOnchainEnvelope({ chainId, uid, eas, text, model }: EasOnchainEnvelopeParameters): EnvelopeInput {
  return {
    v: 1,
    proof: { type: 'eas-onchain', chainId, uid, ...(eas !== undefined && { eas }) },
    ...(text !== undefined && { text }),
    ...(model !== undefined && { model }),
  };
}
