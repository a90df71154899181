import { describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../lib/trust/defaults';
import { SharedProofWithoutTextError, verifyShared } from './verify-shared';

describe('verifyShared', () => {
  it('refuses a proof that came without its text', async () => {
    const shared = { proof: { form: 'attribute' as const, raw: '{"v":1}', shownText: '', renderedText: '' } };
    await expect(verifyShared({ shared, trust: defaultTrustConfig })).rejects.toThrow(SharedProofWithoutTextError);
  });

  it('says malformed for a proof it cannot read, asking no chain', async () => {
    const fetchFn = vi.fn(fetch);
    const shared = { proof: { form: 'attribute' as const, raw: 'not an envelope', shownText: 'Some words.', renderedText: 'Some words.' } };
    const verdict = await verifyShared({ shared, trust: defaultTrustConfig, fetchFn });
    expect(verdict.state).toBe('malformed');
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
