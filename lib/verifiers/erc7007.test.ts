import { stringToHex, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { ChainUnavailableError, ContractRevertedError } from '../chain/errors';
import { envelope, erc7007Proof } from '../envelope/schema';
import { checkOf, fakeChainAccess, fakeEasChainReader, fakeHead, fakeTrust, stateOf, type FakeEasChainParameters } from '../../test/fakes/eas-test-fakes';
import { verifyErc7007 } from './erc7007';

const chainId = 11155111;
const contract: Address = '0x0000000000000000000000000000000000007007';
const prompt: Hex = stringToHex('write a haiku');
const aigcProof: Hex = '0xc0ffee';
const signedText = 'Autumn moonlight —\na worm digs silently\ninto the chestnut.';

/** A contract whose verify() holds for exactly this prompt, text and proof. */
const honestContract = {
  [contract]: ([givenPrompt, aigcData, givenProof]: readonly unknown[]) =>
    givenPrompt === prompt && aigcData === stringToHex(signedText) && givenProof === aigcProof,
};

async function verify({
  text = signedText,
  trusted = [contract],
  chain = {},
  configured = true,
}: {
  text?: string;
  trusted?: Address[];
  chain?: Partial<FakeEasChainParameters>;
  configured?: boolean;
} = {}) {
  const reader = fakeEasChainReader({ chainId, erc7007: honestContract, ...chain });
  const raw = { type: 'erc7007', chainId, contract, tokenId: '0x2a', prompt, proof: aigcProof };
  const result = await verifyErc7007({
    proof: erc7007Proof.parse(raw),
    envelope: envelope.parse({ v: 1, proof: raw }),
    signedText: text,
    trust: fakeTrust({ chainId, erc7007: trusted }),
    chains: configured ? fakeChainAccess(reader) : fakeChainAccess(),
  });
  return { ...result, reader, state: stateOf(result.checks) };
}

describe('verifyErc7007 (decision logic, in-memory chain)', () => {
  it('passes when a configured contract verifies the proof for the UTF-8 bytes of the signed text', async () => {
    const { checks, facts, reader, state } = await verify();
    expect(checks.map(({ id, ok }) => [id, ok])).toEqual([
      ['chain', true],
      ['contract-trusted', true],
      ['erc7007-verify', true],
    ]);
    expect(state).toBe('verified');
    expect(reader.calls).toEqual([{ address: contract, functionName: 'verify', args: [prompt, stringToHex(signedText), aigcProof] }]);
    expect(facts).toMatchObject({ chainId, contract, tokenId: '42', blockNumber: fakeHead.number.toString(), rpcs: ['http://fake.invalid'] });
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
    const reverted = await verify({ chain: { readError: () => new ContractRevertedError({ details: 'verify reverted without a reason' }) } });
    expect(checkOf(reverted.checks, 'erc7007-verify')).toMatchObject({
      ok: false,
      implies: 'invalid',
      detail: 'The contract reverted verify() (verify reverted without a reason).',
    });
    const noCode = await verify({ chain: { erc7007: {} } });
    expect(checkOf(noCode.checks, 'erc7007-verify')).toMatchObject({ ok: false, implies: 'invalid' });

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
    ]);
    expect(state).toBe('unavailable');
  });
});
