import { describe, expect, it } from 'vitest';
import { encodeErrorResult, type Address, type Hex } from 'viem';
import { legacyTeeRegistryAbi } from '../abi/tee-registry';
import { ContractRevertedError } from '../chain/errors';
import type { ChainReader } from '../chain/types';
import { readTeeRegistry } from './og-registry';

const registry: Address = '0x4e72238852f3c918f4e4e57aec9280ddb0c80248';
const teeId: Hex = `0x${'1a'.repeat(32)}`;
const head = { ok: true, value: { number: 1n, hash: `0x${'ab'.repeat(32)}`, timestamp: 1n } } as const;
const missing = () => new ContractRevertedError({ details: 'reverted without a reason', revertData: '0x' });

/** A registry answering each view by name: a value, or an error to reject with. Records the views called. */
function registryReader(views: Record<string, unknown>): { reader: ChainReader; called: string[] } {
  const called: string[] = [];
  const reader = {
    readContract: async ({ functionName }: { functionName: string }) => {
      called.push(functionName);
      const answer = views[functionName] ?? missing();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as ChainReader;
  return { reader, called };
}

describe('readTeeRegistry', () => {
  it('reads the current views and nothing else when they answer, even "no"', async () => {
    const { reader, called } = registryReader({ getTEEPublicKey: '0x', isTEEEnabled: false, isTEEActive: false });
    const reads = readTeeRegistry({ reader, head, registry, teeId });
    expect(await reads.publicKey).toEqual({ ok: true, value: { value: '0x', from: 'current' } });
    expect(await reads.enabled).toEqual({ ok: true, value: { value: false, from: 'current' } });
    expect(await reads.active).toEqual({ ok: true, value: { value: false, from: 'current' } });
    expect(called.sort()).toEqual(['getTEEPublicKey', 'isTEEActive', 'isTEEEnabled']);
  });

  it('falls back to getPublicKey and isActive when the current views do not exist', async () => {
    const { reader } = registryReader({ getPublicKey: '0x1234', isActive: true });
    const reads = readTeeRegistry({ reader, head, registry, teeId });
    expect(await reads.publicKey).toEqual({ ok: true, value: { value: '0x1234', from: 'legacy' } });
    expect(await reads.enabled).toEqual({ ok: true, value: { value: true, from: 'legacy' } });
    expect(await reads.active).toEqual({ ok: true, value: { value: undefined, from: 'legacy' } });
  });

  it('does not fall back on a revert that carries data: the function exists and refused', async () => {
    const refused = new ContractRevertedError({ details: 'reverted: Paused()', revertData: '0x9e87fac8' });
    const { reader, called } = registryReader({ getTEEPublicKey: refused, isTEEEnabled: true, isTEEActive: true });
    const reads = readTeeRegistry({ reader, head, registry, teeId });
    expect(await reads.publicKey).toEqual({ ok: false, error: refused });
    expect(called).not.toContain('getPublicKey');
  });

  it("reads the old registry's TEENotFound() as no key", async () => {
    const notFound = new ContractRevertedError({ details: 'reverted: TEENotFound()', revertData: encodeErrorResult({ abi: legacyTeeRegistryAbi, errorName: 'TEENotFound' }) });
    const { reader } = registryReader({ getPublicKey: notFound, isActive: false });
    expect(await readTeeRegistry({ reader, head, registry, teeId }).publicKey).toEqual({ ok: true, value: { value: '0x', from: 'legacy' } });
  });

  it('fails as a revert when neither interface has the view', async () => {
    const { reader, called } = registryReader({});
    const outcome = await readTeeRegistry({ reader, head, registry, teeId }).publicKey;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ContractRevertedError);
    expect(called).toEqual(expect.arrayContaining(['getTEEPublicKey', 'getPublicKey']));
  });

  it('reads nothing without a head', async () => {
    const { reader, called } = registryReader({});
    const error = new Error('no head');
    expect(await readTeeRegistry({ reader, head: { ok: false, error }, registry, teeId }).enabled).toEqual({ ok: false, error });
    expect(called).toEqual([]);
  });
});
