import { describe, expect, it } from 'vitest';
import { engineErrorOf } from './errors';

describe('engineErrorOf', () => {
  it('sorts c2pa-rs errors by their variant', () => {
    expect(engineErrorOf('C2pa(JumbfNotFound)')).toMatchObject({ kind: 'no-manifest', engineError: 'JumbfNotFound' });
    expect(engineErrorOf('C2pa(JumbfParseError(InvalidCborBox))')).toMatchObject({ kind: 'malformed', engineError: 'JumbfParseError(InvalidCborBox)' });
    expect(engineErrorOf('C2pa(UnsupportedType)')).toMatchObject({ kind: 'unreadable' });
    expect(engineErrorOf('C2pa(RemoteManifestUrl("https://example.com/m.c2pa"))')).toMatchObject({ kind: 'remote-manifest' });
    expect(engineErrorOf('C2pa(ClaimDecoding("x"))')).toMatchObject({ kind: 'malformed' });
  });

  it('never calls a throw that is not the engine’s a verdict on the manifest', () => {
    const trap = engineErrorOf(new WebAssembly.RuntimeError('unreachable'));
    expect(trap).toMatchObject({ kind: 'unreadable', engineError: 'unreachable', message: 'The image could not be read' });
  });
});
