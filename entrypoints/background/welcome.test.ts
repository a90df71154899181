import { describe, expect, it } from 'vitest';
import { welcomesInstall } from './welcome';

describe('welcomesInstall', () => {
  it('welcomes a reader who installed Verity, from a store or by an organisation', () => {
    expect(welcomesInstall({ reason: 'install', installType: 'normal' })).toBe(true);
    expect(welcomesInstall({ reason: 'install', installType: 'admin' })).toBe(true);
  });

  it('stays out of the way of an update, and of an unpacked copy or a temporary add-on', () => {
    expect(welcomesInstall({ reason: 'update', installType: 'normal' })).toBe(false);
    expect(welcomesInstall({ reason: 'install', installType: 'development' })).toBe(false);
  });
});
