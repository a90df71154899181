import type { Hex } from 'viem';
import type { DevnetClients } from './clients';
import type { DevnetContracts } from './deploy';
import { generateTeeKey, type TeeKey } from './keys';
import { deactivateLegacyTee, disableTee, heartbeatTee, registerLegacyTee, registerTee } from './registry';

/** The enclaves the scenarios sign with, one per registry state. */
export type DevnetTees = {
  /** Registered on the trusted registry, enabled, heartbeat sent: active. */
  active: TeeKey;
  /** Registered and enabled, never heartbeated: enabled but not active. */
  quiet: TeeKey;
  /** Registered, then disabled. */
  disabled: TeeKey;
  /** Registered nowhere. */
  unknown: TeeKey;
  /** Registered (and active) only on the rogue registry. */
  rogue: TeeKey;
  /** Registered on the legacy-interface registry, active there. */
  legacy: TeeKey;
  /** Registered on the legacy-interface registry, then deactivated. */
  legacyDeactivated: TeeKey;
  /** A transaction on the trusted registry that carries no settlement: registering `active`. */
  registrationTx: Hex;
};

export type SetUpTeesParameters = { clients: DevnetClients; contracts: DevnetContracts };

export async function setUpTees({ clients, contracts }: SetUpTeesParameters): Promise<DevnetTees> {
  const [active, quiet, disabled, unknown, rogue, legacy, legacyDeactivated] = (await Promise.all(Array.from({ length: 7 }, () => generateTeeKey()))) as [
    TeeKey,
    TeeKey,
    TeeKey,
    TeeKey,
    TeeKey,
    TeeKey,
    TeeKey,
  ];
  const trusted = { clients, wallet: clients.wallets.deployer, registry: contracts.teeRegistry };
  const registrationTx = await registerTee({ ...trusted, publicKey: active.publicKey });
  await heartbeatTee({ ...trusted, teeId: active.teeId });
  await registerTee({ ...trusted, publicKey: quiet.publicKey });
  await registerTee({ ...trusted, publicKey: disabled.publicKey });
  await disableTee({ ...trusted, teeId: disabled.teeId });

  const rogueRegistry = { clients, wallet: clients.wallets.rogue, registry: contracts.rogue.teeRegistry };
  await registerTee({ ...rogueRegistry, publicKey: rogue.publicKey });
  await heartbeatTee({ ...rogueRegistry, teeId: rogue.teeId });

  const legacyRegistry = { clients, wallet: clients.wallets.deployer, registry: contracts.legacyTeeRegistry };
  await registerLegacyTee({ ...legacyRegistry, publicKey: legacy.publicKey });
  await registerLegacyTee({ ...legacyRegistry, publicKey: legacyDeactivated.publicKey });
  await deactivateLegacyTee({ ...legacyRegistry, teeId: legacyDeactivated.teeId });
  return { active, quiet, disabled, unknown, rogue, legacy, legacyDeactivated, registrationTx };
}
