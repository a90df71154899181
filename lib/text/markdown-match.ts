import { renderMarkdown, type RenderedPiece } from './markdown';
import { wording } from './match';

/**
 * Whether the shown text is the text content of the signed Markdown's
 * rendering, compared by the wording rule (spec §4). Where renderers differ
 * (footnote numbers with or without brackets, back-reference arrows, a
 * "Footnotes" heading) either form is accepted; nothing else may differ.
 */
export function matchesRenderedMarkdown(shown: string, markdown: string): boolean {
  const shownWording = wording(shown);
  if (shownWording === '') return false;
  // The ends each piece can reach, as a set: linear in the pieces, whatever the signed text holds (no regex backtracking).
  let reached = new Set([0]);
  for (const piece of renderMarkdown(markdown).pieces) {
    const next = new Set<number>();
    for (const start of reached) for (const end of endsOf(piece, shownWording, start)) next.add(end);
    if (next.size === 0) return false;
    reached = next;
  }
  return reached.has(shownWording.length);
}

/** Where `piece` can end in `text` when it starts at `start`. */
function endsOf(piece: RenderedPiece, text: string, start: number): number[] {
  if ('text' in piece) return endsOfAny([wording(piece.text)], text, start);
  switch (piece.slot) {
    case 'footnote-reference': {
      const names = [String(piece.number), wording(piece.label)];
      return endsOfAny([...names, ...names.map((name) => `[${name}]`)], text, start);
    }
    case 'footnotes-heading':
      return endsOfAny(['', 'footnotes'], text, start);
    case 'back-reference':
      return backReferenceEnds(text, start);
  }
}

function endsOfAny(candidates: string[], text: string, start: number): number[] {
  return candidates.filter((candidate) => text.startsWith(candidate, start)).map((candidate) => start + candidate.length);
}

/** Arrows, each perhaps numbered ("↩", "↩2", "↩︎1:1"), or none: every place such a run can end. */
function backReferenceEnds(text: string, start: number): number[] {
  const ends = [start];
  let at = start;
  while (text.startsWith('↩', at)) {
    at += 1;
    ends.push(at);
    while (at < text.length && /[\d:]/.test(text[at]!)) ends.push(++at);
  }
  return ends;
}
