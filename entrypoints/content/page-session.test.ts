// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxShownTextScan, maxSnippetsPerPage } from '../../lib/envelope/limits';
import type { ContentMessages } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import type { Verdict } from '../../lib/verdict/types';
import { createBadgeSheet } from './badge-sheet';
import { createCardSheet } from './card-sheet';
import { createManualScheduler, type ManualScheduler } from './manual-scheduler';
import { maxBadgeReplacements } from './badge-painter';
import { readingAttempts, type RenderedTextReader } from './rendered-text';
import { startPageSession, type PageSession, type WorkerLink } from './page-session';
import { listenForContentMessages } from './content-messages';
import { verdictOf } from '../../test/fakes/verdict-fixtures';
import { FakeIntersectionObserver, FakeResizeObserver } from '../../test/fakes/observers';
import { keepShadowRoots, type KeptShadowRoots } from '../../test/fakes/shadow-roots';
import { nearMargin } from './viewport-watch';

/** The extension's messaging, as far as the content script listens to it. */
const messageListeners = vi.hoisted(() => new Set<(message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => unknown>());
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      onMessage: { addListener: (listener: never) => messageListeners.add(listener), removeListener: (listener: never) => messageListeners.delete(listener) },
    },
  },
}));

/** What the worker or the popup would send this tab; the answer the content script gives. */
function sendToContent<type extends keyof ContentMessages>(type: type, request: ContentMessages[type]['request']): unknown {
  let answer: unknown;
  for (const listener of messageListeners) listener({ type, ...request }, {}, (response) => (answer = response));
  return answer;
}

type Sent = { pageUrl: string; proofs: PageProof[]; notChecked: number };

function fakeWorker(answer: (proof: PageProof) => Verdict = () => verdictOf('verified')) {
  const sent: Sent[] = [];
  const forgotten: string[][] = [];
  const link: WorkerLink = {
    verify: vi.fn(async (request: Sent) => {
      sent.push(structuredClone(request));
      return { verdicts: request.proofs.map((proof) => ({ id: proof.id, verdict: answer(proof) })) };
    }),
    forget: vi.fn(async (ids: string[]) => {
      forgotten.push(ids);
      return { ok: true };
    }),
    openInspector: vi.fn(async () => ({ ok: true })),
    openTrustSigner: vi.fn(async () => ({ ok: true })),
    // jsdom's window is a top window: nothing is ever asked around it.
    lookAroundFrame: vi.fn(async () => ({ doubts: [] })),
    reportIntegrity: vi.fn(async () => ({ ok: true })),
  };
  return { link, sent, forgotten };
}

let manual: ManualScheduler;
let controller: AbortController;
let session: PageSession;
let roots: KeptShadowRoots;

beforeEach(() => {
  FakeIntersectionObserver.all.clear();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  manual = createManualScheduler();
  // The session's slices end on the clock as well as on work done: frozen, a slice ends on its work alone, so a test
  // gives the same slices on a loaded machine (jsdom reads a page far slower than a browser).
  vi.spyOn(performance, 'now').mockReturnValue(0);
  controller = new AbortController();
  roots = keepShadowRoots();
});

afterEach(() => {
  controller.abort();
  messageListeners.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** jsdom draws nothing: what is rendered is what is written, with a marker to tell them apart. */
const renderedAsWritten: RenderedTextReader = (element) => ({ text: `rendered:${element.id}`, complete: true, doubts: [] });

function start(html: string, worker = fakeWorker(), readRendered = renderedAsWritten) {
  document.body.innerHTML = html;
  let count = 0;
  session = startPageSession({
    signal: controller.signal,
    document,
    scheduler: manual.scheduler,
    badgeSheet: createBadgeSheet().style,
    cardSheet: createCardSheet(),
    nextId: () => `p${count++}`,
    worker: worker.link,
    messages: listenForContentMessages({ signal: controller.signal, startFor: [], start: async () => undefined }),
    readRendered,
  });
  return worker;
}

/** Lets the page's MutationObserver report, and answers arrive. */
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

const statesOf = () => [...document.querySelectorAll('verity-badge')].map((badge) => `${badge.closest('[id]')?.id}:${roots.badgeState(badge)}`);

const proofHtml = (id: string, text: string) => `<p id="${id}" data-ai-proof="{${id}}">${text}</p>`;

/** Everything the page and the worker have to do, done: changes seen, proofs sent, answers shown. */
async function settleAll() {
  for (let round = 0; round < 3; round += 1) {
    await microtasks();
    manual.settle();
  }
}

/** Proofs found, all near the viewport, sent and answered. */
async function checked() {
  manual.settle();
  FakeIntersectionObserver.reportAll(() => true);
  await settleAll();
}

const token = (digit: string) => `ai-proof:v1:og:1:0x${digit.repeat(64)}`;
const ids = (worker: { sent: Sent[] }) => worker.sent.flatMap((request) => request.proofs.map((proof) => `${proof.id}:${proof.raw}`));

describe('startPageSession', () => {
  it('finds proofs, badges them as checking, sends those near the viewport first, and shows the verdicts', async () => {
    const worker = start(proofHtml('near', 'Near text.') + proofHtml('far', 'Far text.'));
    manual.idle();
    manual.timers(100);
    manual.timers(100);
    manual.frame();
    expect(statesOf()).toEqual(['near:checking', 'far:checking']);
    expect(worker.sent).toEqual([]);

    FakeIntersectionObserver.reportAll((target) => target.id === 'near');
    manual.idle();
    expect(worker.sent[0]).toEqual({
      pageUrl: document.location.href,
      proofs: [{ id: 'p0', form: 'attribute', raw: '{near}', shownText: 'Near text.', renderedText: 'rendered:near', links: [] }],
      notChecked: 0,
    });
    await microtasks();
    manual.settle();
    await microtasks();
    manual.settle();
    expect(worker.sent.map((request) => request.proofs.map((proof) => proof.id))).toEqual([['p0'], ['p1']]);
    expect(statesOf()).toEqual(['near:verified', 'far:verified']);
  });

  it('puts the badges of a page of proofs found over several slices into the page in one write, once the scan has ended', () => {
    // More proofs than one slice hands on, so the scan takes several.
    start(Array.from({ length: 120 }, (_, index) => proofHtml(`s${index}`, `Snippet ${index}.`)).join(''));
    const counts = new Set<number>();
    manual.idle(4);
    for (let step = 0; step < 20; step += 1) {
      manual.timers(100);
      manual.frame();
      counts.add(document.querySelectorAll('verity-badge').length);
    }
    expect([...counts]).toEqual([0, 120]);
  });

  it('gives the badges the page’s colours again when the page switches its theme on <body>, not for every change below it', async () => {
    start(proofHtml('a', 'Text.'));
    await checked();
    const theme = () => document.querySelector('verity-badge')!.getAttribute('data-theme');
    const settleChange = async () => {
      await microtasks();
      manual.settle();
    };
    expect(theme()).toBe('light');
    document.getElementById('a')!.style.backgroundColor = 'rgb(17, 24, 39)';
    await settleChange();
    expect(theme()).toBe('light');
    document.body.className = 'theme-switched';
    await settleChange();
    expect(theme()).toBe('dark');
    document.getElementById('a')!.style.backgroundColor = '';
    document.body.style.backgroundColor = 'rgb(17, 24, 39)';
    await settleChange();
    expect(theme()).toBe('dark');
    document.body.style.backgroundColor = '';
    await settleChange();
    expect(theme()).toBe('light');
  });

  it('asks again, waiting longer each time, while the worker is not there', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const verify = worker.link.verify;
    let failures = 2;
    worker.link.verify = vi.fn(async (request) => {
      if (failures-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return verify(request);
    });
    start(proofHtml('a', 'Text.'), worker);
    manual.idle();
    manual.frame();
    FakeIntersectionObserver.reportAll(() => true);
    manual.idle();
    await vi.advanceTimersByTimeAsync(250);
    expect(worker.link.verify).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(worker.link.verify).toHaveBeenCalledTimes(3);
    manual.settle();
    expect(statesOf()).toEqual(['a:verified']);
  });

  it('checks a snippet again once its text was edited, and shows it as checking meanwhile', async () => {
    const worker = start(proofHtml('a', 'First words.'));
    manual.idle();
    manual.frame();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    await microtasks();
    manual.settle();
    expect(statesOf()).toEqual(['a:verified']);

    document.getElementById('a')!.firstChild!.textContent = 'Other words.';
    await microtasks();
    manual.frame();
    manual.timers();
    manual.idle();
    manual.timers();
    manual.frame();
    expect(statesOf()).toEqual(['a:checking']);
    manual.settle();
    await microtasks();
    manual.settle();
    expect(worker.sent.map((request) => request.proofs.map((proof) => proof.shownText))).toEqual([['First words.'], ['Other words.']]);
    expect(statesOf()).toEqual(['a:verified']);
  });

  it('reads a snippet in view when first watched again only when its first reading was taken out of view', async () => {
    const readings: string[] = [];
    const reader: RenderedTextReader = (element) => {
      readings.push(element.id);
      return { text: `rendered:${element.id}`, complete: true, doubts: [], ...(element.id === 'scrolled' ? { coverUntested: true as const } : {}) };
    };
    start(proofHtml('seen', 'Seen text.') + proofHtml('scrolled', 'Scrolled text.'), fakeWorker(), reader);
    manual.settle();
    // Near the viewport, so sent and read before the rendering watch's first report (in a browser they come together):
    // one read with no place in view to hit-test.
    [...FakeIntersectionObserver.all].find((observer) => observer.options.rootMargin === nearMargin)!.report(() => true);
    await settleAll();
    expect(readings.sort()).toEqual(['scrolled', 'seen']);
    FakeIntersectionObserver.reportAll(() => true);
    await settleAll();
    expect(readings.sort()).toEqual(['scrolled', 'scrolled', 'seen']);
    // Out of view and back: what changed meanwhile is read, for both.
    FakeIntersectionObserver.reportAll(() => false);
    FakeIntersectionObserver.reportAll(() => true);
    await settleAll();
    expect(readings.sort()).toEqual(['scrolled', 'scrolled', 'scrolled', 'seen', 'seen']);
  });

  it('finds proofs added later, and forgets those that leave', async () => {
    const worker = start(proofHtml('a', 'One.'));
    manual.settle();
    const added = document.createElement('section');
    added.innerHTML = proofHtml('b', 'Two.');
    document.body.append(added);
    await microtasks();
    manual.settle();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    await microtasks();
    manual.settle();
    expect(statesOf()).toEqual(['a:verified', 'b:verified']);

    document.getElementById('a')!.remove();
    await microtasks();
    manual.settle();
    await microtasks();
    expect(worker.forgotten).toEqual([['p0']]);
    expect(statesOf()).toEqual(['b:verified']);
    expect(sendToContent('reveal-proof', { id: 'p0' })).toEqual({ found: false });
  });

  it('puts back a badge the page takes off or wraps, five times, then leaves it and tells the worker the page keeps hiding it', async () => {
    const worker = start(proofHtml('a', 'Answer.') + proofHtml('b', 'Other.'));
    await checked();
    const badgeOf = (id: string) => document.querySelector(`#${id} verity-badge`);
    const hosts = [...document.querySelectorAll('verity-badge')];
    for (let round = 1; round <= maxBadgeReplacements; round += 1) {
      // Every other time the page wraps it, to fade it out, rather than taking it off.
      const host = badgeOf('a')!;
      if (round % 2 === 0) host.remove();
      else host.replaceWith(Object.assign(document.createElement('span'), { style: 'opacity: 0' }, { id: `wrap${round}` }));
      if (round % 2 === 1) document.getElementById(`wrap${round}`)!.append(host);
      await settleAll();
      expect(badgeOf('a')?.parentElement?.id, `round ${round}`).toBe('a');
    }
    expect(worker.link.reportIntegrity).not.toHaveBeenCalled();
    badgeOf('a')!.remove();
    await settleAll();
    expect(badgeOf('a')).toBeNull();
    expect(badgeOf('b')).toBe(hosts[1]);
    expect(worker.link.reportIntegrity).toHaveBeenLastCalledWith({ badgesKeptOff: 1, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] });
  });

  it('takes a badge the page keeps moving out of the page, so it vouches for nothing it was moved beside', async () => {
    const worker = start(proofHtml('a', 'Answer.') + '<p id="elsewhere">Unsigned claim.</p>');
    await checked();
    const badge = document.querySelector('#a verity-badge')!;
    for (let round = 0; round <= maxBadgeReplacements; round += 1) {
      document.getElementById('elsewhere')!.append(document.querySelector('#a verity-badge, #elsewhere verity-badge')!);
      await settleAll();
    }
    expect(badge.isConnected).toBe(false);
    expect(document.querySelectorAll('verity-badge')).toHaveLength(0);
    expect(worker.link.reportIntegrity).toHaveBeenLastCalledWith({ badgesKeptOff: 1, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] });
  });

  it('puts back, without counting, a badge whose paragraph the page redraws, however often', async () => {
    const worker = start('<div id="a" data-ai-proof="{a}"><p>Answer.</p></div>');
    await checked();
    for (let round = 0; round <= maxBadgeReplacements + 1; round += 1) {
      document.querySelector('#a p')!.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Answer.' }));
      await settleAll();
      expect(document.querySelector('#a p verity-badge'), `round ${round}`).not.toBeNull();
    }
    expect(worker.link.reportIntegrity).not.toHaveBeenCalled();
  });

  it("says nothing of look-alikes on a page without proofs, and counts and quotes them on one with proofs", async () => {
    const lookAlike = '<span title="Verified by Verity">✓</span>';
    const bare = start(`<p>Nothing signed.</p>${lookAlike}`);
    await checked();
    expect(bare.link.reportIntegrity).not.toHaveBeenCalled();
    controller.abort();
    controller = new AbortController();
    const worker = start(proofHtml('a', 'Answer.') + lookAlike);
    await checked();
    expect(worker.link.reportIntegrity).toHaveBeenLastCalledWith({ badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 1, lookAlikeWords: ['Verified by Verity'] });
  });

  it('reads a proof again when its attribute is rewritten: the old one is forgotten, the new one checked under a new id', async () => {
    const worker = start(proofHtml('a', 'Answer.'), fakeWorker((proof) => verdictOf(proof.raw === '{a}' ? 'verified' : 'invalid')));
    await checked();
    expect(statesOf()).toEqual(['a:verified']);
    const snippet = document.getElementById('a')!;

    // The same proof written again (a framework rendering anew) is the same proof.
    snippet.setAttribute('data-ai-proof', '{a}');
    await settleAll();
    expect([ids(worker), worker.forgotten]).toEqual([['p0:{a}'], []]);

    snippet.setAttribute('data-ai-proof', 'another');
    await microtasks();
    manual.frame();
    manual.idle();
    manual.timers();
    manual.frame();
    // Not the old verdict for the new proof: checking, until its own comes.
    expect(statesOf()).toEqual(['a:checking']);
    await settleAll();
    expect(worker.forgotten).toEqual([['p0']]);
    expect(ids(worker)).toEqual(['p0:{a}', 'p1:another']);
    expect(statesOf()).toEqual(['a:invalid']);
    expect(sendToContent('reveal-proof', { id: 'p0' })).toEqual({ found: false });
  });

  it('reads a proof that flickers once it is still, not at every rewrite, and shows it as checking meanwhile', async () => {
    const worker = start(proofHtml('a', 'Answer.'));
    await checked();
    const snippet = document.getElementById('a')!;
    const sentBefore = worker.sent.length;

    // Rewritten at every frame: the first rewrite is read at once, the rest wait.
    for (let frame = 0; frame < 30; frame += 1) {
      snippet.setAttribute('data-ai-proof', `flicker-${frame}`);
      await microtasks();
      manual.frame();
      manual.idle();
    }
    // Its badge's next paint: the verdict it showed was about another proof.
    manual.timers();
    manual.frame();
    expect(statesOf()).toEqual(['a:checking']);
    expect(worker.sent.length - sentBefore).toBeLessThanOrEqual(1);

    // Still now: read once more, as it stands.
    snippet.setAttribute('data-ai-proof', '{a}');
    await settleAll();
    expect(ids(worker).at(-1)).toMatch(/:{a}$/);
    expect(worker.sent.length - sentBefore).toBeLessThanOrEqual(2);
    expect(statesOf()).toEqual(['a:verified']);
  });

  it('drops the badge of a snippet that lost its proof attribute, and finds one that gained it', async () => {
    const worker = start(proofHtml('a', 'One.') + '<p id="b">Two.</p>');
    await checked();
    document.getElementById('a')!.removeAttribute('data-ai-proof');
    document.getElementById('b')!.setAttribute('data-ai-proof', '{b}');
    await settleAll();
    FakeIntersectionObserver.reportAll(() => true);
    await settleAll();
    expect(worker.forgotten).toEqual([['p0']]);
    expect(ids(worker)).toEqual(['p0:{a}', 'p1:{b}']);
    expect(statesOf()).toEqual(['b:verified']);
  });

  it('reads a proof script again when its content is rewritten', async () => {
    const entry = (version: string) => JSON.stringify({ v: version, target: '#a' });
    const worker = start(`<p id="a">Answer.</p><script type="application/ai-proof+json">${entry('one')}</script>`, fakeWorker((proof) => verdictOf(proof.raw.includes('one') ? 'verified' : 'altered')));
    await checked();
    expect(statesOf()).toEqual(['a:verified']);
    document.querySelector('script')!.textContent = entry('two');
    await settleAll();
    expect(worker.forgotten).toEqual([['p0']]);
    expect(ids(worker)).toEqual([`p0:${entry('one')}`, `p1:${entry('two')}`]);
    expect(statesOf()).toEqual(['a:altered']);
  });

  it('reads a text token again when its text node is rewritten in place, and keeps it when only the words around it change', async () => {
    const worker = start(`<p id="a">First answer. ${token('a')}</p>`);
    await checked();
    const text = document.getElementById('a')!.firstChild as Text;

    text.data = `First answer, edited. ${token('a')}`;
    await settleAll();
    expect(worker.forgotten).toEqual([]);
    expect(worker.sent.map((request) => request.proofs.map((proof) => `${proof.id}:${proof.shownText}`))).toEqual([['p0:First answer.'], ['p0:First answer, edited.']]);

    text.data = `Second answer. ${token('b')}`;
    await settleAll();
    expect(worker.forgotten).toEqual([['p0']]);
    expect(ids(worker).at(-1)).toBe(`p1:${token('b')}`);
    expect(worker.sent.at(-1)!.proofs[0]!.shownText).toBe('Second answer.');
    expect(statesOf()).toEqual(['a:verified']);
  });

  it('sends every proof again when the page is back from the back/forward cache, showing its verdicts meanwhile', async () => {
    const worker = start(proofHtml('a', 'One.') + proofHtml('b', 'Two.'));
    await checked();
    const before = worker.sent.length;
    session.restored();
    expect(statesOf()).toEqual(['a:verified', 'b:verified']);
    await settleAll();
    expect(ids({ sent: worker.sent.slice(before) })).toEqual(['p0:{a}', 'p1:{b}']);
    expect(worker.forgotten).toEqual([]);
    expect(statesOf()).toEqual(['a:verified', 'b:verified']);
  });

  it('sends what it found out while locating: a problem, and a cut-off text', async () => {
    const worker = start(`<div id="box"><script type="application/ai-proof+json">{oops</script></div>`);
    manual.settle();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    expect(worker.sent[0]!.proofs[0]).toMatchObject({ form: 'script', problem: { kind: 'unreadable', reason: expect.stringMatching(/^proof script is not valid JSON/) } });
  });

  it('does not read how the snippet of a proof with no envelope is drawn, nor watch it, and still sends it to be called malformed', async () => {
    const read: string[] = [];
    const worker = start(proofHtml('real', 'Real.') + '<p id="fake" data-ai-proof="fake-1">Fake.</p>', fakeWorker(), (element) => {
      read.push(element.id);
      return renderedAsWritten(element);
    });
    await checked();
    expect(new Set(read)).toEqual(new Set(['real']));
    expect(worker.sent.flatMap(({ proofs }) => proofs.map(({ raw, renderedText }) => `${raw}:${renderedText}`))).toEqual(['{real}:rendered:real', 'fake-1:']);
    // A class change around both: only the snippet that may hold is read again.
    read.length = 0;
    document.body.className = 'restyled';
    await settleAll();
    manual.timers(300);
    manual.idle();
    expect(read).toEqual(['real']);
  });

  it('puts the badges into the page once the cap is reached, while the scan goes on counting the proofs beyond it', () => {
    start('<i data-ai-proof="x">x</i>'.repeat(maxSnippetsPerPage + 1_000));
    // A clock that moves, so slices end on time too and the walk past the cap takes more than one.
    let clock = 0;
    vi.mocked(performance.now).mockImplementation(() => (clock += 2));
    const steps: { badges: number; scanning: boolean }[] = [];
    manual.idle(4);
    for (let step = 0; step < 400 && steps.at(-1)?.scanning !== false; step += 1) {
      manual.timers(100);
      manual.frame();
      // What is left to run then is the scan's next slice (nothing else here waits on a timer).
      steps.push({ badges: document.querySelectorAll('verity-badge').length, scanning: manual.pending().timers > 0 });
    }
    const placedAt = steps.findIndex((step) => step.badges > 0);
    const scanEndedAt = steps.findIndex((step) => !step.scanning);
    expect(steps[placedAt]!.badges).toBe(maxSnippetsPerPage);
    expect(placedAt).toBeGreaterThan(0);
    expect(placedAt).toBeLessThan(scanEndedAt);
  });

  it('tells the worker how many proofs are beyond the cap, also when no proof goes with the count', async () => {
    const worker = start('<i data-ai-proof="x">x</i>'.repeat(maxSnippetsPerPage + 3));
    manual.settle();
    FakeIntersectionObserver.reportAll(() => false);
    manual.settle();
    await microtasks();
    expect(worker.sent.reduce((count, request) => count + request.proofs.length, 0)).toBe(maxSnippetsPerPage);
    expect(worker.sent.at(-1)!.notChecked).toBe(3);
  });

  it('sends a text cut off at the reading limit as such, and only its start', () => {
    const worker = start(proofHtml('long', 'x'.repeat(maxShownTextScan + 1)));
    manual.settle();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    const [sent] = worker.sent[0]!.proofs;
    expect(sent).toMatchObject({ shownTextComplete: false });
    expect(sent!.shownText.length).toBeLessThanOrEqual(10_000);
  });

  it('reads a snippet again, in a later idle task, when a reading runs out of time, and sends the complete one', () => {
    let readings = 0;
    const readingsWhenSent: number[] = [];
    const stalledOnce: RenderedTextReader = (element) =>
      (readings += 1) === 1 ? { text: 'rend', complete: false, timedOut: true, doubts: [] } : renderedAsWritten(element);
    const worker = start(proofHtml('a', 'Answer.'), fakeWorker(() => (readingsWhenSent.push(readings), verdictOf('verified'))), stalledOnce);
    manual.settle();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    expect(readingsWhenSent[0]).toBe(2);
    const [first] = worker.sent[0]!.proofs;
    expect(first).toMatchObject({ id: 'p0', renderedText: 'rendered:a' });
    expect(first).not.toHaveProperty('shownTextComplete');
  });

  it(`sends a snippet whose every reading runs out of time as cut off, after ${readingAttempts} readings`, () => {
    let readings = 0;
    const readingsWhenSent: number[] = [];
    const alwaysStalled: RenderedTextReader = () => ((readings += 1), { text: 'rend', complete: false, timedOut: true, doubts: [] });
    const worker = start(proofHtml('a', 'Answer.'), fakeWorker(() => (readingsWhenSent.push(readings), verdictOf('unavailable'))), alwaysStalled);
    manual.settle();
    FakeIntersectionObserver.reportAll(() => true);
    manual.settle();
    expect(readingsWhenSent[0]).toBe(readingAttempts);
    expect(worker.sent[0]!.proofs).toEqual([expect.objectContaining({ id: 'p0', shownTextComplete: false })]);
  });

  it('answers the popup and the worker: reveal a proof, take a newer verdict', async () => {
    start(proofHtml('a', 'Text.'));
    manual.settle();
    const animate = vi.fn();
    const scrollIntoView = vi.fn();
    Object.assign(document.getElementById('a')!, { animate, scrollIntoView });
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    expect(sendToContent('reveal-proof', { id: 'p0' })).toEqual({ found: true });
    expect(scrollIntoView).toHaveBeenCalledWith({ behavior: 'smooth', block: 'center', inline: 'nearest' });
    expect(animate).toHaveBeenCalledOnce();
    expect(sendToContent('reveal-proof', { id: 'p9' })).toEqual({ found: false });

    expect(sendToContent('verdict-updated', { id: 'p0', verdict: verdictOf('pending') })).toEqual({ ok: true });
    manual.settle();
    expect(statesOf()).toEqual(['a:pending']);
  });

  it('takes every badge away when it ends', () => {
    start(proofHtml('a', 'Text.') + proofHtml('b', 'More.'));
    manual.settle();
    expect(document.querySelectorAll('verity-badge')).toHaveLength(2);
    controller.abort();
    expect(document.querySelectorAll('verity-badge')).toHaveLength(0);
  });
});
