import type { Address, Hex } from 'viem';
import { devnetTeeRegistryAbi } from './abi';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from './clients';

/** The TEE type OpenGradient's registry uses for its LLM gateway enclaves. */
export const llmProxyTeeType = 0;

type RegistryWriteParameters = { clients: DevnetClients; wallet: DevnetWalletClient; registry: Address };

export type RegisterTeeParameters = RegistryWriteParameters & { publicKey: Hex; teeType?: number };

export async function registerTee({ clients, wallet, registry, publicKey, teeType = llmProxyTeeType }: RegisterTeeParameters): Promise<Hex> {
  const hash = await wallet.writeContract({ address: registry, abi: devnetTeeRegistryAbi, functionName: 'registerTEE', args: [publicKey, teeType] });
  await waitForSuccess({ clients, hash, what: 'Registering a TEE' });
  return hash;
}

export type TeeWriteParameters = RegistryWriteParameters & { teeId: Hex };

export async function heartbeatTee({ clients, wallet, registry, teeId }: TeeWriteParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: registry, abi: devnetTeeRegistryAbi, functionName: 'heartbeat', args: [teeId] });
  await waitForSuccess({ clients, hash, what: 'Sending a TEE heartbeat' });
}

export async function disableTee({ clients, wallet, registry, teeId }: TeeWriteParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: registry, abi: devnetTeeRegistryAbi, functionName: 'disableTEE', args: [teeId] });
  await waitForSuccess({ clients, hash, what: 'Disabling a TEE' });
}
