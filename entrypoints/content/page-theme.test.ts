// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { luminanceOf, pageThemeAt } from './page-theme';

describe('luminanceOf', () => {
  it('reads computed colours, and nothing from a transparent one', () => {
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminanceOf('rgb(18, 18, 18)')).toBeLessThan(0.01);
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeUndefined();
    expect(luminanceOf('rgba(0, 0, 0, 0.2)')).toBeUndefined();
    expect(luminanceOf('oklch(0.2 0.04 265)')).toBeLessThan(0.18);
    expect(luminanceOf('oklch(98% 0.003 248)')).toBeGreaterThan(0.18);
    expect(luminanceOf('lab(12 3 -20)')).toBeLessThan(0.18);
  });
});

describe('pageThemeAt', () => {
  it('follows the nearest background behind the element, through shadow roots', () => {
    document.body.innerHTML = '<main style="background: rgb(250, 250, 250)"><section style="background: #111"><p><span id="in-dark">x</span></p></section><p id="in-light">y</p></main><div id="host"></div>';
    expect(pageThemeAt(document.getElementById('in-dark')!)).toBe('dark');
    expect(pageThemeAt(document.getElementById('in-light')!)).toBe('light');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    document.getElementById('host')!.style.background = 'rgb(20, 20, 30)';
    root.innerHTML = '<span>z</span>';
    expect(pageThemeAt(root.querySelector('span')!)).toBe('dark');
  });

  it('is light on a page without any background', () => {
    document.body.innerHTML = '<p id="plain">x</p>';
    expect(pageThemeAt(document.getElementById('plain')!)).toBe('light');
  });

  it('reads each ancestor once for a page of snippets sharing them', () => {
    document.body.innerHTML = `<main style="background: #111">${'<article><p>x</p></article>'.repeat(50)}</main>`;
    const styles = vi.spyOn(window, 'getComputedStyle');
    const memo = new Map();
    const themes = [...document.querySelectorAll('p')].map((paragraph) => pageThemeAt(paragraph, memo));
    expect(new Set(themes)).toEqual(new Set(['dark']));
    // Each p and article once, and main: not 50 walks up to it.
    expect(styles).toHaveBeenCalledTimes(101);
    styles.mockRestore();
  });
});
