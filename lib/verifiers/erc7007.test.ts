import { encodeAbiParameters, encodeEventTopics, parseAbiItem, stringToHex, type AbiEvent, type Address, type Hex, type Log, type TransactionReceipt } from 'viem';
import { describe, expect, it } from 'vitest';
import { ChainUnavailableError, ContractRevertedError } from '../chain/errors';
import { envelope, erc7007Proof } from '../envelope/schema';
import { checkOf, fakeChainAccess, fakeEasChainReader, fakeHead, fakeTrust, stateOf, type FakeEasChainParameters } from '../../test/fakes/eas-test-fakes';
import { verifyErc7007 } from './erc7007';
import { matchAigcRecord } from './erc7007-record';

const chainId = 11155111;
const contract: Address = '0x0000000000000000000000000000000000007007';
const otherContract: Address = '0x0000000000000000000000000000000000007008';
const owner: Address = '0x00000000000000000000000000000000000a11ce';
const tokenId = 42n;
const prompt: Hex = stringToHex('write a haiku');
const aigcProof: Hex = '0xc0ffee';
const signedText = 'Autumn moonlight —\na worm digs silently\ninto the chestnut.';
const mintTx: Hex = `0x${'11'.repeat(32)}`;

/** A contract whose verify() holds for exactly this prompt, text and proof. */
const honestContract = {
  [contract]: ([givenPrompt, aigcData, givenProof]: readonly unknown[]) =>
    givenPrompt === prompt && aigcData === stringToHex(signedText) && givenProof === aigcProof,
};

/** The layouts real contracts use for the two record events. */
const layouts = {
  /** The reference contract: aigcData in the data. */
  reference: parseAbiItem('event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes aigcData, bytes proof)'),
  /** The standard's text: aigcData indexed too. */
  standardText: parseAbiItem('event AigcData(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, bytes proof)'),
  /** Nothing indexed: only readable from a receipt, as no query can filter on the token. */
  unindexed: parseAbiItem('event AigcData(uint256 tokenId, bytes prompt, bytes aigcData, bytes proof)'),
  /** The earlier draft's Mint. */
  draftMint: parseAbiItem('event Mint(uint256 indexed tokenId, bytes indexed prompt, bytes indexed aigcData, string uri, bytes proof)'),
} satisfies Record<string, AbiEvent>;

type RecordLogParameters = {
  layout?: AbiEvent;
  address?: Address;
  id?: bigint;
  recordedPrompt?: Hex;
  text?: string;
  logIndex?: number;
};

/** A record log as the contract would emit it, mined in block 900 by `mintTx`. */
function recordLog({ layout = layouts.reference, address = contract, id = tokenId, recordedPrompt = prompt, text = signedText, logIndex = 0 }: RecordLogParameters = {}): Log<bigint, number, false> {
  const values: Record<string, unknown> = { tokenId: id, prompt: recordedPrompt, aigcData: stringToHex(text), proof: aigcProof, uri: 'ipfs://caption' };
  const topics = encodeEventTopics({ abi: [layout], eventName: layout.name, args: Object.fromEntries(layout.inputs.filter((input) => input.indexed).map((input) => [input.name, values[input.name!]])) } as never);
  const unindexed = layout.inputs.filter((input) => !input.indexed);
  return {
    address,
    topics: topics as [Hex, ...Hex[]],
    data: encodeAbiParameters(unindexed, unindexed.map((input) => values[input.name!])),
    blockNumber: 900n,
    blockHash: `0x${'90'.repeat(32)}`,
    transactionHash: mintTx,
    transactionIndex: 0,
    logIndex,
    removed: false,
  };
}

function receiptOf(logs: Log<bigint, number, false>[], status: TransactionReceipt['status'] = 'success'): TransactionReceipt {
  return { transactionHash: mintTx, blockNumber: 900n, status, logs } as TransactionReceipt;
}

async function verify({
  text = signedText,
  trusted = [contract],
  chain = {},
  configured = true,
  tx,
}: {
  text?: string;
  trusted?: Address[];
  chain?: Partial<FakeEasChainParameters>;
  configured?: boolean;
  tx?: Hex;
} = {}) {
  const reader = fakeEasChainReader({
    chainId,
    erc7007: honestContract,
    erc7007Owners: { [contract]: { [tokenId.toString()]: owner } },
    logs: [recordLog()],
    ...chain,
  });
  const raw = { type: 'erc7007', chainId, contract, tokenId: '0x2a', prompt, proof: aigcProof, ...(tx && { tx }) };
  const result = await verifyErc7007({
    proof: erc7007Proof.parse(raw),
    envelope: envelope.parse({ v: 1, proof: raw }),
    signedText: text,
    trust: fakeTrust({ chainId, erc7007: trusted }),
    chains: configured ? fakeChainAccess(reader) : fakeChainAccess(),
  });
  return { ...result, reader, state: stateOf(result.checks) };
}

const tokenTopic = `0x${tokenId.toString(16).padStart(64, '0')}`;

describe('verifyErc7007 (decision logic, in-memory chain)', () => {
  it('passes when a configured contract verifies the proof and the existing token records this prompt and text', async () => {
    const { checks, facts, reader, state } = await verify();
    expect(checks.map(({ id, ok }) => [id, ok])).toEqual([
      ['chain', true],
      ['contract-trusted', true],
      ['erc7007-verify', true],
      ['erc7007-token', true],
      ['erc7007-record', true],
    ]);
    expect(state).toBe('verified');
    expect(reader.calls).toEqual([
      { address: contract, functionName: 'verify', args: [prompt, stringToHex(signedText), aigcProof] },
      { address: contract, functionName: 'ownerOf', args: [tokenId] },
      { address: contract, functionName: 'getLogs', args: [[[expect.stringMatching(/^0x/), expect.stringMatching(/^0x/)], tokenTopic], 0n] },
    ]);
    expect(checkOf(checks, 'erc7007-record').detail).toBe(`Token 42's AigcData record (transaction ${mintTx}, log 0) holds this prompt and the signed text.`);
    expect(facts).toMatchObject({ chainId, contract, tokenId: '42', blockNumber: fakeHead.number.toString(), rpcs: ['http://fake.invalid'] });
  });

  it("reads each field where the contract put it: the standard's indexed aigcData and the draft's Mint", async () => {
    for (const layout of [layouts.standardText, layouts.draftMint]) {
      const { checks, state, facts } = await verify({ chain: { logs: [recordLog({ layout })] } });
      expect(checkOf(checks, 'erc7007-record'), layout.name).toMatchObject({ ok: true, detail: expect.stringContaining(`${layout.name} record`) });
      expect(state).toBe('verified');
      expect(facts.tokenId).toBe('42');
    }
    const changed = await verify({ text: `${signedText}!`, chain: { erc7007: { [contract]: () => true }, logs: [recordLog({ layout: layouts.standardText })] } });
    expect(checkOf(changed.checks, 'erc7007-record')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringContaining('holds another text') });
  });

  it('is invalid when the token does not exist, and never names it as a fact', async () => {
    const missing = await verify({ chain: { erc7007Owners: { [contract]: {} }, logs: [] } });
    expect(checkOf(missing.checks, 'erc7007-token')).toMatchObject({
      ok: false,
      implies: 'invalid',
      detail: `Token 42 does not exist on ${contract}: ownerOf() reverted (ownerOf on ${contract} reverted: ERC721NonexistentToken(42)).`,
    });
    const record = checkOf(missing.checks, 'erc7007-record');
    expect([record.ok, record.implies]).toEqual([null, undefined]);
    expect(missing.state).toBe('invalid');
    expect(missing.facts.tokenId).toBeUndefined();

    const ownerless = await verify({ chain: { erc7007Owners: { [contract]: { '42': '0x0000000000000000000000000000000000000000' } } } });
    expect(checkOf(ownerless.checks, 'erc7007-token')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringContaining('it has no owner') });
    expect(ownerless.facts.tokenId).toBeUndefined();
  });

  it("is invalid when the token's record holds another prompt, even though verify() is true", async () => {
    const { checks, state, facts } = await verify({ chain: { logs: [recordLog({ recordedPrompt: stringToHex('another prompt') })] } });
    expect(checkOf(checks, 'erc7007-verify').ok).toBe(true);
    expect(checkOf(checks, 'erc7007-record')).toMatchObject({
      ok: false,
      implies: 'invalid',
      detail: `Token 42's AigcData record (transaction ${mintTx}, log 0) holds another prompt: the token is not this content's.`,
    });
    expect(state).toBe('invalid');
    expect(facts.tokenId).toBeUndefined();
  });

  it('is invalid when verify() is true for anything but the token records another text', async () => {
    const { checks, state } = await verify({ text: 'Words the contract never recorded.', chain: { erc7007: { [contract]: () => true } } });
    expect(checkOf(checks, 'erc7007-verify').ok).toBe(true);
    expect(checkOf(checks, 'erc7007-record')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringContaining('holds another text') });
    expect(state).toBe('invalid');
  });

  it('is invalid when the token has no record at all; records of other tokens or contracts do not count', async () => {
    const { checks, state } = await verify({ chain: { logs: [recordLog({ id: 43n }), recordLog({ address: otherContract })] } });
    expect(checkOf(checks, 'erc7007-record')).toMatchObject({
      ok: false,
      implies: 'invalid',
      detail: `No AigcData or Mint record of token 42 in the logs of ${contract} from block 0 to 1000: nothing binds this content to the token.`,
    });
    expect(state).toBe('invalid');
  });

  it('reads the record from the named transaction instead of querying logs', async () => {
    const logs = [recordLog({ address: otherContract, logIndex: 0 }), recordLog({ layout: layouts.unindexed, logIndex: 1 })];
    const named = await verify({ tx: mintTx, chain: { logs: [], receipts: { [mintTx]: receiptOf(logs) } } });
    expect(checkOf(named.checks, 'erc7007-record')).toMatchObject({ ok: true, detail: expect.stringContaining('log 1') });
    expect(named.state).toBe('verified');
    expect(named.reader.calls.map((call) => call.functionName)).toEqual(['verify', 'ownerOf', 'getTransactionReceipt']);

    const elsewhere = await verify({ tx: mintTx, chain: { receipts: { [mintTx]: receiptOf([logs[0]!]) } } });
    expect(checkOf(elsewhere.checks, 'erc7007-record')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringContaining(`in transaction ${mintTx}`) });

    const absent = await verify({ tx: mintTx });
    expect(checkOf(absent.checks, 'erc7007-record')).toMatchObject({ ok: false, implies: 'invalid', detail: `Transaction ${mintTx} is not on chain by block 1000.` });
    const reverted = await verify({ tx: mintTx, chain: { receipts: { [mintTx]: receiptOf([], 'reverted') } } });
    expect(checkOf(reverted.checks, 'erc7007-record')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringContaining('reverted') });
  });

  it('is unavailable, never invalid, when the token or its record cannot be read', async () => {
    const refused = new ChainUnavailableError('RPC returned an error: query exceeds max block range 10000', { chainId });
    const logs = await verify({ chain: { readError: (call) => (call.functionName === 'getLogs' ? refused : undefined) } });
    expect(checkOf(logs.checks, 'erc7007-record')).toMatchObject({ ok: null, implies: 'unavailable', detail: refused.message });
    expect(logs.state).toBe('unavailable');
    expect(logs.facts.tokenId).toBeUndefined();

    const outage = new ChainUnavailableError('Every RPC timed out', { chainId });
    const ownerRead = await verify({ chain: { readError: (call) => (call.functionName === 'ownerOf' ? outage : undefined) } });
    expect(checkOf(ownerRead.checks, 'erc7007-token')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(checkOf(ownerRead.checks, 'erc7007-record').ok).toBe(true);
    expect(ownerRead.state).toBe('unavailable');
  });

  it('is invalid when verify() is false for the signed text', async () => {
    const { checks, state } = await verify({ text: `${signedText}!` });
    expect(checkOf(checks, 'erc7007-verify')).toMatchObject({ ok: false, implies: 'invalid' });
    expect(state).toBe('invalid');
  });

  it('still asks an untrusted contract, so a false proof is invalid and a true one untrusted', async () => {
    const untrusted = await verify({ trusted: [] });
    expect(checkOf(untrusted.checks, 'contract-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(checkOf(untrusted.checks, 'erc7007-verify').ok).toBe(true);
    expect(untrusted.state).toBe('untrusted');
    const both = await verify({ trusted: [], text: 'something else' });
    expect(both.state).toBe('invalid');
  });

  it('is invalid when the contract reverts verify(), unavailable when the chain cannot be read', async () => {
    const reverted = await verify({
      chain: { readError: (call) => (call.functionName === 'verify' ? new ContractRevertedError({ details: 'verify reverted without a reason' }) : undefined) },
    });
    expect(checkOf(reverted.checks, 'erc7007-verify')).toMatchObject({
      ok: false,
      implies: 'invalid',
      detail: 'The contract reverted verify() (verify reverted without a reason).',
    });
    const noCode = await verify({ chain: { erc7007: {}, erc7007Owners: {} } });
    expect(checkOf(noCode.checks, 'erc7007-verify')).toMatchObject({ ok: false, implies: 'invalid' });
    expect(checkOf(noCode.checks, 'erc7007-token')).toMatchObject({ ok: false, implies: 'invalid' });

    const outage = new ChainUnavailableError('Every RPC timed out', { chainId });
    const unavailable = await verify({ chain: { readError: () => outage } });
    expect(checkOf(unavailable.checks, 'erc7007-verify')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'Every RPC timed out' });
    expect(unavailable.state).toBe('unavailable');
    const noHead = await verify({ chain: { headError: outage } });
    expect(noHead.state).toBe('unavailable');
    expect(noHead.reader.calls).toEqual([]);
  });

  it('is unavailable when the chain is not configured', async () => {
    const { checks, state } = await verify({ configured: false });
    expect(checks.map(({ id, ok, implies }) => [id, ok, implies])).toEqual([
      ['chain', null, 'unavailable'],
      ['contract-trusted', null, undefined],
      ['erc7007-verify', null, undefined],
      ['erc7007-token', null, undefined],
      ['erc7007-record', null, undefined],
    ]);
    expect(state).toBe('unavailable');
  });
});

describe('matchAigcRecord', () => {
  const match = (log: Log<bigint, number, false>) => matchAigcRecord({ log, contract, tokenId, prompt, aigcData: stringToHex(signedText) });

  it('binds in every layout, and tells which field differs', () => {
    for (const layout of Object.values(layouts)) {
      expect(match(recordLog({ layout })), layout.name).toEqual({ ofToken: true, event: layout.name, promptMatches: true, aigcDataMatches: true });
      expect(match(recordLog({ layout, text: 'other' }))).toMatchObject({ ofToken: true, promptMatches: true, aigcDataMatches: false });
      expect(match(recordLog({ layout, recordedPrompt: '0x01' }))).toMatchObject({ ofToken: true, promptMatches: false, aigcDataMatches: true });
    }
  });

  it('ignores logs of other tokens, other contracts and other events', () => {
    expect(match(recordLog({ id: 7n }))).toEqual({ ofToken: false });
    expect(match(recordLog({ address: otherContract }))).toEqual({ ofToken: false });
    expect(match({ ...recordLog(), topics: [`0x${'ee'.repeat(32)}`, tokenTopic as Hex] })).toEqual({ ofToken: false });
    expect(match({ ...recordLog(), data: '0x1234' })).toEqual({ ofToken: false });
  });
});
