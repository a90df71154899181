import { describe, expect, it } from 'vitest';
import { arbitrumOneBlock408874813, arbitrumOneBlock58989000, arbitrumOneBlock96223596, polygonBlock61448039 } from '../../../test/fixtures/recorded-headers';
import { verifyBlockHeader } from './block-header';
import { ProofMismatchError } from './errors';

const recorded = [
  { chain: 'Arbitrum One', chainId: 42161, block: arbitrumOneBlock96223596 },
  { chain: 'Arbitrum One (ArbOS 40)', chainId: 42161, block: arbitrumOneBlock408874813 },
  { chain: 'Arbitrum One (ArbOS 10)', chainId: 42161, block: arbitrumOneBlock58989000 },
  { chain: 'Polygon', chainId: 137, block: polygonBlock61448039 },
];

describe('verifyBlockHeader against recorded headers', () => {
  it.each(recorded)('rebuilds a $chain header to its recorded hash', ({ chainId, block }) => {
    const header = verifyBlockHeader({ chainId, block, hash: block.hash });
    expect(header).toMatchObject({ number: BigInt(block.number), hash: block.hash, stateRoot: block.stateRoot, receiptsRoot: block.receiptsRoot, transactionsRoot: block.transactionsRoot });
  });

  it.each(recorded)('does not believe a $chain header whose chain-specific fields were changed', ({ chainId, block }) => {
    // Arbitrum's L1 data lives in mixHash and extraData, Polygon's validator seal in extraData: both are hashed.
    for (const change of [{ mixHash: `0x${'00'.repeat(31)}01` }, { extraData: `${block.extraData.slice(0, -2)}ff` }]) {
      expect(() => verifyBlockHeader({ chainId, block: { ...block, ...change }, hash: block.hash })).toThrow(ProofMismatchError);
    }
  });

  it('takes the null Bor answers for fields its headers lack as absent, not as a malformed header', () => {
    const { withdrawalsRoot: _withdrawalsRoot, blobGasUsed: _blobGasUsed, excessBlobGas: _excessBlobGas, parentBeaconBlockRoot: _root, ...omitted } = polygonBlock61448039;
    expect(verifyBlockHeader({ chainId: 137, block: omitted, hash: polygonBlock61448039.hash }).hash).toBe(polygonBlock61448039.hash);
  });
});
