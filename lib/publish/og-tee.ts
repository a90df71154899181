import { bytesToHex, isAddress, keccak256, stringToBytes, type Address, type Hex } from 'viem';
import { base64ToBytes } from '../encoding/base64';
import { processMerkleProof, settlementLeafHash } from '../og/merkle';
import { teeMessageHash } from '../og/message-hash';
import { verifyTeeSignature } from '../og/signature';
import { teeIdOf } from '../og/tee-key';
import { canonicalText } from '../text/canonical';
import { checkEnvelope, type PublishEnvelope, type TextFormat } from './envelope';
import type { OgInference } from './og-response';
import { InvalidFieldError, OutputHashMismatchError, SettlementProofError, TeeKeyError, TeeSignatureError } from './publish-errors';
import { parseTeePublicKey, readTeePublicKey } from './tee-public-key';

/** Where the inference was settled (spec §3a): its own transaction, or a batch with this inference's Merkle proof. */
export type OgSettlement = { relay: Address; tx: Hex } | { relay: Address; tx: Hex; root: Hex; proof: Hex[] };

export type OgTeeEnvelopeParameters = {
  /** The inference, from readOgResponse. */
  inference: OgInference;
  /** The chain of the TEERegistry that holds the TEE's key. */
  chainId: number;
  /** The TEERegistry's address. */
  registry: Address;
  settlement?: OgSettlement;
  /** `markdown` when the output is Markdown: the envelope then carries it as `text` with `"format": "markdown"`. */
  format?: TextFormat;
  /** The model name shown to readers; by default the one the response names. `null` leaves it out. */
  model?: string | null;
  /** The TEE's public key (DER hex or bytes, or PEM): the signature is checked with it. */
  teePublicKey?: string | Uint8Array;
  /** Without a key, an RPC of `chainId` to read it from the registry. */
  rpcUrl?: string;
};

export type OgTeeEnvelopeReturnType = {
  envelope: PublishEnvelope;
  /** The text the TEE signed, which the page must show. */
  signedText: string;
  /**
   * How the signature was checked before the envelope was made: with the
   * key given, with the key the registry holds, or not at all (no key and
   * no RPC: readers will still check it).
   */
  signatureCheckedWith: 'given-key' | 'registry-key' | 'unchecked';
};

/**
 * An `og-tee` envelope for an OpenGradient inference. Before anything is
 * made, the output must hash to `tee_output_hash`, the signature must verify
 * with the TEE's key when it is given or can be read, and a batch
 * settlement's Merkle proof must lead to its root; otherwise a PublishError
 * names the field at fault.
 */
export async function ogTeeEnvelope(parameters: OgTeeEnvelopeParameters): Promise<OgTeeEnvelopeReturnType> {
  const { inference, chainId, registry, settlement, format = 'plain', teePublicKey, rpcUrl } = parameters;
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new InvalidFieldError(`chainId must be a positive whole number, not ${String(chainId)}`, { field: 'chainId' });
  if (!isAddress(registry)) throw new InvalidFieldError(`registry must be a 0x address (40 hex digits, valid checksum if mixed case), not "${registry}"`, { field: 'registry' });

  if (settlement !== undefined) checkSettlementFields(settlement);
  checkOutputHash(inference);
  const signatureCheckedWith = await checkSignature({ inference, chainId, registry, teePublicKey, rpcUrl });
  if (settlement !== undefined && 'root' in settlement) checkBatchProof(inference, settlement);

  const { teeId, inputHash, outputHash, timestamp, signature, output } = inference;
  const model = parameters.model === null ? undefined : (parameters.model ?? inference.model);
  // OpenGradient hashes the raw output: a reader's page text stands for it only when it is already canonical.
  const needsText = format === 'markdown' || canonicalText(output) !== output;
  const envelope = checkEnvelope({
    v: 1,
    proof: { type: 'og-tee', chainId, registry, teeId, inputHash, outputHash, timestamp, signature, ...(settlement !== undefined && { settlement }) },
    ...(needsText && { text: output }),
    ...(model !== undefined && { model }),
    ...(format === 'markdown' && { format: 'markdown' as const }),
  });
  return { envelope, signedText: output, signatureCheckedWith };
}

function checkOutputHash({ output, outputHash, outputKind }: OgInference): void {
  const actual = keccak256(stringToBytes(output));
  if (actual === outputHash) return;
  const source = { chat: 'the message content', completion: 'the completion text', 'tool-calls': 'the tool calls, serialised as the gateway does', given: 'the output given' }[outputKind];
  throw new OutputHashMismatchError(
    `The output does not match tee_output_hash: ${source} (${output.length} characters) hashes to ${actual}, the TEE signed ${outputHash}. The text was changed after signing, or is not the output of this response.`,
    { field: 'tee_output_hash' },
  );
}

type CheckSignatureParameters = Pick<OgTeeEnvelopeParameters, 'inference' | 'chainId' | 'registry' | 'teePublicKey' | 'rpcUrl'>;

async function checkSignature({ inference, chainId, registry, teePublicKey, rpcUrl }: CheckSignatureParameters): Promise<OgTeeEnvelopeReturnType['signatureCheckedWith']> {
  let publicKeyDer: Hex;
  let checkedWith: OgTeeEnvelopeReturnType['signatureCheckedWith'];
  if (teePublicKey !== undefined) {
    publicKeyDer = parseTeePublicKey(teePublicKey);
    checkedWith = 'given-key';
  } else if (rpcUrl !== undefined) {
    publicKeyDer = await readTeePublicKey({ rpcUrl, chainId, registry, teeId: inference.teeId });
    checkedWith = 'registry-key';
  } else {
    return 'unchecked';
  }
  const keyId = teeIdOf(publicKeyDer);
  if (keyId !== inference.teeId) {
    const whose = checkedWith === 'given-key' ? 'The TEE public key given' : `The key the registry holds for ${inference.teeId}`;
    throw new TeeKeyError(`${whose} is not this TEE's: its keccak256 is ${keyId}, tee_id is ${inference.teeId}`, {
      field: checkedWith === 'given-key' ? 'teePublicKey' : 'tee_id',
    });
  }
  const messageHash = teeMessageHash(inference);
  const valid = await verifyTeeSignature({ publicKeyDer, messageHash, signature: base64ToBytes(inference.signature) });
  if (!valid) {
    throw new TeeSignatureError(
      'tee_signature does not verify: it is not the TEE\'s RSA-PSS signature (SHA-256, salt 32) of tee_request_hash, tee_output_hash and tee_timestamp. A field was changed, or the response is from before March 2026 (another salt length), which readers cannot check either.',
      { field: 'tee_signature' },
    );
  }
  return checkedWith;
}

const bytes32Pattern = /^0x[0-9a-fA-F]{64}$/;

function checkSettlementFields(settlement: OgSettlement): void {
  if (!isAddress(settlement.relay)) throw new InvalidFieldError(`settlement.relay must be a 0x address, not "${settlement.relay}"`, { field: 'settlement.relay' });
  if (!bytes32Pattern.test(settlement.tx)) throw new InvalidFieldError(`settlement.tx must be a transaction hash (0x and 64 hex digits), not "${settlement.tx}"`, { field: 'settlement.tx' });
  if (!('root' in settlement)) return;
  if (!bytes32Pattern.test(settlement.root)) throw new InvalidFieldError(`settlement.root must be 0x and 64 hex digits, not "${settlement.root}"`, { field: 'settlement.root' });
  settlement.proof.forEach((hash, index) => {
    if (!bytes32Pattern.test(hash)) throw new InvalidFieldError(`settlement.proof[${index}] must be 0x and 64 hex digits, not "${hash}"`, { field: `settlement.proof[${index}]` });
  });
}

function checkBatchProof(inference: OgInference, settlement: Extract<OgSettlement, { root: Hex }>): void {
  const leaf = settlementLeafHash({ ...inference, signature: bytesToHex(base64ToBytes(inference.signature)) });
  const root = processMerkleProof({ leaf, proof: settlement.proof });
  if (root.toLowerCase() !== settlement.root.toLowerCase()) {
    throw new SettlementProofError(
      `The batch proof does not lead from this inference to settlement.root: it gives ${root}, the root is ${settlement.root}. Give the proof of this inference's leaf (teeId, inputHash, outputHash, signature, timestamp).`,
      { field: 'settlement.proof' },
    );
  }
}
