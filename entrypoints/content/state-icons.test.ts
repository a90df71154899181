// @vitest-environment jsdom
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StateIcon } from '../../components/icons';
import { verdictStates } from '../../lib/verdict/states';
import { createIcon, stateIconShapes } from './state-icons';

/** An icon's shapes, as tag and attributes, whoever drew it. */
function shapesOf(svg: Element) {
  return [...svg.children].map((shape) => [shape.localName, Object.fromEntries([...shape.attributes].map(({ name, value }) => [name, value]))]);
}

describe('state icons', () => {
  it.each(verdictStates)('draws %s with the shapes of components/icons.tsx', (state) => {
    const holder = document.createElement('div');
    holder.innerHTML = renderToStaticMarkup(createElement(StateIcon, { state }));
    const ours = createIcon(document, stateIconShapes[state]);
    expect(shapesOf(ours)).toEqual(shapesOf(holder.firstElementChild!));
    expect(ours.getAttribute('aria-hidden')).toBe('true');
  });
});
