import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import { readerReasonOf } from '../../../lib/verdict/reader-reason';
import type { VerifySnippetParameters } from '../../../lib/verifiers/verify-snippet';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import { reportSchema } from '../../../lib/report/schema';
import { publishedReportValidator } from '../../../test/report-json-schema';
import { createSelectionService } from '../selection/selection-service';
import { createTabBudgets, overBudgetVerdict, proofsOverStorage, type TabBudget } from './tab-budget';
import { createTabReport } from './tab-report';
import { createVerificationService, type ContentSender } from './verification-service';

beforeEach(() => fakeBrowser.reset());

const budget: TabBudget = { storedBytes: 1_000, verificationBurst: 3, verificationsPerSecond: 2, rewriteBurst: 2, rewritesPerSecond: 1, inFlight: 2 };

describe('createTabBudgets', () => {
  it('lets a tab start a burst of verifications, then a few a second, each tab on its own', () => {
    let clock = 0;
    const budgets = createTabBudgets({ now: () => clock, budget });
    expect([1, 2, 3, 4].map(() => budgets.takeVerification(1))).toEqual([true, true, true, false]);
    expect(budgets.takeVerification(2)).toBe(true);
    clock += 500;
    expect([budgets.takeVerification(1), budgets.takeVerification(1)]).toEqual([true, false]);
    budgets.tabRemoved(1);
    expect(budgets.takeVerification(1)).toBe(true);
  });

  it('lets a tab rewrite each proof only a few times, while its other proofs still come out of the whole rate', () => {
    const budgets = createTabBudgets({ now: () => 0, budget });
    expect([1, 2, 3].map(() => budgets.takeVerification(1, { rewriteOf: '0:p0' }))).toEqual([true, true, false]);
    // Another proof's first rewrite (a page re-rendering all its snippets once) is not held against it.
    expect(budgets.takeVerification(1, { rewriteOf: '0:p1' })).toBe(true);
    expect(budgets.takeVerification(1)).toBe(false);
  });

  it('starts a tab’s rewrites afresh with its rate when it shows a new document', () => {
    const budgets = createTabBudgets({ now: () => 0, budget: { ...budget, verificationBurst: 10 } });
    expect([1, 2, 3].map(() => budgets.takeVerification(1, { rewriteOf: '0:p0' }))).toEqual([true, true, false]);
    expect(budgets.takeVerification(2, { rewriteOf: '0:p0' })).toBe(true);
    budgets.tabRemoved(1);
    expect(budgets.takeVerification(1, { rewriteOf: '0:p0' })).toBe(true);
  });

  it('runs at most its share of a tab’s verifications at once, and another tab’s beside them', async () => {
    const budgets = createTabBudgets({ now: () => 0, budget });
    const running = new Set<string>();
    const release = new Map<string, () => void>();
    const task = (name: string) => () => {
      running.add(name);
      return new Promise<void>((resolve) => release.set(name, () => (running.delete(name), resolve())));
    };
    const done = [...['a', 'b', 'c'].map((name) => budgets.inFlight(1, task(name))), budgets.inFlight(2, task('other'))];
    await vi.waitFor(() => expect([...running].toSorted()).toEqual(['a', 'b', 'other']));
    release.get('a')!();
    await vi.waitFor(() => expect([...running].toSorted()).toEqual(['b', 'c', 'other']));
    for (const name of ['b', 'c', 'other']) release.get(name)!();
    await Promise.all(done);
  });
});

describe('proofsOverStorage', () => {
  it('refuses the proofs past the tab’s bytes in the order sent, counting a proof sent again once and refused ones not at all', () => {
    const before = { url: 'https://x.example/', notChecked: 0, proofs: [
      { id: 'p0', form: 'text' as const, excerpt: '', key: 'k0', bytes: 600 },
      { id: 'p1', form: 'text' as const, excerpt: '', key: 'k1', bytes: 900, refused: 'storage' as const },
    ] };
    expect(proofsOverStorage(before, [{ id: 'p2', bytes: 300 }, { id: 'p3', bytes: 200 }], 1_000)).toEqual(new Set(['p3']));
    expect(proofsOverStorage(before, [{ id: 'p0', bytes: 700 }, { id: 'p3', bytes: 300 }], 1_000)).toEqual(new Set());
  });
});

describe('a tab over its budget', () => {
  const tab = (tabId: number): ContentSender => ({ tabId, frameId: 0, documentId: `doc-${tabId}`, prerendering: false });
  const start = () => {
    const verify = vi.fn(async ({ shownText }: VerifySnippetParameters) => verdictOf('verified', shownText));
    const service = createVerificationService({
      storage: fakeBrowser.storage.session,
      trust: async () => ({ config: defaultTrustConfig, provenance: {}, managed: undefined, user: undefined, stamp: 'trust-1' }),
      createChains: () => ({ reader: () => undefined }),
      notifyTab: async () => undefined,
      showBadge: async () => undefined,
      recheck: { start: async () => undefined, stop: async () => undefined },
      verify,
      setTimer: (callback) => {
        queueMicrotask(callback);
        return () => undefined;
      },
      now: () => 0,
      budget,
    });
    return { service, verify };
  };
  const request = (proofs: ReturnType<typeof referenceProof>[]) => ({ pageUrl: 'https://x.example/', notChecked: 0, proofs });
  const states = (answer: { verdicts: { id: string; verdict: { state: string } }[] }) => answer.verdicts.map(({ id, verdict }) => `${id}:${verdict.state}`);

  it('shows the proofs past its stored bytes unavailable with why, keeps none of them, and leaves other tabs be', async () => {
    const { service } = start();
    const big = (id: string) => referenceProof(id, { text: `${id} ${'words '.repeat(25)}` });
    const answer = await service.verifyProofs(request([big('p0'), big('p1'), big('p2')]), tab(1));
    expect(states(answer)).toEqual(['p0:verified', 'p1:verified', 'p2:unavailable']);
    expect(readerReasonOf(answer.verdicts[2]!.verdict)).toMatch(/more of Verity than one tab may.*Other tabs are unaffected/);
    // The popup lists what the page holds: all three, the refused one unavailable.
    expect((await service.tabState(1)).proofs.map((proof) => `${proof.id}:${proof.verdict?.state}:${proof.kept ?? 'kept'}`)).toEqual(['p0:verified:kept', 'p1:verified:kept', 'p2:unavailable:false']);
    const kept = Object.values(await fakeBrowser.storage.session.get(null)).filter((value) => typeof value === 'object' && value !== null && 'input' in value);
    expect(kept).toHaveLength(2);
    expect(states(await service.verifyProofs(request([big('q0'), big('q1')]), tab(2)))).toEqual(['q0:verified', 'q1:verified']);
  });

  it('answers a proof rewritten faster than its rate unavailable, without verifying it, and keeps that for the popup', async () => {
    const { service, verify } = start();
    const storm = [0, 1, 2, 3, 4].map((version) => referenceProof('p0', { text: `Version ${version} of the text.` }));
    const answers = [];
    for (const proof of storm) answers.push(states(await service.verifyProofs(request([proof]), tab(1))));
    // The first text, then two rewrites (the rewrites' burst); the rest wait for the rate.
    expect(answers.flat()).toEqual(['p0:verified', 'p0:verified', 'p0:verified', 'p0:unavailable', 'p0:unavailable']);
    expect(verify).toHaveBeenCalledTimes(3);
    expect((await service.tabState(1)).proofs).toMatchObject([{ id: 'p0', verdict: { state: 'unavailable', checks: [{ id: 'tab-budget' }] } }]);
    // Another tab's first proofs are checked as ever, and so are this tab's once it shows a new document.
    expect(states(await service.verifyProofs(request([referenceProof('q0')]), tab(2)))).toEqual(['q0:verified']);
    await service.documentCommitted({ tabId: 1, url: 'https://x.example/', documentId: 'doc-1b' });
    const next = referenceProof('p0', { text: 'Version 5 of the text.' });
    expect(states(await service.verifyProofs(request([next]), { ...tab(1), documentId: 'doc-1b' }))).toEqual(['p0:verified']);
  });

  it('leaves no proof refused for storage out of selection checks or reports, and calls each unavailable', async () => {
    const { service } = start();
    const big = (id: string, words: string) => referenceProof(id, { text: `${words} ${'filler '.repeat(15)}` });
    await service.verifyProofs(request([big('p0', 'Alpha beta gamma delta.'), big('p1', 'Epsilon zeta eta theta.'), big('p2', 'Iota kappa lambda mu.'), big('p3', 'Alpha beta gamma delta.')]), tab(1));
    const selection = createSelectionService({
      storage: fakeBrowser.storage.session,
      service,
      readSelection: async () => ({ text: 'Iota kappa lambda mu.', within: ['p2'] }),
      showSelectionCheck: async () => undefined,
      now: () => 0,
    });
    // Before: "no proof on this page signs it" (p2 was left out of the tab's verdicts).
    const check = await selection.verifySelection({ tabId: 1, frameId: 0 });
    expect(check).toMatchObject({ outcome: 'not-checked', state: 'unavailable', confidence: 0 });
    expect(check.summary).toMatch(/more proof data than Verity keeps for one tab.*other tabs are unaffected/i);
    expect(check.citation).toBeUndefined();

    const report = await createTabReport({ service, version: '1.0.0', now: () => 0 })(1);
    expect(reportSchema.parse(report)).toBeTruthy();
    // Before: p2 was left out, and p3 (refused too, but p0's proof under the same key) called verified.
    expect(report!.summary).toMatchObject({ snippets: 4, counts: { verified: 2, unavailable: 2 } });
    expect(report!.snippets[2]).toMatchObject({ index: 2, form: 'text', state: 'unavailable', raw: null, envelope: null, checks: [{ id: 'tab-budget', ok: null }] });
    expect(report!.snippets[3]).toMatchObject({ index: 3, state: 'unavailable', raw: null });
    expect(publishedReportValidator()(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect((await createTabReport({ service, version: '1.0.0', now: () => 0 })(1, 'p2'))!.snippets).toMatchObject([{ index: 2, state: 'unavailable' }]);
  });

  it('never calls a refused proof anything but unavailable', () => {
    for (const refusal of ['storage', 'rate'] as const) expect(overBudgetVerdict(refusal, 'text')).toMatchObject({ state: 'unavailable', confidence: 0 });
  });
});
