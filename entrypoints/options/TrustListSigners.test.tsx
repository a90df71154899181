// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../../test/ui/dom';
import type { TrustList } from '../../lib/trust/list-schema';
import { TrustListSigners } from './TrustListSigners';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const signer = (n: number, url?: string) => ({ address: `0x${String(n).padStart(40, '0')}` as `0x${string}`, label: `Signer ${n}`, ...(url !== undefined && { url }) });
const list = (attesters: TrustList['attesters']): TrustList => ({ name: 'Council', updated: '2026-12-01T09:00:00Z', attesters, opengradient: {}, eas: {}, erc7007: {} });

describe('TrustListSigners', () => {
  it('names each signer display-safe, links only an https page about them, and counts the rest', () => {
    const attesters = [
      { ...signer(1, 'https://one.example/about'), label: 'Evil\u202Egnp.exe' },
      signer(2, 'http://two.example/'),
      signer(3, 'javascript:alert(1)'),
      ...Array.from({ length: 9 }, (_, index) => signer(index + 4)),
    ];
    const { container, unmount } = renderDom(<TrustListSigners list={list(attesters)} from="this list" />);
    cleanup = unmount;
    const items = [...container.querySelectorAll('li')];
    expect(items[0]!.textContent).toContain('Evil\\u{202E}gnp.exe');
    expect([...container.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['https://one.example/about']);
    expect(items).toHaveLength(9);
    expect(items.at(-1)!.textContent).toBe('and 4 more');
  });

  it('shows nothing for a list that names no signer', () => {
    const { container, unmount } = renderDom(<TrustListSigners list={list([])} from="this list" />);
    cleanup = unmount;
    expect(container.querySelector('ul')).toBeNull();
  });
});
