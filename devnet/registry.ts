import type { Address, Hex } from 'viem';
import { legacyTeeRegistryAbi, teeRegistryAbi } from '../lib/abi/tee-registry';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from './clients';

/** The TEE type OpenGradient's registry uses for its LLM gateway enclaves. */
export const llmProxyTeeType = 0;

type RegistryWriteParameters = { clients: DevnetClients; wallet: DevnetWalletClient; registry: Address };

export type RegisterTeeParameters = RegistryWriteParameters & { publicKey: Hex; teeType?: number };

export async function registerTee({ clients, wallet, registry, publicKey, teeType = llmProxyTeeType }: RegisterTeeParameters): Promise<Hex> {
  const hash = await wallet.writeContract({ address: registry, abi: teeRegistryAbi, functionName: 'registerTEE', args: [publicKey, teeType] });
  await waitForSuccess({ clients, hash, what: 'Registering a TEE' });
  return hash;
}

export type TeeWriteParameters = RegistryWriteParameters & { teeId: Hex };

export async function heartbeatTee({ clients, wallet, registry, teeId }: TeeWriteParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: registry, abi: teeRegistryAbi, functionName: 'heartbeat', args: [teeId] });
  await waitForSuccess({ clients, hash, what: 'Sending a TEE heartbeat' });
}

export async function disableTee({ clients, wallet, registry, teeId }: TeeWriteParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: registry, abi: teeRegistryAbi, functionName: 'disableTEE', args: [teeId] });
  await waitForSuccess({ clients, hash, what: 'Disabling a TEE' });
}

/** Registers a key on a registry of the interface before 2026-03-10 (TEERegistryLegacy.sol). */
export async function registerLegacyTee({ clients, wallet, registry, publicKey, teeType = llmProxyTeeType }: RegisterTeeParameters): Promise<Hex> {
  const hash = await wallet.writeContract({ address: registry, abi: legacyTeeRegistryAbi, functionName: 'registerTEE', args: [publicKey, teeType] });
  await waitForSuccess({ clients, hash, what: 'Registering a TEE on the legacy registry' });
  return hash;
}

/** The older interface's way to switch a TEE off: `isActive` then reads false. */
export async function deactivateLegacyTee({ clients, wallet, registry, teeId }: TeeWriteParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: registry, abi: legacyTeeRegistryAbi, functionName: 'deactivateTEE', args: [teeId] });
  await waitForSuccess({ clients, hash, what: 'Deactivating a TEE on the legacy registry' });
}
