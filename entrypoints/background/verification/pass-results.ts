import type { Verdict } from '../../../lib/verdict/types';
import type { TabRecord } from './session-records';
import type { ShowTabBadges } from './tab-badges';
import type { TabVerdict } from './tab-answers';
import type { TabRecords } from './tab-records';
import type { VerdictCache } from './verdict-cache';
import type { PassResult, PassTrust } from './verification-passes';

export type CreatePassResultsHandlerParameters = {
  records: Pick<TabRecords, 'keepVerdicts'>;
  cache: Pick<VerdictCache, 'shown'>;
  showBadges: ShowTabBadges;
  /** Tells a tab's content script (top frame) of a newer verdict; may fail when the tab has none. */
  notifyTab: (tabId: number, update: { id: string; verdict: Verdict }) => Promise<void>;
  /** Told of the final (not pending) verdicts of tabs' proofs, for the history. */
  onVerdicts: (verdicts: TabVerdict[]) => void;
  /** Started when a verdict is pending, for the alarm to check it again. */
  recheck: { start(): Promise<void> };
  onError: (error: unknown) => void;
  now: () => number;
};

/** The verification passes' onPass hook (see createVerificationPasses). */
export type PassResultsHandler = (results: PassResult[], passTrust: PassTrust) => Promise<void>;

export type CreatePassResultsHandlerReturnType = PassResultsHandler;

/**
 * What becomes of a pass's verdicts, before anyone waiting hears one: each
 * is kept, the tabs that show the proof and did not ask are told (when it
 * differs from what they show), the history hears of final ones, the tabs'
 * badges are set, and the recheck starts while any is pending.
 */
export function createPassResultsHandler({
  records,
  cache,
  showBadges,
  notifyTab,
  onVerdicts,
  recheck,
  onError,
  now,
}: CreatePassResultsHandlerParameters): CreatePassResultsHandlerReturnType {
  return async (results, passTrust) => {
    const { tabs, previous } = await records.keepVerdicts(results, passTrust.stamp);

    const byKey = new Map(results.map((result) => [result.key, result]));
    const touched: [number, TabRecord][] = [];
    const settled: TabVerdict[] = [];
    const checkedAt = now();
    for (const [tabId, tab] of tabs) {
      let touches = false;
      for (const proof of tab.proofs) {
        const result = byKey.get(proof.key);
        if (!result) continue;
        touches = true;
        if (result.verdict.state !== 'pending') settled.push({ tabId, pageUrl: tab.url, proof, input: result.input, verdict: result.verdict, checkedAt });
        const shown = cache.shown(previous.get(proof.key), passTrust.stamp);
        if (!result.answeredTabs.has(tabId) && (!shown || differs(shown, result.verdict))) {
          notifyTab(tabId, { id: proof.id, verdict: result.verdict }).catch(onError);
        }
      }
      if (touches) touched.push([tabId, tab]);
    }
    if (settled.length > 0) onVerdicts(settled);
    await showBadges(touched, passTrust.stamp);
    if (results.some((result) => result.verdict.state === 'pending')) await recheck.start();
  };
}

/** Whether a tab showing `before` must be told of `after`. */
function differs(before: Verdict, after: Verdict): boolean {
  return before.state !== after.state || before.confidence !== after.confidence || before.summary !== after.summary;
}
