import type { TabState } from '../messaging/messages';

/** One figure of the demo page: its scenario, the state its caption expects, and its badges' proof ids and states. */
export type FigureStates = { scenario: string; expected: string | null; ids: (string | null)[]; badges: (string | null)[] };

/** The figures whose badges are not the one state their caption expects. */
export function figuresNotAsCaptioned(figures: readonly FigureStates[]): FigureStates[] {
  return figures.filter(({ expected, badges }) => badges.length !== 1 || badges[0] !== expected);
}

/**
 * Why each of `wrong` is not as captioned, in the worker's words: its
 * summary and each check that did not pass, from the tab's record. A
 * failure message (Chromium and Firefox alike), so that a verdict that
 * changes only under load says why.
 */
export function explainFigures(wrong: readonly FigureStates[], proofs: TabState['proofs']): string {
  const verdicts = new Map(proofs.map(({ id, verdict }) => [id, verdict]));
  return wrong
    .map(({ scenario, expected, ids, badges }) => {
      const verdict = ids[0] == null ? undefined : verdicts.get(ids[0]);
      const checks = verdict?.checks.filter(({ ok }) => ok !== true).map(({ id, ok, detail }) => `${id} ${ok === false ? 'failed' : 'not run'}: ${detail}`) ?? [];
      return [`${scenario}: shows ${badges.join(', ') || 'no badge'}, expected ${expected}. ${verdict?.summary ?? 'The worker has no verdict.'}`, ...checks].join('\n  ');
    })
    .join('\n');
}
