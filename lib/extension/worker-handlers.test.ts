import { describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../trust/defaults';
import type { MessageContext } from './router';
import type { TrustState } from './trust-state';
import type { VerificationService } from './verification-service';
import { createWorkerHandlers } from './worker-handlers';

const trustState: TrustState = {
  config: defaultTrustConfig,
  provenance: { 'chains.31337.rpc': 'user' },
  managed: '{"chains": 1}',
  managedError: 'chains: must be an object',
  user: { chains: {} },
  stamp: 'stamp',
};
const content: MessageContext = { kind: 'content-script', tabId: 4, frameId: 0, documentId: 'D', prerendering: false };
const popup: MessageContext = { kind: 'extension-page', tabId: undefined, frameId: 0, documentId: undefined, prerendering: false };

function setUp() {
  const service = { forgetProofs: vi.fn(async () => undefined), verifyProofs: vi.fn() } as unknown as VerificationService;
  const openInspector = vi.fn(async () => undefined);
  const probeRpc = vi.fn(async () => ({ ok: true as const, blockNumber: 123n, latencyMs: 7 }));
  const handlers = createWorkerHandlers({ service, trust: async () => trustState, openInspector, probeRpc });
  return { handlers, service, openInspector, probeRpc };
}

describe('createWorkerHandlers', () => {
  it('answers trust-config with every layer, the managed error and the provenance', async () => {
    expect(await setUp().handlers['trust-config']({}, popup)).toEqual({
      effective: defaultTrustConfig,
      managed: '{"chains": 1}',
      managedError: 'chains: must be an object',
      user: { chains: {} },
      provenance: { 'chains.31337.rpc': 'user' },
    });
  });

  it('answers test-rpc with a block number that can cross the message boundary', async () => {
    const { handlers, probeRpc } = setUp();
    expect(await handlers['test-rpc']({ url: 'http://127.0.0.1:8545', chainId: 31337 }, popup)).toEqual({ ok: true, blockNumber: '123', latencyMs: 7 });
    expect(probeRpc).toHaveBeenCalledWith({ url: 'http://127.0.0.1:8545', chainId: 31337 });
  });

  it("opens the inspector on the sender's own tab", async () => {
    const { handlers, openInspector } = setUp();
    expect(await handlers['open-inspector']({ id: 'p3' }, content)).toEqual({ ok: true });
    expect(openInspector).toHaveBeenCalledWith(4, 'p3');
  });

  it('wants a tab for what speaks for one', async () => {
    const { handlers } = setUp();
    await expect(handlers['forget-proofs']({ ids: ['p1'] }, popup)).rejects.toThrow('speaks for a tab');
    expect(await handlers['forget-proofs']({ ids: ['p1'] }, content)).toEqual({ ok: true });
  });
});
