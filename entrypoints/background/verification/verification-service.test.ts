import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import type { VerdictState } from '../../../lib/verdict/states';
import type { Verdict } from '../../../lib/verdict/types';
import type { VerifySnippetParameters } from '../../../lib/verifiers/verify-snippet';
import { stateColors } from '../toolbar/badge';
import type { PageProof } from '../../../lib/extract/page-proof';
import { MissingTextError } from '../messaging/errors';
import { sessionKeys } from './session-records';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TrustState } from './trust-state';
import { createVerificationService, type ContentSender, type CreateVerificationServiceParameters } from './verification-service';

/**
 * The worker's logic against a storage area that outlives it: a "restart"
 * is a new service over the same storage, as when MV3 stops the worker and
 * the next event starts it again. Its timers fire only when a test runs them
 * (vi.waitFor with interval 0 moves the fake clock by nothing).
 */
function setUp() {
  const storage = fakeBrowser.storage.session;
  /** The state each snippet text verifies to; verified when not named. */
  const outcomes = new Map<string, VerdictState>();
  let clock = 1_000_000;
  let trust: TrustState = { config: defaultTrustConfig, provenance: {}, managed: undefined, user: undefined, stamp: 'trust-1' };
  const notified: { tabId: number; id: string; state: VerdictState }[] = [];
  /** What the service told the history of, as tab, proof and state. */
  const settled: string[] = [];
  const badges = new Map<number, { text: string; color: string } | null>();
  /** The document each tab shows, as the browser would say. */
  const shownDocuments = new Map<number, string>();
  const alarm = { running: false, start: vi.fn(), stop: vi.fn() };
  alarm.start.mockImplementation(async () => void (alarm.running = true));
  alarm.stop.mockImplementation(async () => void (alarm.running = false));
  const verify = vi.fn(async ({ shownText }: VerifySnippetParameters): Promise<Verdict> => verdictOf(outcomes.get(shownText) ?? 'verified', shownText));

  const start = (overrides: Partial<CreateVerificationServiceParameters> = {}) => {
    // A stopped worker's timers never fire.
    vi.clearAllTimers();
    return createVerificationService({
      storage,
      trust: async () => trust,
      createChains: () => ({ reader: () => undefined }),
      notifyTab: async (tabId, { id, verdict }) => void notified.push({ tabId, id, state: verdict.state }),
      showBadge: async (tabId, badge) => void badges.set(tabId, badge && { text: badge.text, color: badge.color }),
      recheck: alarm,
      isShownDocument: async (tabId, documentId) => shownDocuments.get(tabId) === documentId,
      onVerdicts: (verdicts) => settled.push(...verdicts.map(({ tabId, proof, verdict }) => `${tabId}:${proof.id}:${verdict.state}`)),
      verify,
      now: () => clock,
      ...overrides,
    });
  };

  /**
   * Runs the passes the service started until `promise` settles: due timers
   * fire at each check, and Web Crypto's hashing (real, not a timer) finishes
   * between checks.
   */
  const run = async <result>(promise: Promise<result>): Promise<result> => {
    let done = false;
    void promise.finally(() => (done = true)).catch(() => undefined);
    await vi.waitFor(
      () => {
        vi.runOnlyPendingTimers();
        expect(done, 'the service is still working').toBe(true);
      },
      { interval: 0 },
    );
    return promise;
  };
  /** Runs the service's own work (no promise of it to wait for) until `check` holds. */
  const until = (check: () => void) => run(vi.waitFor(check, { interval: 0 }));
  /** A few turns of the event loop, the timers firing as they fall due: time for work that should not happen to show. */
  const idle = async () => {
    for (let turn = 0; turn < 5; turn += 1) await vi.runAllTimersAsync();
  };
  /** What the session area holds, by key. */
  const stored = () => storage.get(null);

  return {
    stored,
    outcomes,
    notified,
    settled,
    badges,
    shownDocuments,
    alarm,
    verify,
    start,
    run,
    until,
    idle,
    advance: (ms: number) => void (clock += ms),
    setTrust: (stamp: string) => void (trust = { ...trust, stamp }),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

const tab = (tabId: number, documentId = `doc-${tabId}`): ContentSender => ({ tabId, frameId: 0, documentId, prerendering: false });
const request = (proofs: PageProof[], { pageUrl = 'https://news.example/story', notChecked = 0 } = {}) => ({ pageUrl, proofs, notChecked });
const statesOf = (answer: { verdicts: { id: string; verdict: Verdict }[] }) => Object.fromEntries(answer.verdicts.map(({ id, verdict }) => [id, verdict.state]));

describe('verify-proofs', () => {
  it("answers every proof, lists them as the tab's, and badges the tab", async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of b.', 'invalid');
    const answer = service.verifyProofs(request([referenceProof('a'), referenceProof('b')]), tab(1));
    // Its timers wait for run(): the pass has not started when the tab is listed and badged.
    await vi.waitFor(() => expect(world.badges.get(1)).toBeDefined(), { interval: 0 });
    // Listed before the pass ends: the popup shows them as being checked.
    expect((await service.tabState(1)).proofs).toEqual([
      { id: 'a', form: 'text', excerpt: 'Text of a.' },
      { id: 'b', form: 'text', excerpt: 'Text of b.' },
    ]);
    expect(world.badges.get(1)).toEqual({ text: '2', color: '#e2e8f0' });
    expect(statesOf(await world.run(answer))).toEqual({ a: 'verified', b: 'invalid' });
    const state = await service.tabState(1);
    expect(state).toMatchObject({ url: 'https://news.example/story', notChecked: 0 });
    expect(state.proofs.map((proof) => proof.verdict?.state)).toEqual(['verified', 'invalid']);
    expect(world.badges.get(1)).toEqual({ text: '2', color: stateColors('invalid').color });
    expect(world.notified).toEqual([]);
  });

  it('verifies the same snippet in several tabs once', async () => {
    const world = setUp();
    const service = world.start();
    const proof = referenceProof('p1');
    const answers = await world.run(
      Promise.all([
        service.verifyProofs(request([proof]), tab(1)),
        service.verifyProofs(request([{ ...proof, id: 'other-id' }]), tab(2)),
      ]),
    );
    expect(answers.map(statesOf)).toEqual([{ p1: 'verified' }, { 'other-id': 'verified' }]);
    expect(world.verify).toHaveBeenCalledTimes(1);
    // Both tabs heard it in their answers: no one needs telling.
    expect(world.notified).toEqual([]);
    // And a third tab later is answered from the cache.
    await world.run(service.verifyProofs(request([proof]), tab(3)));
    expect(world.verify).toHaveBeenCalledTimes(1);
  });

  it('checks a cached verdict again once it is old, and an unavailable one sooner', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of down.', 'unavailable');
    await world.run(service.verifyProofs(request([referenceProof('up'), referenceProof('down')]), tab(1)));
    world.advance(2 * 60_000);
    await world.run(service.verifyProofs(request([referenceProof('up'), referenceProof('down')]), tab(1)));
    expect(world.verify.mock.calls.map(([parameters]) => parameters.shownText)).toEqual(['Text of up.', 'Text of down.', 'Text of down.']);
    world.advance(31 * 60_000);
    await world.run(service.verifyProofs(request([referenceProof('up')]), tab(1)));
    expect(world.verify).toHaveBeenCalledTimes(4);
  });

  it("lists a frame's proofs as the tab's, under ids of the frame, beside the page's own", async () => {
    const world = setUp();
    const service = world.start();
    const inFrame = { ...tab(1, 'F1'), frameId: 3 };
    const answer = await world.run(service.verifyProofs(request([referenceProof('p0')], { pageUrl: 'https://widgets.example/embed' }), inFrame));
    // The frame is answered by its own ids.
    expect(statesOf(answer)).toEqual({ p0: 'verified' });
    await world.run(service.verifyProofs(request([referenceProof('p0')]), tab(1, 'D1')));
    expect(await service.tabState(1)).toMatchObject({
      url: 'https://news.example/story',
      // The page's own first, whichever arrived first.
      proofs: [
        { id: 'p0', verdict: { state: 'verified' } },
        { id: 'f3.p0', frameUrl: 'https://widgets.example/embed', verdict: { state: 'verified' } },
      ],
    });
    expect((await service.tabState(1)).proofs[0]).not.toHaveProperty('frameUrl');
    expect(world.badges.get(1)?.text).toBe('2');

    // The frame forgets its proof; the page's stays.
    await service.forgetProofs(['p0'], inFrame);
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['p0']);
  });

  it('applies a forget after the verify sent before it, however long that takes to list', async () => {
    const world = setUp();
    const service = world.start();
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1)));
    // Sent one after the other, as a page that shows a proof and takes it away at once.
    const verified = service.verifyProofs(request([referenceProof('b')]), tab(1));
    const forgotten = service.forgetProofs(['b'], tab(1));
    await world.run(Promise.all([verified, forgotten]));
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['a']);
    expect(world.badges.get(1)?.text).toBe('1');
  });

  it("drops a frame's proofs when the frame loads another document, and when it is gone from the tab", async () => {
    const world = setUp();
    const frames = new Map<number, string>([[0, 'D1'], [3, 'F1'], [4, 'G1']]);
    const service = world.start({ liveFrames: async () => frames });
    await world.run(service.verifyProofs(request([referenceProof('p0')]), tab(1, 'D1')));
    await world.run(service.verifyProofs(request([referenceProof('p0')]), { ...tab(1, 'F1'), frameId: 3 }));
    await world.run(service.verifyProofs(request([referenceProof('p0')]), { ...tab(1, 'G1'), frameId: 4 }));
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['p0', 'f3.p0', 'f4.p0']);

    await service.frameCommitted({ tabId: 1, frameId: 3, documentId: 'F2' });
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['p0', 'f4.p0']);

    // Taken out of the page: the browser no longer lists the frame.
    frames.delete(4);
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['p0']);
    expect(world.badges.get(1)?.text).toBe('1');
  });

  it('merges later proofs of the same document, and starts afresh for a new one', async () => {
    const world = setUp();
    const service = world.start();
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1, 'D1')));
    await world.run(service.verifyProofs(request([referenceProof('b')], { notChecked: 2 }), tab(1, 'D1')));
    expect(await service.tabState(1)).toMatchObject({ notChecked: 2, proofs: [{ id: 'a' }, { id: 'b' }] });
    await world.run(service.documentCommitted({ tabId: 1, url: 'https://news.example/next', documentId: 'D2' }));
    // A late message from the document the tab left is answered, not listed.
    await world.run(service.verifyProofs(request([referenceProof('c')]), tab(1, 'D1')));
    expect(await service.tabState(1)).toEqual({ url: 'https://news.example/next', notChecked: 0, proofs: [] });
    await world.run(service.verifyProofs(request([referenceProof('d')], { pageUrl: 'https://news.example/next' }), tab(1, 'D2')));
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['d']);
  });

  it('lists the proofs of a page back from the back/forward cache, whether it or the navigation is heard first', async () => {
    const world = setUp();
    const service = world.start();
    const ids = async () => (await service.tabState(1)).proofs.map((proof) => proof.id);
    const navigate = async (documentId: string, url: string) => {
      world.shownDocuments.set(1, documentId);
      await service.documentCommitted({ tabId: 1, url, documentId });
    };
    await navigate('D1', 'https://news.example/story');
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1, 'D1')));
    await navigate('D2', 'https://news.example/next');
    // A late message from the page left, now in the cache: answered, not listed.
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1, 'D1')));
    expect(await ids()).toEqual([]);

    // Back, and the page sends its proofs again before the worker hears of the navigation.
    world.shownDocuments.set(1, 'D1');
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1, 'D1')));
    expect(await service.tabState(1)).toMatchObject({ url: 'https://news.example/story', proofs: [{ id: 'a', verdict: { state: 'verified' } }] });
    expect(world.badges.get(1)).toEqual({ text: '1', color: stateColors('verified').color });
    // The navigation, heard late, names the document the record is of: nothing is lost.
    await service.documentCommitted({ tabId: 1, url: 'https://news.example/story', documentId: 'D1' });
    expect(await ids()).toEqual(['a']);

    // The usual order: the navigation back, then the page's proofs.
    await navigate('D2', 'https://news.example/next');
    await navigate('D1', 'https://news.example/story');
    expect(await ids()).toEqual([]);
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1, 'D1')));
    expect(await ids()).toEqual(['a']);
  });
});

describe('a worker restart', () => {
  it('answers a repeated request, the popup and the inspector from what was stored', async () => {
    const world = setUp();
    const first = world.start();
    const proofs = [referenceProof('a'), referenceProof('b')];
    const answered = await world.run(first.verifyProofs(request(proofs), tab(1)));

    const restarted = world.start();
    expect(await world.run(restarted.verifyProofs(request(proofs), tab(1)))).toEqual(answered);
    expect(world.verify).toHaveBeenCalledTimes(2);
    expect((await restarted.tabState(1)).proofs.map((proof) => proof.verdict?.state)).toEqual(['verified', 'verified']);
    expect(await restarted.proofDetails(1, 'b')).toEqual({
      pageUrl: 'https://news.example/story',
      proof: proofs[1],
      verdict: answered.verdicts[1]!.verdict,
    });
    expect(await restarted.proofDetails(1, 'nope')).toBeNull();
    expect((await restarted.tabState(1)).proofs).toHaveLength(2);
  });

  it('finishes a pass the stop cut off, and tells the tab', async () => {
    const world = setUp();
    const stopped = world.start();
    // The worker stops while the pass is collecting: it never runs.
    void stopped.verifyProofs(request([referenceProof('a')]), tab(1)).catch(() => undefined);
    await vi.waitFor(() => expect(world.alarm.running).toBe(true), { interval: 0 });
    expect(world.verify).not.toHaveBeenCalled();

    const restarted = world.start();
    // The alarm wakes the new worker: the proof is verified from what was stored.
    await world.run(restarted.recheck());
    expect(world.verify).toHaveBeenCalledTimes(1);
    expect(world.notified).toEqual([{ tabId: 1, id: 'a', state: 'verified' }]);
    expect((await restarted.tabState(1)).proofs[0]?.verdict?.state).toBe('verified');
    // Nothing left to do: the next tick stops the alarm.
    await world.run(restarted.recheck());
    expect(world.alarm.running).toBe(false);
  });

  it('also resumes when the popup asks first', async () => {
    const world = setUp();
    void world.start().verifyProofs(request([referenceProof('a')]), tab(1)).catch(() => undefined);
    await vi.waitFor(() => expect(world.alarm.running).toBe(true), { interval: 0 });
    const restarted = world.start();
    expect((await restarted.tabState(1)).proofs[0]?.verdict).toBeUndefined();
    await world.until(() => expect(world.notified).toHaveLength(1));
    expect(world.verify).toHaveBeenCalledTimes(1);
    expect(world.notified).toEqual([{ tabId: 1, id: 'a', state: 'verified' }]);
    // Asking again while it runs or after does not verify twice.
    await restarted.tabState(1);
    await world.idle();
    expect(world.verify).toHaveBeenCalledTimes(1);
  });
});

describe('pending verdicts', () => {
  it('are checked again by the alarm until final, and each tab that shows one is told', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of p.', 'pending');
    const proof = referenceProof('p');
    await world.run(service.verifyProofs(request([proof]), tab(1)));
    await world.run(service.verifyProofs(request([{ ...proof, id: 'p-in-tab-2' }]), tab(2)));
    expect(world.alarm.running).toBe(true);

    // Still pending at the first tick: no one is told anything new.
    await world.run(service.recheck());
    expect(world.verify).toHaveBeenCalledTimes(2);
    expect(world.notified).toEqual([]);

    world.outcomes.set('Text of p.', 'verified');
    await world.run(world.start().recheck());
    expect(world.verify).toHaveBeenCalledTimes(3);
    expect(world.notified).toEqual([
      { tabId: 1, id: 'p', state: 'verified' },
      { tabId: 2, id: 'p-in-tab-2', state: 'verified' },
    ]);
    expect(world.badges.get(2)?.color).toBe(stateColors('verified').color);
    await world.run(service.recheck());
    expect(world.alarm.running).toBe(false);
  });
});

describe('the trust configuration changing', () => {
  it('voids every verdict made under the old one, verifies again and tells the tabs', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of a.', 'untrusted');
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1)));

    world.setTrust('trust-2');
    world.outcomes.set('Text of a.', 'verified');
    expect((await service.tabState(1)).proofs[0]?.verdict).toBeUndefined();
    await world.run(service.trustChanged());
    await world.until(() => expect(world.notified).toHaveLength(1));
    expect(world.verify).toHaveBeenCalledTimes(2);
    expect(world.notified).toEqual([{ tabId: 1, id: 'a', state: 'verified' }]);
    expect((await service.tabState(1)).proofs[0]?.verdict?.state).toBe('verified');
  });
});

describe('the inspector', () => {
  it('verifies one proof again, ignoring the cache, and the tab hears of a change', async () => {
    const world = setUp();
    const service = world.start();
    await world.run(service.verifyProofs(request([referenceProof('a')]), tab(1)));
    world.outcomes.set('Text of a.', 'invalid');
    expect(await world.run(service.verifyAgain(1, 'a'))).toMatchObject({ verdict: { state: 'invalid' } });
    expect(world.verify).toHaveBeenCalledTimes(2);
    expect(world.notified).toEqual([{ tabId: 1, id: 'a', state: 'invalid' }]);
    expect(await service.verifyAgain(1, 'missing')).toBeNull();
    expect(await service.verifyAgain(99, 'a')).toBeNull();
  });
});

describe('forgetting', () => {
  const proofRecords = async (world: ReturnType<typeof setUp>) =>
    Object.keys(await world.stored())
      .filter((key) => key.startsWith('verity.proof.'))
      .sort();

  it('drops proofs that left the page, keeping the records no tab shows among the recent ones', async () => {
    const world = setUp();
    const service = world.start();
    const shared = referenceProof('shared');
    await world.run(service.verifyProofs(request([shared, referenceProof('own')]), tab(1)));
    await world.run(service.verifyProofs(request([shared]), tab(2)));
    expect(await proofRecords(world)).toHaveLength(2);

    await service.forgetProofs(['own'], tab(1));
    expect((await service.tabState(1)).proofs.map((proof) => proof.id)).toEqual(['shared']);
    expect((await world.stored())[sessionKeys.recent]).toHaveLength(1);

    // A forget from a subframe or from another document changes nothing.
    await service.forgetProofs(['shared'], { ...tab(1), frameId: 2 });
    await service.forgetProofs(['shared'], tab(1, 'elsewhere'));
    expect((await service.tabState(1)).proofs).toHaveLength(1);

    await service.tabRemoved(1);
    await service.documentCommitted({ tabId: 2, url: 'https://other.example/', documentId: 'new' });
    expect(world.badges.get(2)).toBeNull();
    await service.tabRemoved(2);
    const stored = await world.stored();
    expect(stored[sessionKeys.tabIndex]).toEqual([]);
    expect((stored[sessionKeys.recent] as [string, number][]).map(([key]) => `verity.proof.${key}`).sort()).toEqual(await proofRecords(world));
    expect(await proofRecords(world)).toHaveLength(2);
  });

  it('answers a reloaded page, and the same proof in a new tab, from the verdicts kept, without verifying again', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of b.', 'invalid');
    const page = [referenceProof('a'), referenceProof('b')];
    await world.run(service.verifyProofs(request(page), tab(1, 'D1')));
    expect(world.verify).toHaveBeenCalledTimes(2);

    // A reload: a new document in the same tab, its proofs sent again.
    await service.documentCommitted({ tabId: 1, url: 'https://news.example/story', documentId: 'D2' });
    expect(statesOf(await world.run(service.verifyProofs(request(page), tab(1, 'D2'))))).toEqual({ a: 'verified', b: 'invalid' });
    // The tab closed, and the story opened in another, after a worker stop.
    await service.tabRemoved(1);
    const restarted = world.start();
    expect(statesOf(await world.run(restarted.verifyProofs(request(page), tab(2))))).toEqual({ a: 'verified', b: 'invalid' });
    expect(world.verify).toHaveBeenCalledTimes(2);
    // Listed by a tab again, they are no longer among the recent ones.
    expect((await world.stored())[sessionKeys.recent]).toEqual([]);
  });

  it('keeps nothing an incognito tab showed once it no longer shows it', async () => {
    const world = setUp();
    const service = world.start();
    await world.run(service.verifyProofs(request([referenceProof('private')]), { ...tab(1), incognito: true }));
    await world.run(service.verifyProofs(request([referenceProof('public')]), tab(2)));
    await service.tabRemoved(1);
    await service.tabRemoved(2);
    const stored = await world.stored();
    expect(stored[sessionKeys.recent]).toHaveLength(1);
    expect(Object.values(stored).some((value) => JSON.stringify(value).includes('Text of private.'))).toBe(false);
  });

  it('keeps no record of a proof left without a final verdict', async () => {
    const world = setUp();
    const service = world.start();
    // Listed, its pass cut off by a worker stop: no verdict stored.
    const listed = service.verifyProofs(request([referenceProof('a')]), tab(1));
    await vi.waitFor(() => expect(world.badges.get(1)).toBeDefined(), { interval: 0 });
    void listed.catch(() => undefined);
    const restarted = world.start();
    await restarted.tabRemoved(1);
    expect(await proofRecords(world)).toEqual([]);
    expect((await world.stored())[sessionKeys.recent]).toEqual([]);
  });
});

describe('tabVerdicts', () => {
  it('verifies the proofs of a tab that have no verdict yet, and waits for them', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of b.', 'altered');
    // Listed, but their pass cut off (a worker stop): no verdict stored.
    const listed = service.verifyProofs(request([referenceProof('a'), referenceProof('b')]), tab(1));
    await vi.waitFor(() => expect(world.badges.get(1)).toBeDefined(), { interval: 0 });
    const restarted = world.start();
    const verdicts = await world.run(restarted.tabVerdicts(1));
    expect(verdicts).toMatchObject({ url: 'https://news.example/story', documentId: 'doc-1', notChecked: 0 });
    expect(verdicts!.proofs.map(({ proof, verdict, input }) => [proof.id, verdict.state, input?.shownText])).toEqual([
      ['a', 'verified', 'Text of a.'],
      ['b', 'altered', 'Text of b.'],
    ]);
    void listed.catch(() => undefined);
    // Asked again, it answers from what was stored.
    const calls = world.verify.mock.calls.length;
    expect((await restarted.tabVerdicts(1))!.proofs).toHaveLength(2);
    expect(world.verify).toHaveBeenCalledTimes(calls);
    expect(await restarted.tabVerdicts(99)).toBeUndefined();
  });
});

describe('verifyStandalone', () => {
  it('verifies a proof of no tab once however often it is asked at a time, and keeps nothing', async () => {
    const world = setUp();
    const service = world.start();
    const { id: _id, ...input } = referenceProof('shared');
    const verdicts = await world.run(Promise.all([service.verifyStandalone(input), service.verifyStandalone(input)]));
    expect(verdicts.map((verdict) => verdict.state)).toEqual(['verified', 'verified']);
    expect(world.verify).toHaveBeenCalledTimes(1);
    expect(await world.stored()).toEqual({});
    expect(world.settled).toEqual([]);
  });

  it('refuses a proof without the text it is for, rather than call it altered', async () => {
    const world = setUp();
    const { id: _id, ...input } = referenceProof('bare', { text: '' });
    await expect(world.start().verifyStandalone(input)).rejects.toThrow(MissingTextError);
    expect(world.verify).not.toHaveBeenCalled();
  });

  it("answers from a tab's stored verdict for the same proof", async () => {
    const world = setUp();
    const service = world.start();
    const proof = referenceProof('p1');
    await world.run(service.verifyProofs(request([proof]), tab(1)));
    const { id: _id, ...input } = proof;
    expect((await world.run(service.verifyStandalone(input))).state).toBe('verified');
    expect(world.verify).toHaveBeenCalledTimes(1);
  });
});

describe('onVerdicts', () => {
  it('tells the history of final verdicts of listed proofs, fresh or cached, and of a pending one once it settles', async () => {
    const world = setUp();
    const service = world.start();
    world.outcomes.set('Text of slow.', 'pending');
    await world.run(service.verifyProofs(request([referenceProof('fast'), referenceProof('slow')]), tab(1)));
    expect(world.settled).toEqual(['1:fast:verified']);
    // Another tab answered from the cache is told too, and so is a frame's proof, by its id in the tab; a prerendered page's are nobody's.
    await world.run(service.verifyProofs(request([referenceProof('fast')]), tab(2)));
    await world.run(service.verifyProofs(request([referenceProof('fast')]), { ...tab(3), frameId: 2 }));
    await world.run(service.verifyProofs(request([referenceProof('fast')]), { ...tab(4), prerendering: true }));
    expect(world.settled).toEqual(['1:fast:verified', '2:fast:verified', '3:f2.fast:verified']);
    world.outcomes.set('Text of slow.', 'verified');
    await world.run(service.recheck());
    expect(world.settled).toEqual(['1:fast:verified', '2:fast:verified', '3:f2.fast:verified', '1:slow:verified']);
  });
});

