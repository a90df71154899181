import type { VerdictState } from '../../lib/verdict/states';

/** One SVG shape: its tag and attributes. */
export type IconShape = readonly ['circle' | 'path' | 'rect', Readonly<Record<string, string>>];

/**
 * The state icons of components/icons.tsx (20×20, outline), as data: the
 * content script builds them without React. state-icons.test.ts holds the
 * two to the same shapes.
 */
export const stateIconShapes: Record<VerdictState, readonly IconShape[]> = {
  verified: [
    ['circle', { cx: '10', cy: '10', r: '7.5' }],
    ['path', { d: 'M6.75 10.25l2.25 2.25 4.25-4.75' }],
  ],
  pending: [
    ['circle', { cx: '10', cy: '10', r: '7.5' }],
    ['path', { d: 'M10 6v4.25l2.75 1.75' }],
  ],
  unavailable: [
    ['circle', { cx: '10', cy: '10', r: '7.5', 'stroke-dasharray': '2.6 2.6' }],
    ['path', { d: 'M7 10h6' }],
  ],
  untrusted: [
    ['path', { d: 'M10 2.5l6 2.25v4.5c0 3.9-2.55 6.95-6 8.25-3.45-1.3-6-4.35-6-8.25v-4.5z' }],
    ['path', { d: 'M10 6.75v3.75' }],
    ['path', { d: 'M10 13.25v.01', 'stroke-width': '2.25' }],
  ],
  altered: [
    ['rect', { x: '2.75', y: '2.75', width: '14.5', height: '14.5', rx: '3.5' }],
    ['path', { d: 'M6.5 8.5h7M6.5 11.5h7M12 5.75l-4 8.5' }],
  ],
  invalid: [
    ['circle', { cx: '10', cy: '10', r: '7.5' }],
    ['path', { d: 'M7.5 7.5l5 5M12.5 7.5l-5 5' }],
  ],
  malformed: [
    [
      'path',
      {
        d: 'M7.5 4.5c-1.6 0-2.25.75-2.25 2.1v1.6c0 .95-.6 1.8-1.75 1.8 1.15 0 1.75.85 1.75 1.8v1.6c0 1.35.65 2.1 2.25 2.1M12.5 4.5c1.6 0 2.25.75 2.25 2.1v1.6c0 .95.6 1.8 1.75 1.8-1.15 0-1.75.85-1.75 1.8v1.6c0 1.35-.65 2.1-2.25 2.1',
      },
    ],
  ],
};

/**
 * Checking: a faint ring with three dots. Still, unlike the pages' spinner:
 * a badge on a page must not keep the page drawing frames while it waits.
 */
const checkingIconShapes: readonly IconShape[] = [
  ['circle', { cx: '10', cy: '10', r: '7.5', opacity: '0.35' }],
  ['path', { d: 'M6.75 10h.01M10 10h.01M13.25 10h.01', 'stroke-width': '2.25' }],
];

/** The icon of a verdict's state, or of `checking` before there is one. */
export function iconShapesOf(state: VerdictState | 'checking'): readonly IconShape[] {
  return state === 'checking' ? checkingIconShapes : stateIconShapes[state];
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** An icon as an SVG element, hidden from assistive technology: the word beside it says the state. */
export function createIcon(document: Document, shapes: readonly IconShape[]): SVGSVGElement {
  const svg = document.createElementNS(svgNamespace, 'svg');
  const attributes: Record<string, string> = {
    viewBox: '0 0 20 20',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.75',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  };
  for (const [name, value] of Object.entries(attributes)) svg.setAttribute(name, value);
  for (const [tag, shapeAttributes] of shapes) {
    const shape = document.createElementNS(svgNamespace, tag);
    for (const [name, value] of Object.entries(shapeAttributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}

/** Verity's mark on the card: a shield with a check. */
export const brandIconShapes: readonly IconShape[] = [
  ['path', { d: 'M10 2.5l6 2.25v4.5c0 3.9-2.55 6.95-6 8.25-3.45-1.3-6-4.35-6-8.25v-4.5z' }],
  ['path', { d: 'M7.25 10.25l2 2 3.5-3.75' }],
];

/** components/icons.tsx ExternalIcon: the Details button opens another page. */
export const externalIconShapes: readonly IconShape[] = [
  ['path', { d: 'M11 3.5h5.5V9M16.5 3.5L9.5 10.5M14 12.5v2.5a1.5 1.5 0 0 1-1.5 1.5h-7.5A1.5 1.5 0 0 1 3.5 15V7.5A1.5 1.5 0 0 1 5 6h2.5' }],
];
