import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../test/fakes/worker-fixtures';
import { keepRecent, type RecentProof } from './recent-proofs';
import type { ProofRecord } from './session-records';

const input = { form: 'text' as const, raw: 'ai-proof:v1:og:1:0x01', shownText: 'A text.', renderedText: 'A text.' };
const withVerdict = (state: Parameters<typeof verdictOf>[0] = 'verified', text = 'A text.'): ProofRecord => ({
  input: { ...input, shownText: text, renderedText: text },
  verdict: verdictOf(state),
  trustStamp: 't',
  checkedAt: 1,
});
const sizeOf = (record: ProofRecord) => JSON.stringify(record).length;

describe('keepRecent', () => {
  it('keeps the records of final verdicts, newest last, and removes the rest', () => {
    const dropped = new Map<string, ProofRecord | undefined>([
      ['final', withVerdict('invalid')],
      ['pending', withVerdict('pending')],
      ['never-verified', { input }],
      ['no-record', undefined],
    ]);
    const { recent, removed } = keepRecent({ recent: [['older', 10]], dropped, shownAgain: [] });
    expect(recent).toEqual([
      ['older', 10],
      ['final', sizeOf(withVerdict('invalid'))],
    ]);
    expect(removed).toEqual(['pending', 'never-verified', 'no-record']);
  });

  it('lets the oldest go while over the budget, and never keeps one record larger than its share', () => {
    const record = withVerdict();
    const bytes = sizeOf(record);
    const budget = { bytes: bytes * 2, recordBytes: bytes };
    const recent: RecentProof[] = [
      ['a', bytes],
      ['b', bytes],
    ];
    const long = withVerdict('verified', 'A much longer text than the others.');
    const next = keepRecent({ recent, dropped: new Map([['c', record], ['long', long]]), shownAgain: [], budget });
    expect(next).toEqual({ recent: [['b', bytes], ['c', bytes]], removed: ['long', 'a'] });
  });

  it('takes a proof shown again out of the kept ones, its record now a tab’s', () => {
    const next = keepRecent({ recent: [['a', 5], ['b', 5]], dropped: new Map(), shownAgain: ['a', 'elsewhere'] });
    expect(next).toEqual({ recent: [['b', 5]], removed: [] });
  });
});
