import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concat,
  keccak256,
  parseEventLogs,
  stringToHex,
  toEventSelector,
  toHex,
  type Abi,
  type AbiEvent,
  type AbiFunction,
  type Address,
  type Hex,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { easAbi, schemaRegistryAbi } from '../lib/abi/eas';
import { erc7007Abi } from '../lib/abi/erc7007';
import { batchSettlementTopic, individualSettlementTopic, settlementRelayAbi } from '../lib/abi/settlement-relay';
import { legacyTeeRegistryAbi, teeRegistryAbi } from '../lib/abi/tee-registry';
import { startAnvil, type StartAnvilReturnType } from './anvil';
import { createDevnetClients, waitForSuccess, type DevnetClients } from './clients';
import { compileContracts, type CompiledContracts } from './compile';
import { deployContract } from './deploy';
import { generateTeeKey } from './keys';
import { aigcDigest, signAigcProof } from './producers/erc7007';
import { disableTee, heartbeatTee, registerTee } from './registry';

/** Our contracts on a chain of their own, so tests can move its clock freely. */
let anvil: StartAnvilReturnType;
let clients: DevnetClients;
let compiled: CompiledContracts;
let registry: Address;
let relay: Address;
let erc7007: Address;
const heartbeatWindow = 60n;

const deploy = (name: keyof CompiledContracts, args: readonly unknown[]) =>
  deployContract({ clients, wallet: clients.wallets.deployer, what: name, contract: compiled[name], args });

beforeAll(async () => {
  compiled = await compileContracts();
  anvil = await startAnvil();
  clients = createDevnetClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  registry = await deploy('TEERegistry', [heartbeatWindow]);
  relay = await deploy('InferenceSettlementRelay', []);
  erc7007 = await deploy('TestERC7007', [clients.accounts.erc7007Oracle.address]);
});

afterAll(async () => {
  await anvil?.stop();
});

/** `name(type,type…)` of an ABI entry, tuples expanded. */
function signatureOf(entry: AbiFunction | AbiEvent): string {
  const typeOf = (parameter: { type: string; components?: readonly { type: string }[] }): string =>
    parameter.components ? `(${parameter.components.map(typeOf).join(',')})${parameter.type.slice('tuple'.length)}` : parameter.type;
  return `${entry.name}(${entry.inputs.map(typeOf).join(',')})`;
}

/** Every function and event of `expected` exists in `actual` with the same signature, mutability, outputs and indexing. */
function expectAbiSubset(expected: Abi, actual: Abi): void {
  for (const entry of expected) {
    if (entry.type !== 'function' && entry.type !== 'event') continue;
    const match = actual.find(
      (candidate): candidate is AbiFunction | AbiEvent => candidate.type === entry.type && signatureOf(candidate as AbiFunction) === signatureOf(entry),
    );
    expect(match, signatureOf(entry)).toBeDefined();
    if (entry.type === 'function') {
      const found = match as AbiFunction;
      expect(found.stateMutability, signatureOf(entry)).toBe(entry.stateMutability);
      expect(found.outputs.map((output) => output.type), signatureOf(entry)).toEqual(entry.outputs.map((output) => output.type));
    } else {
      expect((match as AbiEvent).inputs.map((input) => input.indexed ?? false), signatureOf(entry)).toEqual(entry.inputs.map((input) => input.indexed ?? false));
    }
  }
}

describe('compile', () => {
  it('serves a second compilation from the cache', async () => {
    const again = await compileContracts();
    expect(again.fromCache).toBe(true);
    expect(again.TEERegistry.bytecode).toBe(compiled.TEERegistry.bytecode);
  });
});

describe('ABIs', () => {
  it('lib/abi and the devnet ABIs match the compiled contracts', () => {
    expectAbiSubset(teeRegistryAbi, compiled.TEERegistry.abi);
    expectAbiSubset(legacyTeeRegistryAbi, compiled.TEERegistryLegacy.abi);
    expectAbiSubset(settlementRelayAbi, compiled.InferenceSettlementRelay.abi);
    // lib/abi/erc7007.ts defines ERC-7007 once; each flavour implements its part, and lays out its record event its own way.
    const erc7007Items = (...names: string[]) => erc7007Abi.filter((item) => 'name' in item && names.includes(item.name)) as Abi;
    expectAbiSubset(erc7007Items('verify', 'ownerOf', 'addAigcData', 'Transfer'), compiled.TestERC7007.abi);
    expectAbiSubset(erc7007Items('verify', 'ownerOf', 'mint', 'AigcData'), compiled.TestERC7007Zkml.abi);
    expectAbiSubset(erc7007Items('verify', 'ownerOf', 'mint', 'addAigcData', 'AigcData'), compiled.TestERC7007Opml.abi);
    expectAbiSubset(erc7007Items('verify', 'ownerOf', 'mint'), compiled.TestERC7007ZkmlIndexed.abi);
    expectAbiSubset(erc7007Items('verify', 'ownerOf', 'mint', 'Mint'), compiled.TestERC7007Draft.abi);
  });

  it('the EAS ABIs match the artifacts of the real contracts', () => {
    const require = createRequire(import.meta.url);
    const artifact = (name: string) => (require(`@ethereum-attestation-service/eas-contracts/artifacts/contracts/${name}.sol/${name}.json`) as { abi: Abi }).abi;
    expectAbiSubset(easAbi, artifact('EAS'));
    expectAbiSubset(schemaRegistryAbi, artifact('SchemaRegistry'));
  });

  it('settlement event topics equal those in lib/abi and the OpenGradient reference', () => {
    const events = compiled.InferenceSettlementRelay.abi.filter((entry): entry is AbiEvent => entry.type === 'event');
    const topic = (name: string) => toEventSelector(events.find((event) => event.name === name)!);
    expect(topic('IndividualSettlement')).toBe(individualSettlementTopic);
    expect(topic('BatchSettlement')).toBe(batchSettlementTopic);
  });
});

describe('InferenceSettlementRelay', () => {
  it('emits logs with the reference topics that decode with lib/abi', async () => {
    const teeId = keccak256(stringToHex('tee'));
    const individual = await clients.wallets.deployer.writeContract({
      address: relay,
      abi: settlementRelayAbi,
      functionName: 'settleIndividual',
      args: [teeId, clients.accounts.trustedAttester.address, keccak256('0x01'), keccak256('0x02'), 1_700_000_000n, '0xb10b', '0x5167'],
    });
    const individualLogs = (await waitForSuccess({ clients, hash: individual, what: 'settle' })).logs;
    expect(individualLogs[0]!.topics[0]).toBe(individualSettlementTopic);
    const [decoded] = parseEventLogs({ abi: settlementRelayAbi, logs: individualLogs });
    expect(decoded).toMatchObject({
      eventName: 'IndividualSettlement',
      args: { teeId, inputHash: keccak256('0x01'), outputHash: keccak256('0x02'), timestamp: 1_700_000_000n, walrusBlobId: '0xb10b', signature: '0x5167' },
    });

    const root = keccak256('0x03');
    const batch = await clients.wallets.deployer.writeContract({ address: relay, abi: settlementRelayAbi, functionName: 'settleBatch', args: [root, 4n, '0x'] });
    const batchLogs = (await waitForSuccess({ clients, hash: batch, what: 'settle batch' })).logs;
    expect(batchLogs[0]!.topics).toEqual([batchSettlementTopic, root]);
  });

  it('only lets its settler settle', async () => {
    await expect(
      clients.wallets.rogue.writeContract({ address: relay, abi: settlementRelayAbi, functionName: 'settleBatch', args: [keccak256('0x04'), 1n, '0x'] }),
    ).rejects.toThrow(/NotSettler|revert/i);
  });
});

describe('TEERegistry', () => {
  const read = (functionName: 'getTEEPublicKey' | 'isTEEEnabled' | 'isTEEActive', teeId: Hex): Promise<Hex | boolean> =>
    functionName === 'getTEEPublicKey'
      ? clients.public.readContract({ address: registry, abi: teeRegistryAbi, functionName, args: [teeId] })
      : clients.public.readContract({ address: registry, abi: teeRegistryAbi, functionName, args: [teeId] });
  const owner = () => ({ clients, wallet: clients.wallets.deployer, registry });

  it('knows nothing of an unknown TEE: empty key, not enabled, not active', async () => {
    const teeId = keccak256(stringToHex('never registered'));
    expect(await read('getTEEPublicKey', teeId)).toBe('0x');
    expect(await read('isTEEEnabled', teeId)).toBe(false);
    expect(await read('isTEEActive', teeId)).toBe(false);
  });

  it('computeTEEId is keccak256 of the DER public key', async () => {
    const { publicKey, teeId } = await generateTeeKey();
    expect(await clients.public.readContract({ address: registry, abi: teeRegistryAbi, functionName: 'computeTEEId', args: [publicKey] })).toBe(teeId);
  });

  it('registers, heartbeats, goes quiet after the window, and disables', async () => {
    const { publicKey, teeId } = await generateTeeKey();
    const hash = await registerTee({ ...owner(), publicKey, teeType: 3 });
    const [registered] = parseEventLogs({ abi: teeRegistryAbi, logs: (await clients.public.getTransactionReceipt({ hash })).logs });
    expect(registered).toMatchObject({ eventName: 'TEERegistered', args: { teeId, owner: clients.accounts.deployer.address, teeType: 3 } });

    expect(await read('getTEEPublicKey', teeId)).toBe(publicKey);
    expect(await read('isTEEEnabled', teeId)).toBe(true);
    // Registering is not a heartbeat.
    expect(await read('isTEEActive', teeId)).toBe(false);

    await heartbeatTee({ ...owner(), teeId });
    expect(await read('isTEEActive', teeId)).toBe(true);

    await clients.test.increaseTime({ seconds: Number(heartbeatWindow) + 1 });
    await clients.test.mine({ blocks: 1 });
    expect(await read('isTEEActive', teeId)).toBe(false);
    expect(await read('isTEEEnabled', teeId)).toBe(true);

    await heartbeatTee({ ...owner(), teeId });
    await disableTee({ ...owner(), teeId });
    expect(await read('isTEEEnabled', teeId)).toBe(false);
    expect(await read('isTEEActive', teeId)).toBe(false);
    // The key stays readable, so a verifier can say "disabled" rather than "unknown".
    expect(await read('getTEEPublicKey', teeId)).toBe(publicKey);
    const disabledLogs = await clients.public.getContractEvents({ address: registry, abi: teeRegistryAbi, eventName: 'TEEDisabled', fromBlock: 0n });
    expect(disabledLogs.map((log) => log.args.teeId)).toContain(teeId);
  });

  it('refuses a duplicate key, heartbeats of unknown TEEs, and writes by others', async () => {
    const { publicKey } = await generateTeeKey();
    await registerTee({ ...owner(), publicKey });
    await expect(registerTee({ ...owner(), publicKey })).rejects.toThrow(/TEEAlreadyRegistered|revert/i);
    await expect(heartbeatTee({ ...owner(), teeId: keccak256('0x99') })).rejects.toThrow(/TEENotRegistered|revert/i);
    await expect(registerTee({ clients, wallet: clients.wallets.rogue, registry, publicKey: (await generateTeeKey()).publicKey })).rejects.toThrow(
      /NotOwner|revert/i,
    );
  });
});

describe('TestERC7007', () => {
  const prompt = stringToHex('A prompt');
  const aigcData = stringToHex('The exact generated text.');
  const verify = (proof: Hex, data: Hex = aigcData) =>
    clients.public.readContract({ address: erc7007, abi: erc7007Abi, functionName: 'verify', args: [prompt, data, proof] });

  it('accepts the oracle signature over the plain digest', async () => {
    const proof = await signAigcProof({ oracle: clients.accounts.erc7007Oracle, prompt, aigcData });
    expect(proof.length).toBe(2 + 65 * 2);
    expect(await verify(proof)).toBe(true);
  });

  it('rejects other signers, other data, the eth_sign prefix, and malformed proofs without reverting', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey());
    const oracle = clients.accounts.erc7007Oracle;
    const good = await signAigcProof({ oracle, prompt, aigcData });
    expect(await verify(await signAigcProof({ oracle: stranger, prompt, aigcData }))).toBe(false);
    expect(await verify(good, stringToHex('The exact generated text!'))).toBe(false);
    expect(await verify(await oracle.signMessage({ message: { raw: aigcDigest({ prompt, aigcData }) } }))).toBe(false);
    expect(await verify('0x')).toBe(false);
    expect(await verify(good.slice(0, -2) as Hex)).toBe(false);
    expect(await verify(concat([good, '0x00']))).toBe(false);
    // v must be 27 or 28 (0 or 1 accepted as their short form).
    expect(await verify(concat([good.slice(0, -2) as Hex, '0x05']))).toBe(false);
    const v = Number.parseInt(good.slice(-2), 16);
    expect(await verify(concat([good.slice(0, -2) as Hex, toHex(v - 27, { size: 1 })]))).toBe(true);
    // The malleable twin (n - s, flipped v) is refused.
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const s = BigInt(`0x${good.slice(66, 130)}`);
    const twin = concat([good.slice(0, 66) as Hex, toHex(n - s, { size: 32 }), toHex(v === 27 ? 28 : 27, { size: 1 })]);
    expect(await verify(twin)).toBe(false);
  });

  it('records AIGC data only with a valid proof, once per token', async () => {
    const proof = await signAigcProof({ oracle: clients.accounts.erc7007Oracle, prompt, aigcData });
    const add = (tokenId: bigint, withProof: Hex) =>
      clients.wallets.deployer.writeContract({ address: erc7007, abi: erc7007Abi, functionName: 'addAigcData', args: [tokenId, prompt, aigcData, withProof] });
    await waitForSuccess({ clients, hash: await add(7n, proof), what: 'addAigcData' });
    const ownerOf = (tokenId: bigint) => clients.public.readContract({ address: erc7007, abi: erc7007Abi, functionName: 'ownerOf', args: [tokenId] });
    expect(await ownerOf(7n)).toBe(clients.accounts.deployer.address);
    await expect(ownerOf(8n)).rejects.toThrow(/ERC721NonexistentToken|revert/i);
    await expect(add(7n, proof)).rejects.toThrow(/AigcDataAlreadyAdded|revert/i);
    await expect(add(8n, '0x1234')).rejects.toThrow(/InvalidProof|revert/i);
  });
});
