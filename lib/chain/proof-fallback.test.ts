import { describe, expect, it, vi } from 'vitest';
import { createProofFallback } from './proof-fallback';
import { ProofUnavailableError, UnrebuildableBlockError, UnrebuildableHeaderError } from './proven/errors';
import type { ProvenReads } from './proven/proven-reads';

const proven = {} as ProvenReads;
const fallbackOf = () => createProofFallback({ chainId: 42161, proven, endpointCount: 3 });
const agreedBy = (count: number) => vi.fn(async () => ({ value: 'agreed', urls: ['https://a', 'https://b', 'https://c'].slice(0, count) }));
const failing = (error: Error) => () => Promise.reject(error);

describe('createProofFallback', () => {
  it('answers with the proof when there is one, and asks no quorum', async () => {
    const fallback = fallbackOf();
    const quorum = agreedBy(3);
    expect(await fallback.read({ what: 'x', proof: async () => 'proven', quorum })).toBe('proven');
    expect(quorum).not.toHaveBeenCalled();
    expect(fallback.notes()).toEqual([]);
  });

  it('takes a read whose block cannot be rebuilt from two agreeing endpoints, and notes it', async () => {
    const fallback = fallbackOf();
    const proof = failing(new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild'));
    expect(await fallback.read({ what: 'the receipt of 0x12ab…cdef', proof, quorum: agreedBy(2) })).toBe('agreed');
    expect(fallback.notes()).toEqual(['the receipt of 0x12ab…cdef agreed by 2 of 3 RPCs (its block holds transaction types Verity cannot rebuild)']);
    expect(fallback.headerUnrebuilt()).toBe(false);
  });

  it('never takes it from one endpoint', async () => {
    const fallback = fallbackOf();
    const proof = failing(new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild'));
    await expect(fallback.read({ what: 'x', proof, quorum: agreedBy(1) })).rejects.toBeInstanceOf(ProofUnavailableError);
    expect(fallback.notes()).toEqual([]);
  });

  it('with one RPC configured, does not fall back, and says why', async () => {
    const fallback = createProofFallback({ chainId: 42161, proven, endpointCount: 1 });
    const quorum = agreedBy(1);
    const proof = failing(new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild', { details: 'transaction 0 has type 0x78' }));
    const error = await fallback.read({ what: 'the receipt of 0x12ab…cdef', proof, quorum }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ProofUnavailableError);
    expect((error as ProofUnavailableError).shortMessage).toBe('The block holds a transaction type Verity cannot rebuild');
    const mismatch = new ProofUnavailableError('RPC answer does not prove: The block header does not hash to the agreed block hash', { chainId: 42161 });
    const header = failing(new UnrebuildableHeaderError('The block header cannot be rebuilt to check proofs', { cause: mismatch }));
    await expect(fallback.read({ what: 'x', proof: header, quorum })).rejects.toBe(mismatch);
    expect(quorum).not.toHaveBeenCalled();
  });

  it('does not fall back when an answer does not prove', async () => {
    const fallback = fallbackOf();
    const quorum = agreedBy(3);
    const proof = failing(new ProofUnavailableError('No RPC gave a read that proves against the agreed block', { chainId: 42161 }));
    await expect(fallback.read({ what: 'x', proof, quorum })).rejects.toBeInstanceOf(ProofUnavailableError);
    expect(quorum).not.toHaveBeenCalled();
  });

  it('knows from the head on that the header cannot be rebuilt, when two RPCs could agree instead', async () => {
    const header = () => Promise.reject(new UnrebuildableHeaderError('The block header cannot be rebuilt to check proofs'));
    const fallback = createProofFallback({ chainId: 42161, proven: { header } as unknown as ProvenReads, endpointCount: 2 });
    await fallback.checkHeader();
    expect(fallback.headerUnrebuilt()).toBe(true);
    const lone = createProofFallback({ chainId: 42161, proven: { header } as unknown as ProvenReads, endpointCount: 1 });
    await lone.checkHeader();
    expect(lone.headerUnrebuilt()).toBe(false);
  });

  it('reads the whole pass by quorum once the header cannot be rebuilt', async () => {
    const fallback = fallbackOf();
    const proof = vi.fn(failing(new UnrebuildableHeaderError('The block header cannot be rebuilt to check proofs')));
    expect(await fallback.read({ what: 'x', proof, quorum: agreedBy(2) })).toBe('agreed');
    expect(await fallback.read({ what: 'y', proof, quorum: agreedBy(2) })).toBe('agreed');
    expect(proof).toHaveBeenCalledTimes(1);
    expect(fallback.headerUnrebuilt()).toBe(true);
    await expect(fallback.read({ what: 'z', proof, quorum: agreedBy(1) })).rejects.toBeInstanceOf(ProofUnavailableError);
  });
});
