/**
 * What Verity could not confirm about what readers see of a snippet
 * (rendering honesty as an allowlist; docs/protocol.md §10, "Rendered
 * text"). The content script names them; the worker turns them into the
 * `rendering` check's words.
 */
export const renderingDoubts = [
  'covered',
  'faint',
  'low-contrast',
  'background',
  'small',
  'clipped',
  'moved',
  'transformed',
  'effect',
  'reordered',
  'generated',
  'embedded',
  'styled-apart',
  'around-frame',
] as const;

export type RenderingDoubt = (typeof renderingDoubts)[number];

/** Each doubt in a reader's words, completing "Verity could not confirm that readers see all of this text as signed: …". */
export const renderingDoubtWords: Record<RenderingDoubt, string> = {
  covered: 'something on the page covers part of it',
  faint: 'part of it is too faint to read',
  'low-contrast': 'part of it is nearly the colour of its background',
  background: 'part of it sits on an image or colour Verity cannot compare it with',
  small: 'part of it is too small to read',
  clipped: 'part of it is cut off',
  moved: 'part of it is moved away from the rest',
  transformed: 'part of it is shrunk, rotated or distorted',
  effect: 'part of it is drawn through a visual effect',
  reordered: 'the page may show its words in another order',
  generated: 'the page adds its own symbols, quotes or images to it',
  embedded: 'it holds images, form fields or components whose words Verity cannot read',
  'styled-apart': 'part of it is styled apart from the rest (a first line, a highlight or an animation)',
  'around-frame': 'the page around the frame it is in could not be looked at',
};

/** The doubts a sentence names, in the fixed order, joined for reading; with none, that the drawing could not be confirmed. */
export function renderingDoubtSentence(doubts: readonly RenderingDoubt[]): string {
  if (doubts.length === 0) return 'Verity could not confirm that readers see all of this text as signed.';
  const words = renderingDoubts.filter((doubt) => doubts.includes(doubt)).map((doubt) => renderingDoubtWords[doubt]);
  const list = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join('; ')}; and ${words.at(-1)!}`;
  return `Verity could not confirm that readers see all of this text as signed: ${list}.`;
}

/** The doubts a rendering check's detail names, found by their fixed words. */
export function renderingDoubtsIn(detail: string): RenderingDoubt[] {
  return renderingDoubts.filter((doubt) => detail.includes(renderingDoubtWords[doubt]));
}
