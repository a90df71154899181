import { describe, expect, it } from 'vitest';
import { scriptLifetime } from './script-lifetime';

/** Lets the lifetime's check after an abort run. */
const checked = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('scriptLifetime', () => {
  it("outlives WXT's context when only the event was made up: the extension runs and no newer copy started", async () => {
    const context = new AbortController();
    const lifetime = scriptLifetime({ contextSignal: context.signal, scriptGlobal: {}, extensionAlive: () => true });
    context.abort();
    await checked();
    expect(lifetime.aborted).toBe(false);
  });

  it('ends when a newer copy started in the same world, naming itself as its start runs', async () => {
    const scriptGlobal = {};
    const older = new AbortController();
    const lifetime = scriptLifetime({ contextSignal: older.signal, scriptGlobal, extensionAlive: () => true });
    // As WXT does it: the newer copy's context sends the event, then the newer copy starts.
    older.abort();
    const newer = scriptLifetime({ contextSignal: new AbortController().signal, scriptGlobal, extensionAlive: () => true });
    await checked();
    expect(lifetime.aborted).toBe(true);
    expect(newer.aborted).toBe(false);
  });

  it('ends with the extension', async () => {
    const context = new AbortController();
    let alive = true;
    const lifetime = scriptLifetime({ contextSignal: context.signal, scriptGlobal: {}, extensionAlive: () => alive });
    alive = false;
    context.abort();
    await checked();
    expect(lifetime.aborted).toBe(true);
  });
});
