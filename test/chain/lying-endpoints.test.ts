import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import type { TrustConfig } from '../../lib/trust/schema';
import type { Verdict } from '../../lib/verdict/types';
import { startTamperProxy, type FaultServer } from './helpers/fault-servers';
import { lies, type LieName } from './helpers/lying-reads';
import { verifyDemoPage } from './helpers/verify-page';

/**
 * The devnet's whole demo page with `"reads": "proofs"`, through a relay that
 * lies about one kind of read the verdicts rest on: view calls (registries,
 * attestations, revocations, schemas, ERC-7007), state proofs, code, headers,
 * receipts, logs, block transactions and absences. Only the head is taken on
 * the endpoints' word.
 */
let devnet: StartDevnetReturnType;
const servers: FaultServer[] = [];

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await devnet?.stop();
});

function provenWith(rpc: string[]): TrustConfig {
  const local = devnet.trustConfig.chains[String(devnet.chainId)]!;
  return { ...devnet.trustConfig, chains: { ...devnet.trustConfig.chains, [devnet.chainId]: { ...local, rpc, reads: 'proofs' } } };
}

async function liar(...told: LieName[]): Promise<string> {
  const server = await startTamperProxy(devnet.rpcUrl, (answer, call) => told.reduce((changed, lie) => lies[lie](changed, call), answer));
  servers.push(server);
  return server.url;
}

const states = (verdicts: Verdict[]) => verdicts.map((verdict, index) => ({ id: devnet.scenarios[index]!.id, state: verdict.state }));
const expected = () => devnet.scenarios.map(({ id, expectedState }) => ({ id, state: expectedState }));

/** A verdict that is neither the scenario's own nor `unavailable`: wrong, and shown as definite. */
function wrongAndDefinite(verdicts: Verdict[]): { id: string; state: string }[] {
  return states(verdicts).filter(({ state }, index) => state !== devnet.scenarios[index]!.expectedState && state !== 'unavailable');
}

/** Lies that proven reads never ask about: calls are executed, eth_getProof's plain fields unread, logs of a short range read from receipts. */
const unasked: LieName[] = ['callResults', 'proofFields', 'absentLogs'];
const caught: LieName[] = [
  'storageProofNodes',
  'accountProofNodes',
  'absentState',
  'code',
  'headers',
  'absentReceipts',
  'receiptBlocks',
  'receiptContents',
  'blockTransactions',
  'olderHeaders',
];

describe('the demo page read with proofs', () => {
  it('gives every scenario its expected state from one honest endpoint, and says what the reads rested on', async () => {
    const verdicts = await verifyDemoPage({ devnet, trust: provenWith([devnet.rpcUrl]) });
    expect(states(verdicts)).toEqual(expected());
    const bases = new Set(verdicts.flatMap((verdict) => (verdict.facts.readBasis === undefined ? [] : [verdict.facts.readBasis])));
    expect([...bases]).toEqual([expect.stringMatching(/^Read with proofs against block \d+, agreed by 1 of 1 RPC$/)]);
  });

  it.each(unasked)('gives every scenario its expected state from a lone endpoint that lies about %s', async (lie) => {
    expect(states(await verifyDemoPage({ devnet, trust: provenWith([await liar(lie)]) }))).toEqual(expected());
  });

  it.each(caught)('with a lone endpoint that lies about %s, no verdict is wrong and definite', async (lie) => {
    const verdicts = await verifyDemoPage({ devnet, trust: provenWith([await liar(lie)]) });
    expect(wrongAndDefinite(verdicts)).toEqual([]);
    // The lie mattered: the proofs that rest on contract state could not be checked.
    expect(verdicts.filter((verdict, index) => verdict.state === 'unavailable' && devnet.scenarios[index]!.expectedState !== 'unavailable').length).toBeGreaterThan(0);
  });

  it.each(caught)('with an honest endpoint beside one that lies about %s, every scenario keeps its state', async (lie) => {
    expect(states(await verifyDemoPage({ devnet, trust: provenWith([await liar(lie), devnet.rpcUrl]) }))).toEqual(expected());
  });

  describe('when a block holds a transaction type Verity cannot rebuild', () => {
    const basesOf = (verdicts: Verdict[]) => new Set(verdicts.flatMap((verdict) => (verdict.facts.readBasis === undefined ? [] : [verdict.facts.readBasis])));

    it('takes those reads by two agreeing endpoints, and says so', async () => {
      const verdicts = await verifyDemoPage({ devnet, trust: provenWith([await liar('unknownTransactionTypes'), await liar('unknownTransactionTypes')]) });
      expect(states(verdicts)).toEqual(expected());
      expect([...basesOf(verdicts)].some((basis) => /^Read with proofs against block \d+, agreed by 2 of 2 RPCs; .*agreed by 2 of 2 RPCs \(its block holds transaction types Verity cannot rebuild\)/.test(basis))).toBe(true);
    });

    it('never takes them on a lone endpoint’s word', async () => {
      const verdicts = await verifyDemoPage({ devnet, trust: provenWith([await liar('unknownTransactionTypes', 'receiptContents', 'absentLogs')]) });
      expect(wrongAndDefinite(verdicts)).toEqual([]);
      expect(verdicts.filter((verdict, index) => verdict.state === 'unavailable' && devnet.scenarios[index]!.expectedState !== 'unavailable').length).toBeGreaterThan(0);
    });

    it('reads the whole chain by two agreeing endpoints when no header they give rebuilds, and says so', async () => {
      const verdicts = await verifyDemoPage({ devnet, trust: provenWith([await liar('headers'), await liar('headers')]) });
      expect(states(verdicts)).toEqual(expected());
      expect([...basesOf(verdicts)]).toEqual([expect.stringMatching(/^Agreed by 2 of 2 RPCs at block \d+ \(its header could not be rebuilt to check proofs\)$/)]);
    });

    it('does not believe a liar that fakes the type to force the fallback, beside an honest endpoint', async () => {
      const verdicts = await verifyDemoPage({ devnet, trust: provenWith([await liar('unknownTransactionTypes', 'receiptContents', 'absentLogs'), devnet.rpcUrl]) });
      expect(wrongAndDefinite(verdicts)).toEqual([]);
    });
  });
});
