// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { verdictStates } from '../../lib/verdict/states';
import { createPillIcon } from './pill-icon';
import { createIcon, iconShapesOf } from './state-icons';

describe('createPillIcon', () => {
  it("holds every state's icon shapes in one SVG, each marked with its state, as each state's own icon draws them", () => {
    const icon = createPillIcon(document);
    expect(icon.classList.contains('icon')).toBe(true);
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    for (const state of ['checking' as const, ...verdictStates]) {
      const own = createIcon(document, iconShapesOf(state));
      const marked = [...icon.querySelectorAll(`[data-of='${state}']`)].map((shape) => {
        const copy = shape.cloneNode() as Element;
        copy.removeAttribute('data-of');
        return copy.outerHTML;
      });
      expect(marked, state).toEqual([...own.children].map((shape) => shape.outerHTML));
    }
    expect(icon.querySelectorAll(':scope > :not([data-of])')).toHaveLength(0);
  });
});
