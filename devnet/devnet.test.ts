import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, createPublicClient, hexToBytes, http, keccak256, parseEventLogs, stringToHex, type Address, type Hex, type PublicClient } from 'viem';
import { easAbi, schemaRegistryAbi } from '../lib/abi/eas';
import { erc7007Abi } from '../lib/abi/erc7007';
import { settlementRelayAbi } from '../lib/abi/settlement-relay';
import { legacyTeeRegistryAbi, teeRegistryAbi } from '../lib/abi/tee-registry';
import { envelope as envelopeSchema, type Envelope, type OffchainAttestation } from '../lib/envelope/schema';
import { canonicalTextOfElement } from '../lib/text/canonical';
import { trustList as trustListSchema } from '../lib/trust/list-schema';
import { trustConfig as trustConfigSchema } from '../lib/trust/schema';
import { contentSchema, schemaWithoutContentHash } from './deploy';
import { startDevnet, type StartDevnetReturnType } from './devnet';
import { easContentHash } from './producers/eas-data';
import { offchainFor, type SignedOffchainAttestation } from './producers/eas-offchain';
import { easSdk } from './producers/eas-sdk';
import { settlementLeafEncoding, type SettlementLeaf } from './producers/og-settlement';
import { teeMessageHash, teeOutputHash } from './producers/og-tee';
import type { Scenario } from './scenarios';

let devnet: StartDevnetReturnType;
let client: PublicClient;

beforeAll(async () => {
  devnet = await startDevnet({ servePage: true });
  client = createPublicClient({ transport: http(devnet.rpcUrl) });
});

afterAll(async () => {
  await devnet?.stop();
});

/** What a page carries for one scenario, read back from its HTML. */
type Carried =
  | { kind: 'envelope'; value: unknown; snippet: Element }
  | { kind: 'reference'; reference: 'og' | 'eas'; chainId: number; id: Hex; snippet: Element }
  | { kind: 'undecodable'; raw: string; snippet: Element };

const tokenPattern = /ai-proof:v1:(?:(og|eas):(\d+):(0x[0-9a-fA-F]+)|([A-Za-z0-9_-]+=*))/g;
const blockOf = (element: Element) => element.closest('p, div, blockquote')!;

function decodeJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function carried(token: RegExpMatchArray, snippet: Element): Carried {
  const [raw, reference, chainId, id, body] = token;
  if (reference) return { kind: 'reference', reference: reference as 'og' | 'eas', chainId: Number(chainId), id: id as Hex, snippet };
  const decoded = decodeJson(Buffer.from(body!, 'base64url').toString('utf8'));
  return decoded.ok ? { kind: 'envelope', value: decoded.value, snippet } : { kind: 'undecodable', raw, snippet };
}

const carriersByHtml = new Map<string, Carried[]>();

/** Every proof carrier in a scenario's HTML, decoded (once per HTML: JSDOM is slow to start). */
function carriersOf(html: string): Carried[] {
  let found = carriersByHtml.get(html);
  if (!found) carriersByHtml.set(html, (found = readCarriers(html)));
  return found;
}

function readCarriers(html: string): Carried[] {
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window;
  const found: Carried[] = [];
  for (const host of document.querySelectorAll('[data-ai-proof]')) {
    const raw = host.getAttribute('data-ai-proof')!;
    const decoded = decodeJson(raw.trimStart().startsWith('{') ? raw : Buffer.from(raw, 'base64url').toString('utf8'));
    found.push(decoded.ok ? { kind: 'envelope', value: decoded.value, snippet: host } : { kind: 'undecodable', raw, snippet: host });
  }
  for (const script of document.querySelectorAll('script[type="application/ai-proof+json"]')) {
    const { target, ...value } = JSON.parse(script.textContent!) as { target: string };
    found.push({ kind: 'envelope', value, snippet: document.querySelector(target)! });
  }
  for (const link of document.querySelectorAll('a[href*="#ai-proof:v1:"]')) {
    for (const token of link.getAttribute('href')!.matchAll(tokenPattern)) found.push(carried(token, blockOf(link)));
  }
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement!.closest('script, a')) continue;
    for (const token of node.textContent!.matchAll(tokenPattern)) found.push(carried(token, blockOf(node.parentElement!)));
  }
  return found;
}

function only(scenario: Scenario): Carried {
  const found = carriersOf(scenario.html);
  expect(found, scenario.id).toHaveLength(1);
  return found[0]!;
}

/** The envelope of a well-formed scenario, parsed as a verifier parses it. */
function envelopeOf(scenario: Scenario): Envelope {
  const proof = only(scenario);
  if (proof.kind !== 'envelope') throw new Error(`${scenario.id} carries no envelope`);
  return envelopeSchema.parse(proof.value);
}

/** Spec §4: envelope.text when present, else the snippet's canonical text. */
function signedTextOf(scenario: Scenario): string {
  const proof = only(scenario);
  const text = proof.kind === 'envelope' ? (proof.value as { text?: string }).text : undefined;
  return text ?? canonicalTextOfElement(proof.snippet);
}

const scenariosOf = (proofType: Scenario['proofType']) =>
  devnet.scenarios.filter((scenario) => scenario.proofType === proofType && scenario.expectedState !== 'malformed');
const byId = (id: string) => devnet.scenarios.find((scenario) => scenario.id === id)!;

describe('deployment', () => {
  it('deploys the real EAS and our contracts, trusted and rogue, all distinct', async () => {
    const { rogue, schemas, easVersion, erc7007Variants, ...trusted } = devnet.contracts;
    const addresses = [...Object.values(trusted), ...Object.values(rogue), ...Object.values(erc7007Variants)] as Address[];
    // Five trusted, five rogue, four ERC-7007 flavours (and whatever else the deployer adds), all distinct.
    expect(addresses.length).toBeGreaterThanOrEqual(14);
    expect(new Set(addresses.map((address) => address.toLowerCase())).size).toBe(addresses.length);
    for (const address of addresses) expect((await client.getCode({ address }))?.length ?? 0, address).toBeGreaterThan(2);
    expect(easVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await client.readContract({ address: rogue.eas, abi: easAbi, functionName: 'version' })).toBe(easVersion);

    const schemaOf = (registry: Address, uid: Hex) => client.readContract({ address: registry, abi: schemaRegistryAbi, functionName: 'getSchema', args: [uid] });
    expect(await schemaOf(trusted.schemaRegistry, schemas.content)).toMatchObject({ uid: schemas.content, schema: contentSchema, revocable: true });
    expect(await schemaOf(trusted.schemaRegistry, schemas.withoutContentHash)).toMatchObject({ schema: schemaWithoutContentHash });
    expect(await schemaOf(rogue.schemaRegistry, schemas.content)).toMatchObject({ schema: contentSchema });
  });

  it('writes a trust configuration that validates and names only the trusted contracts and attester', () => {
    const parsed = trustConfigSchema.parse(devnet.trustConfig);
    expect(parsed.chains['31337']).toMatchObject({ rpc: [devnet.rpcUrl], confirmations: 2, explorer: null });
    expect(parsed.opengradient['31337']).toEqual({
      teeRegistry: devnet.contracts.teeRegistry.toLowerCase(),
      settlementRelays: [devnet.contracts.settlementRelay.toLowerCase()],
    });
    expect(parsed.eas['31337']?.eas).toBe(devnet.contracts.eas.toLowerCase());
    const { zkml, zkmlIndexed, opml, draft } = devnet.contracts.erc7007Variants;
    expect(parsed.erc7007['31337']).toEqual([devnet.contracts.erc7007, zkml, zkmlIndexed, opml, draft].map((address) => address.toLowerCase()));
    expect(parsed.trustedAttesters.map(({ address }) => address)).toEqual([devnet.accounts.trustedAttester.toLowerCase()]);
    const json = JSON.stringify(devnet.trustConfig).toLowerCase();
    for (const address of [...Object.values(devnet.contracts.rogue), devnet.accounts.untrustedAttester, devnet.accounts.rogue]) {
      expect(json).not.toContain(address.toLowerCase());
    }
  });
});

describe('scenarios', () => {
  it('cover every proof type, form and state, with unique ids', () => {
    const ids = devnet.scenarios.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(devnet.scenarios.map(({ expectedState }) => expectedState))).toEqual(
      new Set(['verified', 'pending', 'untrusted', 'unavailable', 'altered', 'invalid', 'malformed']),
    );
    expect(new Set(devnet.scenarios.map(({ form }) => form))).toEqual(
      new Set(['attribute-json', 'attribute-base64url', 'script', 'text-token', 'short-ref', 'link']),
    );
    for (const proofType of ['og-tee', 'og-settlement', 'eas-offchain', 'eas-onchain', 'erc7007'] as const) {
      const states = new Set(scenariosOf(proofType).map(({ expectedState }) => expectedState));
      for (const state of ['verified', 'altered', 'invalid', 'untrusted'] as const) expect(states, `${proofType} ${state}`).toContain(state);
    }
  });

  it('each carries exactly one proof: well-formed envelopes validate, malformed ones do not', () => {
    for (const scenario of devnet.scenarios) {
      const proof = only(scenario);
      if (scenario.expectedState === 'malformed') {
        expect(proof.kind === 'undecodable' || (proof.kind === 'envelope' && !envelopeSchema.safeParse(proof.value).success), scenario.id).toBe(true);
        continue;
      }
      expect(proof.kind, scenario.id).not.toBe('undecodable');
      if (proof.kind === 'envelope') {
        expect(envelopeSchema.safeParse(proof.value).success, scenario.id).toBe(true);
        if (scenario.envelope) expect(proof.value, scenario.id).toEqual(scenario.envelope);
        expect(envelopeOf(scenario).proof.type, scenario.id).toBe(scenario.proofType);
      } else if (proof.kind === 'reference') {
        expect(proof.reference === 'og' ? 'og-settlement' : 'eas-onchain', scenario.id).toBe(scenario.proofType);
      }
    }
  });
});

describe('og-tee', () => {
  const withChainProof = () =>
    scenariosOf('og-tee').filter((scenario) => {
      const { proof } = envelopeOf(scenario);
      return proof.type === 'og-tee' && proof.chainId === devnet.chainId;
    });

  it('signatures verify with the key the named registry holds; only the forgery fails', async () => {
    const outcomes: Record<string, string> = {};
    for (const scenario of withChainProof()) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'og-tee') throw new Error('not og-tee');
      // A registry of either interface (getTEEPublicKey since 2026-03-10, getPublicKey before); a contract with neither is none.
      const publicKey = await client
        .readContract({ address: proof.registry, abi: teeRegistryAbi, functionName: 'getTEEPublicKey', args: [proof.teeId] })
        .catch(() => client.readContract({ address: proof.registry, abi: legacyTeeRegistryAbi, functionName: 'getPublicKey', args: [proof.teeId] }))
        .catch(() => null);
      if (publicKey === null) {
        outcomes[scenario.id] = 'no registry';
        continue;
      }
      if (publicKey === '0x') {
        outcomes[scenario.id] = 'unknown key';
        continue;
      }
      expect(keccak256(publicKey), scenario.id).toBe(proof.teeId);
      const key = await crypto.subtle.importKey('spki', new Uint8Array(hexToBytes(publicKey)), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
      const message = new Uint8Array(hexToBytes(teeMessageHash({ inputHash: proof.inputHash, outputHash: proof.outputHash, timestamp: proof.timestamp })));
      const valid = await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, key, Buffer.from(proof.signature, 'base64'), message);
      outcomes[scenario.id] = valid ? 'valid' : 'bad signature';
    }
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'valid')).toEqual([
      ['og-tee-bad-signature', 'bad signature'],
      ['og-tee-unknown-tee', 'unknown key'],
      ['og-tee-not-a-registry', 'no registry'],
    ]);
  });

  it('outputHash is keccak256 of the signed text, except where the text was edited', () => {
    const unbound = withChainProof()
      .filter((scenario) => (envelopeOf(scenario).proof as { outputHash: Hex }).outputHash !== teeOutputHash(signedTextOf(scenario)))
      .map(({ id }) => id);
    expect(unbound).toEqual(['og-tee-altered']);
  });

  it('Merkle proofs verify with @openzeppelin/merkle-tree, except the bad one; settled roots match, except the mismatch', async () => {
    const results: Record<string, { proof: boolean; root: boolean }> = {};
    for (const scenario of withChainProof()) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'og-tee' || !proof.settlement || !('root' in proof.settlement)) continue;
      const leaf: SettlementLeaf = [proof.teeId, proof.inputHash, proof.outputHash, bytesToHex(Buffer.from(proof.signature, 'base64')), BigInt(proof.timestamp)];
      const receipt = await client.getTransactionReceipt({ hash: proof.settlement.tx });
      const [settled] = parseEventLogs({ abi: settlementRelayAbi, eventName: 'BatchSettlement', logs: receipt.logs });
      results[scenario.id] = {
        proof: StandardMerkleTree.verify(proof.settlement.root, settlementLeafEncoding, leaf, proof.settlement.proof),
        root: settled?.args.merkleRoot === proof.settlement.root && settled.address === proof.settlement.relay,
      };
    }
    expect(results).toEqual({
      'og-tee-batch-settlement': { proof: true, root: true },
      'og-tee-bad-merkle-proof': { proof: false, root: true },
      'og-tee-batch-root-mismatch': { proof: true, root: false },
      'og-tee-pending-batch': { proof: true, root: true },
    });
  });

  it('individual settlements carry the envelope hashes, except the mismatch', async () => {
    const matches: Record<string, boolean> = {};
    for (const scenario of withChainProof()) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'og-tee' || !proof.settlement || 'root' in proof.settlement) continue;
      const receipt = await client.getTransactionReceipt({ hash: proof.settlement.tx });
      const logs = parseEventLogs({ abi: settlementRelayAbi, eventName: 'IndividualSettlement', logs: receipt.logs });
      matches[scenario.id] = logs.some(
        ({ address, args }) =>
          address === proof.settlement!.relay && args.outputHash === proof.outputHash && args.signature === bytesToHex(Buffer.from(proof.signature, 'base64')),
      );
    }
    expect(matches).toEqual({
      'og-tee-individual-settlement': true,
      'og-tee-settlement-mismatch': false,
      'og-tee-settlement-missing': false,
      'og-tee-rogue-relay': true,
    });
  });
});

describe('og-settlement', () => {
  it('references transactions whose logs come from the expected relay and bind the shown text', async () => {
    const outcomes: Record<string, string> = {};
    for (const scenario of scenariosOf('og-settlement')) {
      const proof = only(scenario);
      const { chainId, tx } =
        proof.kind === 'reference' ? { chainId: proof.chainId, tx: proof.id } : (envelopeOf(scenario).proof as { chainId: number; tx: Hex });
      if (chainId !== devnet.chainId) continue;
      const receipt = await client.getTransactionReceipt({ hash: tx });
      const [log] = parseEventLogs({ abi: settlementRelayAbi, eventName: 'IndividualSettlement', logs: receipt.logs });
      if (!log) outcomes[scenario.id] = 'no log';
      else if (log.address !== devnet.contracts.settlementRelay.toLowerCase()) outcomes[scenario.id] = 'other relay';
      else outcomes[scenario.id] = log.args.outputHash === teeOutputHash(signedTextOf(scenario)) ? 'bound' : 'unbound';
    }
    expect(outcomes).toEqual({
      'og-settlement-short-ref': 'bound',
      'og-settlement-attribute-json': 'bound',
      'og-settlement-link': 'bound',
      'og-settlement-altered': 'unbound',
      'og-settlement-bad-signature': 'bound',
      'og-settlement-disabled-tee': 'bound',
      'og-settlement-unknown-tee': 'bound',
      'og-settlement-no-log': 'no log',
      'og-settlement-wrong-log-index': 'bound',
      'og-settlement-rogue-relay': 'other relay',
      'og-settlement-pending': 'bound',
    });
  });
});

/** An off-chain attestation as the SDK holds it, from the JSON in a page. */
function sdkAttestation(attestation: OffchainAttestation, raw: unknown): SignedOffchainAttestation {
  const json = raw as SignedOffchainAttestation;
  return {
    ...json,
    domain: { ...json.domain, chainId: attestation.domain.chainId },
    message: { ...json.message, time: attestation.message.time, expirationTime: attestation.message.expirationTime },
  };
}

describe('eas-offchain', () => {
  it("every attestation passes the SDK's verifyOffchainAttestationSignature, except the forgery", () => {
    const failures: string[] = [];
    for (const scenario of scenariosOf('eas-offchain')) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'eas-offchain') throw new Error('not eas-offchain');
      const raw = (scenario.envelope!.proof as { attestation: unknown }).attestation;
      const { domain } = raw as SignedOffchainAttestation;
      const offchain = offchainFor({ address: domain.verifyingContract as Address, version: domain.version, chainId: Number(domain.chainId) });
      const signer = (scenario.envelope!.proof as { signer: Address }).signer;
      if (!offchain.verifyOffchainAttestationSignature(signer, sdkAttestation(proof.attestation, raw))) failures.push(scenario.id);
    }
    expect(failures).toEqual(['eas-offchain-bad-signature']);
  });

  it('contentHash is keccak256 of the canonical signed text, except where the text was edited', () => {
    const unbound: string[] = [];
    for (const scenario of scenariosOf('eas-offchain')) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'eas-offchain' || proof.attestation.message.schema !== devnet.contracts.schemas.content) continue;
      const [contentHash] = new easSdk.SchemaEncoder(contentSchema).decodeData(proof.attestation.message.data);
      if (contentHash!.value.value !== easContentHash(signedTextOf(scenario))) unbound.push(scenario.id);
    }
    expect(unbound).toEqual(['eas-offchain-altered']);
  });

  it('the revoked one is revoked on the trusted EAS and the expired one has expired', async () => {
    const attestationOf = (id: string) => (envelopeOf(byId(id)).proof as { attestation: OffchainAttestation }).attestation;
    const revokedAt = (uid: Hex) =>
      client.readContract({ address: devnet.contracts.eas, abi: easAbi, functionName: 'getRevokeOffchain', args: [devnet.accounts.trustedAttester, uid] });
    expect(await revokedAt(attestationOf('eas-offchain-revoked').uid)).toBeGreaterThan(0n);
    expect(await revokedAt(attestationOf('eas-offchain-attribute-json').uid)).toBe(0n);
    const expired = attestationOf('eas-offchain-expired').message.expirationTime;
    expect(expired).toBeGreaterThan(0n);
    expect(expired).toBeLessThan(BigInt(Math.floor(Date.now() / 1000)));
  });
});

describe('eas-onchain', () => {
  it('attestations on the trusted EAS are in the state their case says', async () => {
    const latest = await client.getBlock();
    const outcomes: Record<string, string> = {};
    for (const scenario of scenariosOf('eas-onchain')) {
      const proof = only(scenario);
      const { chainId, uid, eas } =
        proof.kind === 'reference' ? { chainId: proof.chainId, uid: proof.id, eas: undefined } : (envelopeOf(scenario).proof as { chainId: number; uid: Hex; eas?: Address });
      if (chainId !== devnet.chainId) continue;
      const attestation = await client.readContract({ address: eas ?? devnet.contracts.eas, abi: easAbi, functionName: 'getAttestation', args: [uid] });
      const attester = attestation.attester.toLowerCase();
      if (attestation.uid !== uid) outcomes[scenario.id] = 'not found';
      else if (attestation.revocationTime !== 0n) outcomes[scenario.id] = 'revoked';
      else if (attestation.expirationTime !== 0n && attestation.expirationTime <= latest.timestamp) outcomes[scenario.id] = 'expired';
      else if (attestation.schema !== devnet.contracts.schemas.content) outcomes[scenario.id] = 'no contentHash';
      else if (attester !== devnet.accounts.trustedAttester.toLowerCase()) outcomes[scenario.id] = 'untrusted attester';
      else {
        const [contentHash] = new easSdk.SchemaEncoder(contentSchema).decodeData(attestation.data);
        outcomes[scenario.id] = contentHash!.value.value === easContentHash(signedTextOf(scenario)) ? 'bound' : 'unbound';
      }
    }
    expect(outcomes).toEqual({
      'eas-onchain-short-ref': 'bound',
      'eas-onchain-attribute-json': 'bound',
      'eas-onchain-link': 'bound',
      'eas-onchain-altered': 'unbound',
      'eas-onchain-revoked': 'revoked',
      'eas-onchain-expired': 'expired',
      'eas-onchain-unknown-uid': 'not found',
      'eas-onchain-schema-without-content-hash': 'no contentHash',
      'eas-onchain-untrusted-attester': 'untrusted attester',
      // Found and bound on its own (rogue) EAS: only the trust configuration tells it apart.
      'eas-onchain-rogue-eas': 'bound',
      'eas-onchain-pending': 'bound',
    });
  });
});

describe('erc7007', () => {
  it('verify() on the named contract accepts exactly the valid proofs', async () => {
    const outcomes: Record<string, boolean> = {};
    for (const scenario of scenariosOf('erc7007')) {
      const { proof } = envelopeOf(scenario);
      if (proof.type !== 'erc7007') throw new Error('not erc7007');
      outcomes[scenario.id] = await client.readContract({
        address: proof.contract,
        abi: erc7007Abi,
        functionName: 'verify',
        args: [proof.prompt, stringToHex(signedTextOf(scenario)), proof.proof],
      });
    }
    expect(outcomes).toEqual({
      'erc7007-attribute-json': true,
      'erc7007-script': true,
      'erc7007-attribute-base64url': true,
      'erc7007-altered': true,
      'erc7007-wrong-oracle': false,
      'erc7007-truncated-proof': false,
      'erc7007-rogue-contract': true,
      // verify() alone binds nothing: each of these is true, and only the token check or its record makes the proof invalid.
      'erc7007-token-missing': true,
      'erc7007-other-token': true,
      'erc7007-zkml-tx': true,
      'erc7007-zkml-unbound-text': true,
      'erc7007-indexed-record': true,
      'erc7007-indexed-unbound-text': true,
      'erc7007-opml': true,
      'erc7007-opml-unknown-prompt': true,
      'erc7007-draft-mint': true,
      'erc7007-draft-mint-unbound-text': true,
    });
  });
});

describe('confirmations', () => {
  it('pending anchors are in the head block; every other anchor is at least two blocks older', async () => {
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const attested = await client.getContractEvents({ address: devnet.contracts.eas, abi: easAbi, eventName: 'Attested', fromBlock: 0n });
    const attestedIn = new Map(attested.map((log) => [log.args.uid, log.blockNumber]));
    const anchorBlocks: { id: string; state: string; block: bigint }[] = [];
    for (const scenario of devnet.scenarios) {
      if (scenario.expectedState === 'malformed') continue;
      const proof = only(scenario);
      let tx: Hex | undefined;
      if (proof.kind === 'reference' && proof.chainId === devnet.chainId) {
        if (proof.reference === 'og') tx = proof.id;
        else if (attestedIn.has(proof.id)) anchorBlocks.push({ id: scenario.id, state: scenario.expectedState, block: attestedIn.get(proof.id)! });
      } else if (proof.kind === 'envelope') {
        const { proof: inner } = envelopeOf(scenario);
        if (inner.type === 'og-tee' && inner.settlement && inner.chainId === devnet.chainId) tx = inner.settlement.tx;
        if (inner.type === 'og-settlement' && inner.chainId === devnet.chainId) tx = inner.tx;
      }
      if (tx) anchorBlocks.push({ id: scenario.id, state: scenario.expectedState, block: (await client.getTransactionReceipt({ hash: tx })).blockNumber });
    }
    const pending = anchorBlocks.filter(({ state }) => state === 'pending');
    expect(pending.map(({ id }) => id).sort()).toEqual(['eas-onchain-pending', 'og-settlement-pending', 'og-tee-pending-batch']);
    for (const { id, block } of pending) expect(block, id).toBe(head);
    for (const { id, block } of anchorBlocks.filter(({ state }) => state !== 'pending')) expect(block, id).toBeLessThanOrEqual(head - 2n);
    expect(anchorBlocks.length).toBeGreaterThan(20);
  });

  it('mine() adds blocks, which is what turns pending anchors final', async () => {
    const before = await client.getBlockNumber({ cacheTime: 0 });
    await devnet.mine(2);
    expect(await client.getBlockNumber({ cacheTime: 0 })).toBe(before + 2n);
  });
});

describe('demo page', () => {
  it('serves every scenario once, in order, with its trust configuration and scenario list', async () => {
    const response = await fetch(devnet.pageUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toBe(devnet.pageHtml);
    const { document } = new JSDOM(html).window;
    expect([...document.querySelectorAll('[data-scenario]')].map((figure) => figure.getAttribute('data-scenario'))).toEqual(
      devnet.scenarios.map(({ id }) => id),
    );
    // One proof per scenario: the page holds exactly as many carriers as scenarios.
    expect(carriersOf(document.body.innerHTML)).toHaveLength(devnet.scenarios.length);
    // Captions sit outside every snippet, so they are never signed text.
    for (const figure of document.querySelectorAll('figure')) expect(figure.querySelector('figcaption')!.closest('[data-ai-proof], p')).toBeNull();

    expect(await (await fetch(new URL('trust-config.json', devnet.pageUrl))).json()).toEqual(devnet.trustConfig);
    expect(((await (await fetch(new URL('scenarios.json', devnet.pageUrl))).json()) as Scenario[]).length).toBe(devnet.scenarios.length);
    expect((await fetch(new URL('nothing-here', devnet.pageUrl))).status).toBe(404);
  });
});

describe('article page', () => {
  it('serves a news article: one proof per snippet, no test captions, every state a reader might meet', async () => {
    const response = await fetch(devnet.articleUrl!);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toBe(devnet.articleHtml);
    const { document } = new JSDOM(html).window;
    expect([...document.querySelectorAll('[data-article-snippet]')].map((element) => element.getAttribute('data-article-snippet'))).toEqual(
      devnet.articleSnippets.map(({ id }) => id),
    );
    expect(carriersOf(document.body.innerHTML)).toHaveLength(devnet.articleSnippets.length);
    // A reader's page: nothing names a case or the verdict it should get.
    expect(document.body.textContent).not.toMatch(/\b(verified|untrusted|altered|pending|invalid|expected)\b/i);
    expect(document.querySelector('h1[data-ai-proof], a[href][data-ai-proof], button[data-ai-proof], [dir="rtl"][data-ai-proof], [lang="zh"][data-ai-proof]')).not.toBeNull();
    expect(devnet.articleSnippets.filter(({ expectedState }) => expectedState !== 'verified').map(({ id, expectedState }) => `${id}: ${expectedState}`)).toEqual([
      'council-figures: altered',
      'wire-copy: unavailable',
      'letters-summary: malformed',
      'gale-warning: invalid',
      'air-quality: pending',
      'partner: untrusted',
    ]);
    // A paragraph only partly AI: the snippet is its first sentence, the reporter's words follow in the same paragraph.
    const gateFacts = document.querySelector('[data-article-snippet="gate-facts"]')!;
    expect([gateFacts.localName, gateFacts.parentElement!.localName]).toEqual(['span', 'p']);
    expect(gateFacts.parentElement!.textContent!.length).toBeGreaterThan(2 * gateFacts.textContent!.length);
    expect(await (await fetch(new URL('article-snippets.json', devnet.pageUrl))).json()).toEqual(devnet.articleSnippets);
  });
});

describe('trust list', () => {
  it('serves a trust list any origin may read, vouching only for the signer the trust configuration leaves out', async () => {
    const response = await fetch(devnet.trustListUrl!);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const served: unknown = await response.json();
    expect(served).toEqual(devnet.trustList);
    // What the options page and `verity verify --config` accept (addresses read in lower case).
    const list = trustListSchema.parse(served);
    expect(list.attesters.map(({ address }) => address)).toEqual([devnet.accounts.untrustedAttester.toLowerCase()]);
    expect(devnet.trustConfig.trustedAttesters!.map(({ address }) => address)).not.toContain(devnet.accounts.untrustedAttester);
    // The article's partner content is that signer's: subscribing to the list is what turns it verified.
    expect(devnet.articleSnippets.find(({ id }) => id === 'partner')?.expectedState).toBe('untrusted');
  });
});

describe('stop', () => {
  it('leaves no anvil process and closes the page server', async () => {
    const port = new URL(devnet.rpcUrl).port;
    await devnet.stop();
    await expect(fetch(devnet.rpcUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
    await expect(fetch(devnet.pageUrl!)).rejects.toThrow();
    // On Linux, also look for the process itself.
    if (existsSync('/proc')) {
      const anvils = readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .map((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          } catch {
            return [];
          }
        })
        .filter((args) => args[0]?.endsWith('anvil') && args.includes(port));
      expect(anvils).toEqual([]);
    }
    // Stopping twice is harmless.
    await devnet.stop();
  });
});
