import { canonicalText } from './canonical';

export type DiffPart = {
  /** `signed-only`: in the signed text, missing from the page; `shown-only`: on the page, not signed. */
  kind: 'same' | 'signed-only' | 'shown-only';
  /** `canonical`: whole words of the canonical text, joined by single spaces; `as-written`: the text exactly as given. */
  text: string;
};

export type DiffTextsParameters = {
  signed: string;
  shown: string;
  /**
   * What is compared. `canonical` (the default): the words of the canonical
   * texts (spec §5), as the text checks see them. `as-written`: the texts as
   * given, cut into words, single punctuation marks and runs of white space,
   * so the parts join back into the exact texts and markup (`**`, say)
   * shows as a change of its own.
   */
  text?: 'canonical' | 'as-written';
  /** Token insertions plus deletions beyond which the diff is coarse (bounds memory). */
  maxEdits?: number;
  /** Token comparisons beyond which the diff is coarse (bounds time). */
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
 * A word-level diff of two texts, for showing a reader what differs.
 * Myers' O((N+M)·D) algorithm after trimming the common start and end,
 * bounded by `maxEdits` and `maxSteps` so that two 200,000-character texts
 * cost at most tens of milliseconds, whatever they hold. In each run of
 * changes the signed side comes first, then the shown side.
 */
export function diffTexts({ signed, shown, text = 'canonical', maxEdits = 1_000, maxSteps = 10_000_000 }: DiffTextsParameters): DiffTextsReturnType {
  const signedTokens = tokensOf(signed, text);
  const shownTokens = tokensOf(shown, text);

  let start = 0;
  while (start < signedTokens.length && start < shownTokens.length && signedTokens[start] === shownTokens[start]) start += 1;
  let end = 0;
  while (
    end < signedTokens.length - start &&
    end < shownTokens.length - start &&
    signedTokens[signedTokens.length - 1 - end] === shownTokens[shownTokens.length - 1 - end]
  ) {
    end += 1;
  }
  const signedMiddle = signedTokens.slice(start, signedTokens.length - end);
  const shownMiddle = shownTokens.slice(start, shownTokens.length - end);

  const builder = new PartsBuilder(text === 'canonical' ? ' ' : '');
  builder.add('same', signedTokens.slice(0, start));
  let complete = true;
  const edits = myers(signedMiddle, shownMiddle, maxEdits, maxSteps);
  if (edits === undefined) {
    complete = false;
    builder.add('signed-only', signedMiddle);
    builder.add('shown-only', shownMiddle);
  } else {
    for (const edit of groupChanges(edits)) builder.add(edit.kind, [edit.token]);
  }
  builder.add('same', signedTokens.slice(signedTokens.length - end));
  return { parts: builder.parts(), complete };
}

function tokensOf(text: string, kind: NonNullable<DiffTextsParameters['text']>): string[] {
  if (kind === 'as-written') return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
  const canonical = canonicalText(text);
  return canonical === '' ? [] : canonical.split(' ');
}

type Edit = { kind: DiffPart['kind']; token: string };

/**
 * Each run of changes as its signed tokens, then its shown ones. White
 * space between two changes joins the run on both sides, so "no
 * significant" → "a strong" reads as one change, not four.
 */
function groupChanges(edits: readonly Edit[]): Edit[] {
  const grouped: Edit[] = [];
  let index = 0;
  while (index < edits.length) {
    if (edits[index]!.kind === 'same') {
      grouped.push(edits[index++]!);
      continue;
    }
    const shownOnly: Edit[] = [];
    for (; index < edits.length; index += 1) {
      const edit = edits[index]!;
      if (edit.kind === 'signed-only') grouped.push(edit);
      else if (edit.kind === 'shown-only') shownOnly.push(edit);
      else if (/^\s+$/.test(edit.token) && edits[index + 1] !== undefined && edits[index + 1]!.kind !== 'same') {
        grouped.push({ kind: 'signed-only', token: edit.token });
        shownOnly.push({ kind: 'shown-only', token: edit.token });
      } else break;
    }
    for (const edit of shownOnly) grouped.push(edit);
  }
  return grouped;
}

/** The shortest edit script from `from` to `to`, or undefined beyond `maxEdits` or `maxSteps`. */
function myers(from: string[], to: string[], maxEdits: number, maxSteps: number): Edit[] | undefined {
  // Compare numbers, not strings, in the inner loop.
  const ids = new Map<string, number>();
  const idOf = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
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
      script.push({ kind: 'same', token: from[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (down) script.push({ kind: 'shown-only', token: to[previousY]! });
    else script.push({ kind: 'signed-only', token: from[previousX]! });
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    script.push({ kind: 'same', token: from[x - 1]! });
    x -= 1;
    y -= 1;
  }
  return script.reverse();
}

/** Joins consecutive tokens of one kind into one part. */
class PartsBuilder {
  readonly #separator: string;
  readonly #parts: { kind: DiffPart['kind']; tokens: string[] }[] = [];

  constructor(separator: string) {
    this.#separator = separator;
  }

  add(kind: DiffPart['kind'], tokens: string[]): void {
    if (tokens.length === 0) return;
    const last = this.#parts.at(-1);
    if (last?.kind === kind) {
      // A loop, not push(...tokens): a long text would overflow the argument limit.
      for (const token of tokens) last.tokens.push(token);
    } else {
      this.#parts.push({ kind, tokens: tokens.slice() });
    }
  }

  parts(): DiffPart[] {
    return this.#parts.map(({ kind, tokens }) => ({ kind, text: tokens.join(this.#separator) }));
  }
}
