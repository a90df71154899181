import { bytesToHex, encodePacked, hexToBytes, keccak256, stringToBytes, type Address, type Hex } from 'viem';
import type { TeeKey } from '../keys';
import type { EnvelopeExtras, EnvelopeInput } from './envelope-types';
import { pythonJsonDumps, type PythonJsonValue } from '../../lib/publish/python-json';

/** The request fields OpenGradient's TEE gateway keeps before hashing a request. */
export const teeRequestFields = ['model', 'messages', 'temperature', 'max_tokens', 'stop', 'tools', 'response_format', 'web_search'] as const;

export type TeeRequest = { readonly [key: string]: PythonJsonValue | undefined };

/** A TEE-signed inference as the gateway returns it (tee_* fields), plus the raw signature. */
export type TeeInference = {
  teeId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  timestamp: number;
  /** Standard base64, as in `tee_signature`. */
  signature: string;
  /** The same signature as hex: settlement logs and Merkle leaves carry the raw bytes. */
  signatureBytes: Hex;
};

/** keccak256 of the request bytes: Python json.dumps(sort_keys=True) of the kept fields. */
export function teeInputHash(request: TeeRequest): Hex {
  const kept = Object.fromEntries(teeRequestFields.filter((field) => field in request).map((field) => [field, request[field]]));
  return keccak256(stringToBytes(pythonJsonDumps(kept)));
}

/** keccak256 of the UTF-8 output, taken as is. */
export function teeOutputHash(output: string): Hex {
  return keccak256(stringToBytes(output));
}

/** keccak256(abi.encodePacked(bytes32 inputHash, bytes32 outputHash, uint256 timestamp)): what the TEE signs. */
export function teeMessageHash({ inputHash, outputHash, timestamp }: Pick<TeeInference, 'inputHash' | 'outputHash' | 'timestamp'>): Hex {
  return keccak256(encodePacked(['bytes32', 'bytes32', 'uint256'], [inputHash, outputHash, BigInt(timestamp)]));
}

export type SignTeeInferenceParameters = {
  tee: TeeKey;
  request: TeeRequest;
  output: string;
  /** Unix seconds. */
  timestamp: number;
};

/** Signs an inference as the enclave does: RSA-PSS, SHA-256, MGF1 SHA-256, salt 32, over the 32 msgHash bytes. */
export async function signTeeInference({ tee, request, output, timestamp }: SignTeeInferenceParameters): Promise<TeeInference> {
  const inputHash = teeInputHash(request);
  const outputHash = teeOutputHash(output);
  const messageHash = teeMessageHash({ inputHash, outputHash, timestamp });
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, tee.privateKey, new Uint8Array(hexToBytes(messageHash))),
  );
  return {
    teeId: tee.teeId,
    inputHash,
    outputHash,
    timestamp,
    signature: Buffer.from(signature).toString('base64'),
    signatureBytes: bytesToHex(signature),
  };
}

export type OgTeeSettlement =
  | { relay: Address; tx: Hex }
  | { relay: Address; tx: Hex; root: Hex; proof: Hex[] };

export type OgTeeEnvelopeParameters = EnvelopeExtras & {
  chainId: number;
  registry: Address;
  inference: TeeInference;
  settlement?: OgTeeSettlement;
};

export function ogTeeEnvelope({ chainId, registry, inference, settlement, text, model }: OgTeeEnvelopeParameters): EnvelopeInput {
  const { teeId, inputHash, outputHash, timestamp, signature } = inference;
  return {
    v: 1,
    proof: { type: 'og-tee', chainId, registry, teeId, inputHash, outputHash, timestamp, signature, ...(settlement && { settlement }) },
    ...(text !== undefined && { text }),
    ...(model !== undefined && { model }),
  };
}
