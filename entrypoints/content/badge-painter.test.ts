// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createBadge } from './badge';
import { createBadgePainter } from './badge-painter';
import { createBadgeSheet } from './badge-sheet';
import { createManualScheduler } from './manual-scheduler';
import { newTrackedProof, type TrackedProof } from './proof-registry';
import { verdictOf } from '../../test/fakes/verdict-fixtures';

const sheet = createBadgeSheet().style;
const events = { onEnter() {}, onLeave() {}, onActivate() {} };

/** A proof on a paragraph of its own, as the tracker hands it over. */
function trackedProof(id: string): TrackedProof {
  const element = document.body.appendChild(document.createElement('p'));
  element.textContent = `Snippet ${id}.`;
  const located = { index: 0, form: 'attribute' as const, element, source: element, carrier: element, raw: 'raw', shownText: element.textContent, shownTextComplete: true };
  return newTrackedProof(id, located, createBadge({ document, id, sheet, events }));
}

function setUp() {
  const manual = createManualScheduler();
  const clock = { ms: 0 };
  const painter = createBadgePainter({ scheduler: manual.scheduler, card: { refresh() {} }, alive: () => true, isSnippet: () => true, now: () => clock.ms });
  /** Runs the paint's timer, then the frame it writes in. */
  const paint = () => {
    manual.timers(100);
    manual.frame();
  };
  return { manual, clock, painter, paint, placed: () => document.querySelectorAll('verity-badge').length };
}

afterEach(() => document.body.replaceChildren());

describe('createBadgePainter', () => {
  it('holds the badges found while a scan goes on, and puts them all in together when it ends', () => {
    const { painter, paint, placed } = setUp();
    painter.place([trackedProof('a'), trackedProof('b')], { scanning: true });
    paint();
    expect(placed()).toBe(0);
    painter.place([trackedProof('c')], { scanning: true });
    paint();
    expect(placed()).toBe(0);
    painter.place([], { scanning: false });
    paint();
    expect(placed()).toBe(3);
  });

  it('shows what a long scan has found so far once it has held it long enough, and holds what comes next again', () => {
    const { manual, painter, paint, placed } = setUp();
    painter.place([trackedProof('a')], { scanning: true });
    // Held a second at most: timers of up to 999 ms do not end it.
    manual.timers(999);
    manual.frame();
    expect(placed()).toBe(0);
    manual.timers(1_000);
    paint();
    expect(placed()).toBe(1);
    painter.place([trackedProof('b')], { scanning: true });
    paint();
    expect(placed()).toBe(1);
  });

  it('draws a verdict that comes for a held badge on it, out of the page, and places it so when the hold ends', () => {
    const { painter, paint, placed } = setUp();
    const proof = trackedProof('a');
    painter.place([proof], { scanning: true });
    painter.draw(proof, verdictOf('verified'));
    paint();
    expect([placed(), proof.badge.button.dataset.state]).toEqual([0, 'verified']);
    painter.place([], { scanning: false });
    paint();
    expect([placed(), proof.badge.button.dataset.state]).toEqual([1, 'verified']);
  });

  it('spaces its paints on a page whose frames are slow to draw, so they take a tenth of its time, and draws at once again on a light one', () => {
    const { manual, clock, painter, paint } = setUp();
    const proof = trackedProof('a');
    painter.place([proof]);
    paint();
    // Putting badges in is not what verdicts cost (it comes with the page's own first, slow frames): nothing is measured.
    clock.ms += 500;
    manual.timers(0);
    painter.draw(proof, verdictOf('pending'));
    paint();
    expect(proof.badge.button.dataset.state).toBe('pending');
    // The frame of that verdict took 150 ms to draw (a page of 100,000 paragraphs).
    clock.ms += 150;
    manual.timers(0);
    painter.draw(proof, verdictOf('verified'));
    paint();
    expect(proof.badge.button.dataset.state).toBe('pending');
    manual.timers(9 * 150 - 150);
    manual.frame();
    expect(proof.badge.button.dataset.state).toBe('verified');

    // That frame was drawn in 2 ms: the next verdict waits only the usual 100 ms.
    clock.ms += 2;
    manual.timers(0);
    painter.draw(proof, verdictOf('altered'));
    paint();
    expect(proof.badge.button.dataset.state).toBe('altered');
  });
});
