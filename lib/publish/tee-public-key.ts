import { BaseError as ViemBaseError, bytesToHex, ContractFunctionRevertedError, createPublicClient, http, isHex, type Address, type Hex } from 'viem';
import { legacyTeeRegistryAbi, teeRegistryAbi } from '../abi/tee-registry';
import { base64ToBytes } from '../encoding/base64';
import { TeeKeyError } from './publish-errors';

export type ParseTeePublicKeyReturnType = Hex;

/**
 * A TEE's RSA public key as DER SubjectPublicKeyInfo hex, from what a
 * publisher has: the DER bytes, their hex (as the registry returns them),
 * or a PEM `PUBLIC KEY` block.
 */
export function parseTeePublicKey(key: string | Uint8Array): ParseTeePublicKeyReturnType {
  if (typeof key !== 'string') return bytesToHex(key);
  const text = key.trim();
  if (isHex(text) && text.length > 2 && text.length % 2 === 0) return text.toLowerCase() as Hex;
  const pem = /^-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----$/.exec(text);
  if (pem) {
    try {
      return bytesToHex(base64ToBytes(pem[1]!.replace(/\s+/g, '')));
    } catch (error) {
      throw new TeeKeyError('The TEE public key is a PEM block whose body is not base64', { field: 'teePublicKey', cause: error });
    }
  }
  throw new TeeKeyError('The TEE public key must be DER hex (0x…) or a PEM "PUBLIC KEY" block', { field: 'teePublicKey' });
}

export type ReadTeePublicKeyParameters = {
  /** An RPC of the chain the registry is on. */
  rpcUrl: string;
  /** The chain the proof names: the RPC must serve it. */
  chainId: number;
  registry: Address;
  teeId: Hex;
};

export type ReadTeePublicKeyReturnType = Hex;

/**
 * The TEE's DER public key, as the registry holds it. Registries of the
 * interface before 2026-03-10 are read by their older view name, as the
 * verifier does (lib/verifiers/og-registry.ts). Throws TeeKeyError when the
 * RPC serves another chain, cannot be read, or the TEE is not registered.
 */
export async function readTeePublicKey({ rpcUrl, chainId, registry, teeId }: ReadTeePublicKeyParameters): Promise<ReadTeePublicKeyReturnType> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 1, timeout: 20_000 }) });
  let servedChain: number;
  try {
    servedChain = await client.getChainId();
  } catch (error) {
    throw new TeeKeyError(`Cannot read the TEE's key: the RPC ${rpcUrl} does not answer (${shortMessageOf(error)})`, { field: 'rpc', cause: error });
  }
  if (servedChain !== chainId) {
    throw new TeeKeyError(`The RPC ${rpcUrl} serves chain ${servedChain}, but the proof names chain ${chainId}`, { field: 'chainId' });
  }
  const at = { address: registry, args: [teeId] } as const;
  let key: Hex;
  try {
    key = await client.readContract({ ...at, abi: teeRegistryAbi, functionName: 'getTEEPublicKey' });
  } catch (error) {
    if (!isMissingFunction(error)) throw unreadable(error, registry, chainId);
    try {
      key = await client.readContract({ ...at, abi: legacyTeeRegistryAbi, functionName: 'getPublicKey' });
    } catch (legacyError) {
      if (errorName(legacyError) === 'TEENotFound') key = '0x';
      else throw unreadable(legacyError, registry, chainId);
    }
  }
  if (key === '0x') {
    throw new TeeKeyError(`TEE ${teeId} (tee_id) is not registered on the TEERegistry ${registry} of chain ${chainId}`, { field: 'tee_id' });
  }
  return key;
}

function unreadable(error: unknown, registry: Address, chainId: number): TeeKeyError {
  return new TeeKeyError(`Cannot read the TEE's key from ${registry} on chain ${chainId}: is it a TEERegistry? (${shortMessageOf(error)})`, {
    field: 'registry',
    cause: error,
  });
}

/** A contract reverts with no data when called with a selector it does not have: only then is the older name tried. */
function isMissingFunction(error: unknown): boolean {
  if (!(error instanceof ViemBaseError)) return false;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  return reverted instanceof ContractFunctionRevertedError && (reverted.raw ?? '0x') === '0x';
}

function errorName(error: unknown): string | undefined {
  if (!(error instanceof ViemBaseError)) return undefined;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  return reverted instanceof ContractFunctionRevertedError ? reverted.data?.errorName : undefined;
}

function shortMessageOf(error: unknown): string {
  if (error instanceof ViemBaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}
