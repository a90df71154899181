import { canonicalText } from './canonical';

export type DiffPart = {
  /** `signed-only`: in the signed text, missing from the page; `shown-only`: on the page, not signed. */
  kind: 'same' | 'signed-only' | 'shown-only';
  /** Whole words of the canonical text, joined by single spaces. */
  text: string;
};

export type DiffTextsParameters = {
  signed: string;
  shown: string;
  /** Word insertions plus deletions beyond which the diff is coarse (bounds memory). */
  maxEdits?: number;
  /** Word comparisons beyond which the diff is coarse (bounds time). */
  maxSteps?: number;
};

export type DiffTextsReturnType = {
  parts: DiffPart[];
  /**
   * False when a limit was hit: the parts are then the common start, all
   * of the signed middle, all of the shown middle, and the common end.
   */
  complete: boolean;
};

/**
 * A word-level diff of two texts' canonical forms, for showing a reader
 * what differs. Myers' O((N+M)·D) algorithm after trimming the common start
 * and end, bounded by `maxEdits` and `maxSteps` so that two 200,000-character
 * texts cost at most tens of milliseconds, whatever they hold.
 */
export function diffTexts({ signed, shown, maxEdits = 1_000, maxSteps = 10_000_000 }: DiffTextsParameters): DiffTextsReturnType {
  const signedWords = wordsOf(signed);
  const shownWords = wordsOf(shown);

  let start = 0;
  while (start < signedWords.length && start < shownWords.length && signedWords[start] === shownWords[start]) start += 1;
  let end = 0;
  while (
    end < signedWords.length - start &&
    end < shownWords.length - start &&
    signedWords[signedWords.length - 1 - end] === shownWords[shownWords.length - 1 - end]
  ) {
    end += 1;
  }
  const signedMiddle = signedWords.slice(start, signedWords.length - end);
  const shownMiddle = shownWords.slice(start, shownWords.length - end);

  const builder = new PartsBuilder();
  builder.add('same', signedWords.slice(0, start));
  let complete = true;
  const edits = myers(signedMiddle, shownMiddle, maxEdits, maxSteps);
  if (edits === undefined) {
    complete = false;
    builder.add('signed-only', signedMiddle);
    builder.add('shown-only', shownMiddle);
  } else {
    for (const edit of edits) builder.add(edit.kind, [edit.word]);
  }
  builder.add('same', signedWords.slice(signedWords.length - end));
  return { parts: builder.parts(), complete };
}

function wordsOf(text: string): string[] {
  const canonical = canonicalText(text);
  return canonical === '' ? [] : canonical.split(' ');
}

type Edit = { kind: DiffPart['kind']; word: string };

/** The shortest edit script from `from` to `to`, or undefined beyond `maxEdits` or `maxSteps`. */
function myers(from: string[], to: string[], maxEdits: number, maxSteps: number): Edit[] | undefined {
  // Compare numbers, not strings, in the inner loop.
  const ids = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) ids.set(word, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(from, idOf);
  const b = Int32Array.from(to, idOf);
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is v as it stood before step d, for walking back.
  const trace: Int32Array[] = [];
  let steps = 0;

  for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      const snakeStart = x;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      steps += 1 + x - snakeStart;
      if (steps > maxSteps) return undefined;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, offset, from, to);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], edits: number, offset: number, from: string[], to: string[]): Edit[] {
  const script: Edit[] = [];
  let x = from.length;
  let y = to.length;
  for (let d = edits; d > 0; d -= 1) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      script.push({ kind: 'same', word: from[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (down) script.push({ kind: 'shown-only', word: to[previousY]! });
    else script.push({ kind: 'signed-only', word: from[previousX]! });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    script.push({ kind: 'same', word: from[x - 1]! });
    x -= 1;
    y -= 1;
  }
  return script.reverse();
}

/** Joins consecutive words of one kind into one part. */
class PartsBuilder {
  readonly #parts: { kind: DiffPart['kind']; words: string[] }[] = [];

  add(kind: DiffPart['kind'], words: string[]): void {
    if (words.length === 0) return;
    const last = this.#parts.at(-1);
    if (last?.kind === kind) {
      // A loop, not push(...words): a long text would overflow the argument limit.
      for (const word of words) last.words.push(word);
    } else {
      this.#parts.push({ kind, words: words.slice() });
    }
  }

  parts(): DiffPart[] {
    return this.#parts.map(({ kind, words }) => ({ kind, text: words.join(' ') }));
  }
}
