import { describe, expect, it, vi } from 'vitest';
import { raiseImageAccessFlag, whenImageAccessFlag } from './image-access-flag';

describe('the image access flag', () => {
  it('is heard whichever script runs first', () => {
    const before = {};
    const heardBefore = vi.fn();
    raiseImageAccessFlag(before);
    whenImageAccessFlag(heardBefore, before);
    expect(heardBefore).toHaveBeenCalledOnce();

    const after = {};
    const heardAfter = vi.fn();
    whenImageAccessFlag(heardAfter, after);
    expect(heardAfter).not.toHaveBeenCalled();
    raiseImageAccessFlag(after);
    expect(heardAfter).toHaveBeenCalledOnce();
  });

  it('stays down in a frame where the image-access script never ran', () => {
    const heard = vi.fn();
    whenImageAccessFlag(heard, {});
    expect(heard).not.toHaveBeenCalled();
  });
});
