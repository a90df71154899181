import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFunctionSelector, type Address, type Hex } from 'viem';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { createDevnetClients, type DevnetClients } from '../../devnet/clients';
import { compileContracts, type CompiledContracts } from '../../devnet/compile';
import { deployContract } from '../../devnet/deploy';
import { generateTeeKey, type TeeKey } from '../../devnet/keys';
import { ogTeeEnvelope, signTeeInference } from '../../devnet/producers/og-tee';
import { deactivateLegacyTee, disableTee, heartbeatTee, registerLegacyTee, registerTee } from '../../devnet/registry';
import { createChainAccess } from '../../lib/chain/access';
import { validateEnvelope } from '../../lib/envelope/decode';
import type { TrustConfig } from '../../lib/trust/schema';
import { nothingCheckedNote } from '../../lib/verdict/signature-checked';
import type { Verdict } from '../../lib/verdict/types';
import { verifySnippet } from '../../lib/verifiers/verify-snippet';

/**
 * og-tee proofs against registries of both interfaces on a real chain: the
 * current views (getTEEPublicKey, isTEEEnabled, isTEEActive), the views of
 * before 2026-03-10 (getPublicKey, isActive), and a contract with neither.
 */
let anvil: StartAnvilReturnType;
let clients: DevnetClients;
let compiled: CompiledContracts;
let current: Address;
let legacy: Address;
let notARegistry: Address;
const tees = {} as Record<'current' | 'currentDisabled' | 'legacy' | 'legacyDeactivated' | 'unknown', TeeKey>;

const deploy = (name: keyof CompiledContracts, args: readonly unknown[]) =>
  deployContract({ clients, wallet: clients.wallets.deployer, what: name, contract: compiled[name], args });

beforeAll(async () => {
  compiled = await compileContracts();
  anvil = await startAnvil();
  clients = createDevnetClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  current = await deploy('TEERegistry', [3_600n]);
  legacy = await deploy('TEERegistryLegacy', []);
  notARegistry = await deploy('InferenceSettlementRelay', []);
  for (const name of ['current', 'currentDisabled', 'legacy', 'legacyDeactivated', 'unknown'] as const) tees[name] = await generateTeeKey();
  const owner = { clients, wallet: clients.wallets.deployer };
  await registerTee({ ...owner, registry: current, publicKey: tees.current.publicKey });
  await heartbeatTee({ ...owner, registry: current, teeId: tees.current.teeId });
  await registerTee({ ...owner, registry: current, publicKey: tees.currentDisabled.publicKey });
  await disableTee({ ...owner, registry: current, teeId: tees.currentDisabled.teeId });
  await registerLegacyTee({ ...owner, registry: legacy, publicKey: tees.legacy.publicKey });
  await registerLegacyTee({ ...owner, registry: legacy, publicKey: tees.legacyDeactivated.publicKey });
  await deactivateLegacyTee({ ...owner, registry: legacy, teeId: tees.legacyDeactivated.teeId });
});

afterAll(async () => {
  await anvil?.stop();
});

function trustNaming(teeRegistry: Address): TrustConfig {
  const chain = String(anvil.chainId);
  return {
    chains: { [chain]: { name: 'Registry test chain', rpc: [anvil.rpcUrl], confirmations: 1, explorer: null } },
    opengradient: { [chain]: { teeRegistry, settlementRelays: [] } },
    eas: {},
    erc7007: {},
    trustedAttesters: [],
  };
}

type VerifyParameters = { tee: TeeKey; registry: Address; trusted?: Address };
type VerifyReturnType = { verdict: Verdict; selectors: Hex[] };

/** Signs an output with `tee`, names `registry` in the envelope, verifies with `trusted` configured; records the function selectors called. */
async function verify({ tee, registry, trusted = registry }: VerifyParameters): Promise<VerifyReturnType> {
  const text = `Output of ${tee.teeId.slice(0, 10)} for ${registry.slice(0, 10)}.`;
  const inference = await signTeeInference({ tee, request: { model: 'test', messages: [] }, output: text, timestamp: 1_750_000_000 });
  const decoded = validateEnvelope(ogTeeEnvelope({ chainId: anvil.chainId, registry, inference }));
  const selectors: Hex[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as unknown;
    for (const call of (Array.isArray(body) ? body : [body]) as { method: string; params: [{ data?: Hex }] }[]) {
      if (call.method === 'eth_call' && call.params[0].data) selectors.push(call.params[0].data.slice(0, 10) as Hex);
    }
    return fetch(input, init);
  };
  const trust = trustNaming(trusted);
  const verdict = await verifySnippet({ decoded, shownText: text, trust, chains: createChainAccess({ trust, fetchFn }) });
  return { verdict, selectors };
}

const selector = {
  getTEEPublicKey: toFunctionSelector('getTEEPublicKey(bytes32)'),
  isTEEEnabled: toFunctionSelector('isTEEEnabled(bytes32)'),
  isTEEActive: toFunctionSelector('isTEEActive(bytes32)'),
  getPublicKey: toFunctionSelector('getPublicKey(bytes32)'),
  isActive: toFunctionSelector('isActive(bytes32)'),
};

const checkOf = (verdict: Verdict, id: string) => verdict.checks.find((check) => check.id === id)!;

describe('a registry of the interface before 2026-03-10', () => {
  it('verifies an og-tee proof with getPublicKey and isActive', async () => {
    const { verdict, selectors } = await verify({ tee: tees.legacy, registry: legacy });
    expect(verdict.state, verdict.summary).toBe('verified');
    expect(checkOf(verdict, 'tee-key')).toMatchObject({ ok: true, detail: expect.stringMatching(/getPublicKey.*before 2026-03-10/) });
    expect(checkOf(verdict, 'tee-enabled')).toMatchObject({ ok: true, detail: expect.stringMatching(/isActive/) });
    expect(checkOf(verdict, 'tee-active')).toMatchObject({ ok: null, detail: expect.stringMatching(/no heartbeat view/) });
    expect(checkOf(verdict, 'signature').ok).toBe(true);
    expect(verdict.facts.teeActive).toBeUndefined();
    // One RPC: 85 less 5; a missing heartbeat view lowers nothing.
    expect(verdict.confidence).toBe(80);
    expect(new Set(selectors)).toEqual(new Set(Object.values(selector)));
  });

  it('is invalid for a TEE the registry deactivated (isActive false)', async () => {
    const { verdict } = await verify({ tee: tees.legacyDeactivated, registry: legacy });
    expect(verdict.state).toBe('invalid');
    expect(checkOf(verdict, 'tee-enabled')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/deactivated/) });
  });

  it('reads TEENotFound() from getPublicKey as an unknown TEE: invalid, not unavailable', async () => {
    const { verdict } = await verify({ tee: tees.unknown, registry: legacy });
    expect(verdict.state).toBe('invalid');
    expect(checkOf(verdict, 'tee-key')).toMatchObject({ ok: false, implies: 'invalid', detail: 'The TEE is unknown to the registry.' });
  });

  it('is untrusted, with its signature checked, when the page names it and the reader trusts another', async () => {
    const { verdict } = await verify({ tee: tees.legacy, registry: legacy, trusted: current });
    expect(verdict.state).toBe('untrusted');
    expect(checkOf(verdict, 'signature').ok).toBe(true);
    expect(verdict.confidence).toBe(26);
  });
});

describe('a registry of the current interface', () => {
  it('verifies without asking for the older views', async () => {
    const { verdict, selectors } = await verify({ tee: tees.current, registry: current });
    expect(verdict.state, verdict.summary).toBe('verified');
    expect(checkOf(verdict, 'tee-active')).toMatchObject({ ok: true });
    expect(selectors).not.toContain(selector.getPublicKey);
    expect(selectors).not.toContain(selector.isActive);
  });

  it('answering "disabled" is invalid, with no fallback to isActive', async () => {
    const { verdict, selectors } = await verify({ tee: tees.currentDisabled, registry: current });
    expect(verdict.state).toBe('invalid');
    expect(checkOf(verdict, 'tee-enabled')).toMatchObject({ ok: false, detail: 'The registry has disabled this TEE.' });
    expect(selectors).toContain(selector.isTEEEnabled);
    expect(selectors).not.toContain(selector.isActive);
    expect(selectors).not.toContain(selector.getPublicKey);
  });

  it('answering an empty key is an unknown TEE, with no fallback to getPublicKey', async () => {
    const { verdict, selectors } = await verify({ tee: tees.unknown, registry: current });
    expect(verdict.state).toBe('invalid');
    expect(checkOf(verdict, 'tee-key').detail).toBe('The TEE is unknown to the registry.');
    expect(selectors).not.toContain(selector.getPublicKey);
  });
});

describe('a contract with neither interface', () => {
  it('is unavailable when it is the configured registry: a configuration fault, not evidence against the text', async () => {
    const { verdict, selectors } = await verify({ tee: tees.current, registry: notARegistry });
    expect(verdict.state).toBe('unavailable');
    expect(verdict.confidence).toBe(0);
    expect(checkOf(verdict, 'tee-key')).toMatchObject({ ok: null, implies: 'unavailable', detail: expect.stringMatching(/does not answer as a TEERegistry/) });
    expect(checkOf(verdict, 'signature').ok).toBeNull();
    // Both names were tried before giving up.
    expect(selectors).toEqual(expect.arrayContaining([selector.getTEEPublicKey, selector.getPublicKey, selector.isTEEEnabled, selector.isActive]));
  });

  it('is untrusted with confidence 0 when the page names it: nothing was checked', async () => {
    const { verdict } = await verify({ tee: tees.current, registry: notARegistry, trusted: current });
    expect(verdict.state).toBe('untrusted');
    expect(verdict.confidence).toBe(0);
    expect(checkOf(verdict, 'signature').ok).toBeNull();
    expect(verdict.summary).toContain(nothingCheckedNote);
  });
});
