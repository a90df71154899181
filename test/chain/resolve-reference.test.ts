import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, type Hex } from 'viem';
import { freeLoopbackPort } from '../../devnet/anvil';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { createChainAccess } from '../../lib/chain/access';
import { easAbi } from '../../lib/abi/eas';
import { resolveReference, type ChainReference } from '../../lib/chain/resolve-reference';
import { decodeEnvelope } from '../../lib/envelope/decode';
import type { Proof } from '../../lib/envelope/schema';
import { findProofs } from '../../lib/extract/find-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import type { TrustConfig } from '../../lib/trust/schema';
import { verifySnippet } from '../../lib/verifiers/verify-snippet';

let devnet: StartDevnetReturnType;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.stop();
});

/** A scenario's proof, the text its page shows, and the state a verifier must give it. */
function scenario(id: string): { proof: Proof; shownText: string; expectedState: string } {
  const found = devnet.scenarios.find((candidate) => candidate.id === id)!;
  const [snippet] = findProofs(parseHtml(found.html)).snippets;
  if (!snippet?.decoded.ok) throw new Error(`Scenario ${id} has no readable proof`);
  return { proof: snippet.decoded.envelope.proof, shownText: snippet.shownText, expectedState: found.expectedState };
}

/** The transaction that made an on-chain attestation. */
async function attestingTransaction(uid: Hex): Promise<Hex> {
  const client = createPublicClient({ transport: http(devnet.rpcUrl) });
  const events = await client.getContractEvents({ address: devnet.contracts.eas, abi: easAbi, eventName: 'Attested', fromBlock: 0n });
  return events.find((event) => event.args.uid === uid)!.transactionHash;
}

async function resolve(reference: ChainReference, trust: TrustConfig = devnet.trustConfig) {
  return resolveReference({ reference, trust, chains: createChainAccess({ trust }) });
}

/** Verifies every resolved proof against `shownText`, as the popup does with pasted text. */
async function verifyResolved(raws: string[], shownText: string) {
  const chains = createChainAccess({ trust: devnet.trustConfig });
  return Promise.all(raws.map((raw) => verifySnippet({ decoded: decodeEnvelope(raw), shownText, trust: devnet.trustConfig, chains })));
}

function proofOf<type extends Proof['type']>(value: Proof, type: type): Extract<Proof, { type: type }> {
  expect(value.type).toBe(type);
  return value as Extract<Proof, { type: type }>;
}

describe('resolveReference on the devnet', () => {
  it('resolves an individual settlement transaction to its log, which then verifies', async () => {
    for (const id of ['og-settlement-short-ref', 'og-settlement-altered']) {
      const { proof, shownText, expectedState } = scenario(id);
      const { tx } = proofOf(proof, 'og-settlement');
      const resolved = await resolve({ kind: 'transaction', hash: tx, chainId: devnet.chainId });
      expect(resolved.ok, id).toBe(true);
      if (!resolved.ok) continue;
      expect(resolved.proofs).toHaveLength(1);
      const [{ label, raw }] = resolved.proofs as [{ label: string; raw: string }];
      const envelope = JSON.parse(raw) as { proof: { type: string; chainId: number; tx: string; logIndex: number } };
      expect(envelope.proof).toMatchObject({ type: 'og-settlement', chainId: devnet.chainId, tx: tx.toLowerCase() });
      expect(label).toBe(`OpenGradient settlement, log ${envelope.proof.logIndex} of tx ${tx.slice(0, 6)}…${tx.slice(-4)} on Verity devnet`);
      const [verdict] = await verifyResolved([raw], shownText);
      expect(verdict!.state, id).toBe(expectedState);
    }
  });

  it('finds a transaction on whichever configured chain has it when no chain is named', async () => {
    const { proof } = scenario('og-settlement-short-ref');
    const resolved = await resolve({ kind: 'transaction', hash: proofOf(proof, 'og-settlement').tx });
    expect(resolved.ok && resolved.proofs.map(({ raw }) => JSON.parse(raw).proof.type)).toEqual(['og-settlement']);
  });

  it('resolves an on-chain attestation by its transaction, by its UID and by the bare hash of either', async () => {
    for (const id of ['eas-onchain-short-ref', 'eas-onchain-revoked']) {
      const { proof, shownText, expectedState } = scenario(id);
      const { uid } = proofOf(proof, 'eas-onchain');
      const tx = await attestingTransaction(uid);
      const references: ChainReference[] = [
        { kind: 'transaction', hash: tx },
        { kind: 'attestation', uid, chainId: devnet.chainId },
        { kind: 'attestation', uid },
        { kind: 'hash', value: uid },
        { kind: 'hash', value: tx },
      ];
      for (const reference of references) {
        const resolved = await resolve(reference);
        expect(resolved, `${id} ${reference.kind}`).toEqual({
          ok: true,
          proofs: [
            {
              label: `EAS attestation ${uid.slice(0, 6)}…${uid.slice(-4)} on Verity devnet`,
              raw: JSON.stringify({ v: 1, proof: { type: 'eas-onchain', chainId: devnet.chainId, uid: uid.toLowerCase() } }),
            },
          ],
        });
        const [verdict] = await verifyResolved(resolved.ok ? resolved.proofs.map(({ raw }) => raw) : [], shownText);
        expect(verdict!.state, `${id} ${reference.kind}`).toBe(expectedState);
      }
    }
  });

  it('says why a batch settlement cannot be verified on its own', async () => {
    const { tx } = proofOf(scenario('og-settlement-no-log').proof, 'og-settlement');
    const resolved = await resolve({ kind: 'hash', value: tx });
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && resolved.unavailable).toBeUndefined();
    expect(!resolved.ok && resolved.reason).toMatch(/settles a batch of 1 inference \(Merkle root 0x[0-9a-f]{4}…[0-9a-f]{4}\)\. .*cannot be verified on its own: paste the envelope of the inference/);
  });

  it('names the unconfigured relay of a settlement instead of offering it', async () => {
    const { tx } = proofOf(scenario('og-settlement-rogue-relay').proof, 'og-settlement');
    const resolved = await resolve({ kind: 'transaction', hash: tx });
    expect(resolved).toEqual({ ok: false, reason: expect.stringMatching(/has a settlement log from 0x[0-9a-f]{40}, which is not a configured OpenGradient relay on Verity devnet\.$/) });
  });

  it('says "not found" only when every chain answered', async () => {
    const unknown: Hex = `0x${'5a'.repeat(32)}`;
    expect(await resolve({ kind: 'hash', value: unknown })).toEqual({ ok: false, reason: 'Transaction or EAS attestation 0x5a5a…5a5a not found on Verity devnet.' });
    expect(await resolve({ kind: 'transaction', hash: unknown, chainId: devnet.chainId })).toEqual({ ok: false, reason: 'Transaction 0x5a5a…5a5a not found on Verity devnet.' });
    expect(await resolve({ kind: 'attestation', uid: unknown })).toEqual({ ok: false, reason: 'EAS attestation 0x5a5a…5a5a not found on Verity devnet.' });
  });

  it('is unavailable, never "not found", when a chain could not be asked', async () => {
    const deadUrl = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const devnetKey = String(devnet.chainId);
    const withDeadChain: TrustConfig = {
      ...devnet.trustConfig,
      chains: { ...devnet.trustConfig.chains, '777': { name: 'Dead chain', rpc: [deadUrl], confirmations: 1, explorer: null } },
      eas: { ...devnet.trustConfig.eas, '777': devnet.trustConfig.eas[devnetKey]! },
    };
    const unknown: Hex = `0x${'5a'.repeat(32)}`;
    const resolved = await resolve({ kind: 'hash', value: unknown }, withDeadChain);
    expect(resolved).toEqual({
      ok: false,
      unavailable: true,
      reason: expect.stringMatching(/^Could not look up transaction or EAS attestation 0x5a5a…5a5a on Dead chain \(.+\); not found on Verity devnet\.$/),
    });

    // Found on the chain that answered: the dead one does not matter.
    const { uid } = proofOf(scenario('eas-onchain-short-ref').proof, 'eas-onchain');
    const found = await resolve({ kind: 'attestation', uid }, withDeadChain);
    expect(found.ok && found.proofs).toHaveLength(1);

    const named = await resolve({ kind: 'transaction', hash: unknown, chainId: 777 }, withDeadChain);
    expect(named).toMatchObject({ ok: false, unavailable: true, reason: expect.stringMatching(/^Could not look up transaction 0x5a5a…5a5a on Dead chain \(/) });
  });

  it('says when the named chain is not configured', async () => {
    const unknown: Hex = `0x${'5a'.repeat(32)}`;
    expect(await resolve({ kind: 'transaction', hash: unknown, chainId: 8453 })).toEqual({
      ok: false,
      reason: 'Chain 8453 is not in the trust configuration: add it in the options to look this up.',
    });
  });
});
