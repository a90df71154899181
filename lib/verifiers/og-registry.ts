import { decodeErrorResult, type Address, type Hex } from 'viem';
import { legacyTeeRegistryAbi, teeRegistryAbi } from '../abi/tee-registry';
import { ContractRevertedError } from '../chain/errors';
import { settle, type ReadOutcome } from '../chain/read-outcome';
import type { ChainReader, PinnedBlock } from '../chain/types';

/** Which views answered: the current ones, or those before og-evm's change of 2026-03-10. */
export type RegistryInterface = 'current' | 'legacy';

/** A registry's answer, and which interface gave it. */
export type RegistryAnswer<value> = { value: value; from: RegistryInterface };

export type TeeRegistryReads = {
  /** The DER key; `0x` when the TEE is unknown. */
  publicKey: Promise<ReadOutcome<RegistryAnswer<Hex>>>;
  enabled: Promise<ReadOutcome<RegistryAnswer<boolean>>>;
  /** Undefined from a legacy registry: it has no heartbeat view. */
  active: Promise<ReadOutcome<RegistryAnswer<boolean | undefined>>>;
};

export type ReadTeeRegistryParameters = {
  reader: ChainReader;
  head: ReadOutcome<PinnedBlock>;
  registry: Address;
  teeId: Hex;
};

/**
 * Starts the three registry reads for `teeId` together, so they go out in
 * one batch. A view the registry does not have (the call reverts with no
 * data) is read under its name before 2026-03-10: `getPublicKey` for the
 * key and `isActive`, the old on/off switch, for enabled. A view that
 * answers is never second-guessed, whatever it says.
 */
export function readTeeRegistry({ reader, head, registry, teeId }: ReadTeeRegistryParameters): TeeRegistryReads {
  const read = <value>(current: () => Promise<value>, legacy: () => Promise<value>): Promise<ReadOutcome<RegistryAnswer<value>>> =>
    head.ok ? withFallback(current, legacy) : Promise.resolve({ ok: false, error: head.error });
  const at = { address: registry, args: [teeId] } as const;
  return {
    publicKey: read(
      () => reader.readContract({ ...at, abi: teeRegistryAbi, functionName: 'getTEEPublicKey' }),
      () => legacyPublicKey(reader.readContract({ ...at, abi: legacyTeeRegistryAbi, functionName: 'getPublicKey' })),
    ),
    enabled: read(
      () => reader.readContract({ ...at, abi: teeRegistryAbi, functionName: 'isTEEEnabled' }),
      () => reader.readContract({ ...at, abi: legacyTeeRegistryAbi, functionName: 'isActive' }),
    ),
    active: read<boolean | undefined>(
      () => reader.readContract({ ...at, abi: teeRegistryAbi, functionName: 'isTEEActive' }),
      () => Promise.resolve(undefined),
    ),
  };
}

async function withFallback<value>(current: () => Promise<value>, legacy: () => Promise<value>): Promise<ReadOutcome<RegistryAnswer<value>>> {
  const answer = await settle(current);
  if (answer.ok) return { ok: true, value: { value: answer.value, from: 'current' } };
  if (!isMissingFunction(answer.error)) return answer;
  const older = await settle(legacy);
  if (older.ok) return { ok: true, value: { value: older.value, from: 'legacy' } };
  if (!isMissingFunction(older.error)) return older;
  const details = `${(answer.error as ContractRevertedError).details}; ${(older.error as ContractRevertedError).details}`;
  return { ok: false, error: new ContractRevertedError({ details, revertData: '0x' }) };
}

/** A Solidity contract reverts with no data when called with a selector it does not know. */
function isMissingFunction(error: unknown): error is ContractRevertedError {
  return error instanceof ContractRevertedError && error.revertData === '0x';
}

/** Some legacy registries revert `getPublicKey` with TEENotFound() for an unknown TEE: that answer is "no key". */
async function legacyPublicKey(read: Promise<Hex>): Promise<Hex> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ContractRevertedError && error.revertData && isTeeNotFound(error.revertData)) return '0x';
    throw error;
  }
}

function isTeeNotFound(data: Hex): boolean {
  try {
    return decodeErrorResult({ abi: legacyTeeRegistryAbi, data }).errorName === 'TEENotFound';
  } catch {
    return false;
  }
}
