import { describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import { createTrustSource, resolveTrustState } from './trust-state';

const localChain = { chains: { '31337': { name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: 1 } } };

describe('resolveTrustState', () => {
  it('is the defaults when neither layer is there', async () => {
    const state = await resolveTrustState({ managed: undefined, user: undefined });
    expect(state.config).toEqual(defaultTrustConfig);
    expect(state.provenance).toEqual({});
    expect(state.managedError).toBeUndefined();
  });

  it('layers the managed string under the user layer, and says who set what', async () => {
    const user = { chains: { '31337': { confirmations: 3 } } };
    const state = await resolveTrustState({ managed: JSON.stringify(localChain), user });
    expect(state.config.chains['31337']).toMatchObject({ name: 'Local', confirmations: 3 });
    expect(state.provenance).toMatchObject({ 'chains.31337.name': 'managed', 'chains.31337.confirmations': 'user' });
    expect(state.managed).toBe(JSON.stringify(localChain));
    expect(state.user).toEqual(user);
  });

  it('ignores an unreadable managed layer as a whole, and says why', async () => {
    const state = await resolveTrustState({ managed: '{"chains": {"31337": {"name": 1', user: localChain });
    expect(state.managedError).toMatch(/JSON/);
    expect(state.config.chains['31337']?.name).toBe('Local');
    expect(Object.values(state.provenance)).not.toContain('managed');
  });

  it('stamps each configuration: equal configurations alike, different ones not', async () => {
    const a = await resolveTrustState({ managed: undefined, user: localChain });
    const b = await resolveTrustState({ managed: JSON.stringify(localChain), user: undefined });
    const c = await resolveTrustState({ managed: undefined, user: undefined });
    expect(a.stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(a.stamp).toBe(b.stamp);
    expect(a.stamp).not.toBe(c.stamp);
  });
});

describe('createTrustSource', () => {
  it('starts reading at once, and reads once until invalidated', async () => {
    const read = vi.fn(async () => ({ managed: undefined, user: localChain }));
    const source = createTrustSource({ read });
    expect(read).toHaveBeenCalledTimes(1);
    await source.current();
    await source.current();
    expect(read).toHaveBeenCalledTimes(1);
    source.invalidate();
    expect(read).toHaveBeenCalledTimes(1);
    await source.current();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('answers from the read started at creation', async () => {
    let finish: (sources: { managed: unknown; user: unknown }) => void = () => undefined;
    const read = vi.fn(() => new Promise<{ managed: unknown; user: unknown }>((resolve) => (finish = resolve)));
    const source = createTrustSource({ read });
    const state = source.current();
    finish({ managed: JSON.stringify(localChain), user: undefined });
    await expect(state).resolves.toMatchObject({ provenance: { 'chains.31337.name': 'managed' } });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again after a failed read, the first one included', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('storage')).mockResolvedValue({ managed: undefined, user: undefined });
    const source = createTrustSource({ read });
    await expect(source.current()).rejects.toThrow('storage');
    await expect(source.current()).resolves.toMatchObject({ config: defaultTrustConfig });
    expect(read).toHaveBeenCalledTimes(2);
  });
});
