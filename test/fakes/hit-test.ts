import { vi } from 'vitest';

/**
 * Gives a jsdom document (or shadow root) the browser's hit tests, which
 * jsdom lacks: `stack` answers `elementsFromPoint`, and its first element
 * `elementFromPoint`. Returns the mock, to change its answer or read its calls.
 */
export function stubHitTest(root: DocumentOrShadowRoot, stack: (x: number, y: number) => Element[]) {
  const elementsFromPoint = vi.fn(stack);
  Object.assign(root, { elementsFromPoint, elementFromPoint: (x: number, y: number) => elementsFromPoint(x, y)[0] ?? null });
  return elementsFromPoint;
}

/** Takes the stubbed hit tests off `root` again. */
export function removeHitTest(root: DocumentOrShadowRoot): void {
  Reflect.deleteProperty(root, 'elementsFromPoint');
  Reflect.deleteProperty(root, 'elementFromPoint');
}
