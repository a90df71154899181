export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/**
 * Most cells the LCS table may have; past it the differing middle is shown
 * as one removal and one addition. 1.5 million cells is ~6 MB and a few ms.
 */
export const maxDiffCells = 1_500_000;

/** Words, single punctuation marks and runs of white space: markdown and punctuation show up as their own changes. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/**
 * A word-level diff from `before` to `after`: what only `before` has is
 * `removed`, what only `after` has is `added`. The common start and end
 * are trimmed first, so small edits to long texts stay cheap.
 */
export function wordDiff(before: string, after: string, maxCells = maxDiffCells): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], token: string) => {
    const previous = parts.at(-1);
    if (previous?.kind === kind) previous.text += token;
    else parts.push({ kind, text: token });
  };

  a.slice(0, start).forEach((token) => push('same', token));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if ((middleA.length + 1) * (middleB.length + 1) > maxCells) {
    middleA.forEach((token) => push('removed', token));
    middleB.forEach((token) => push('added', token));
  } else {
    diffByLcs(middleA, middleB, push);
  }
  a.slice(endA).forEach((token) => push('same', token));
  return joinChanges(parts);
}

/**
 * Joins changes separated only by white space into one removal and one
 * addition, so "no significant" → "a strong" reads as one change, not four.
 */
function joinChanges(parts: DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  let index = 0;
  while (index < parts.length) {
    if (parts[index]!.kind === 'same') {
      joined.push(parts[index++]!);
      continue;
    }
    let removed = '';
    let added = '';
    for (; index < parts.length; index++) {
      const part = parts[index]!;
      const next = parts[index + 1];
      if (part.kind === 'removed') removed += part.text;
      else if (part.kind === 'added') added += part.text;
      else if (/^\s+$/.test(part.text) && next && next.kind !== 'same') {
        removed += part.text;
        added += part.text;
      } else break;
    }
    if (removed) joined.push({ kind: 'removed', text: removed });
    if (added) joined.push({ kind: 'added', text: added });
  }
  return joined;
}

function diffByLcs(a: string[], b: string[], push: (kind: DiffPart['kind'], token: string) => void) {
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
}
