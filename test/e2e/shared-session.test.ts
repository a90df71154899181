import { afterAll, beforeAll, describe } from 'vitest';
import type { Page } from 'playwright-core';
import { describeAccessibility } from './accessibility-suite';
import { describeAddedContent } from './added-content-suite';
import { describeBadgeCards } from './badge-cards-suite';
import { describeContentScript } from './content-script-suite';
import { demoSessionForFile, type DemoSession } from './demo-session';
import { describeFramesAndShadow } from './frames-and-shadow-suite';
import { describePaste } from './paste-suite';
import { describeInspector } from './inspector-suite';
import { describePopup } from './popup-suite';
import { describePublishAttestations } from './publish-attestations-suite';
import { describePublishOg } from './publish-og-suite';
import { describeReports } from './reports-suite';
import { describeSelection } from './selection-suite';
import { describeShareLink } from './share-link-suite';
import { describeUntrustedEvents } from './untrusted-events-suite';

/**
 * The suites that need nothing but the devnet's demo session, one devnet and
 * one Chromium for all of them: starting a session took 5–9 s under the
 * whole suite's load, which was a tenth of Chromium's lane when each file
 * had its own. Each suite works in tabs of its own, closed after it, and
 * leaves the extension's settings as it found them (the paste suite puts
 * the devnet's trust configuration back). Files that change the reader's
 * trust for good, the mark or the profile, stop the worker, or load another
 * build, keep a session of their own.
 */
const session = demoSessionForFile();

/**
 * Registers a suite whose tabs are closed after it, whatever it left open, so the next suite finds only its own.
 * They are closed before the suite's own after-all hooks (registered later, so run first: Vitest runs them as a
 * stack), which close the servers the tabs hold connections to.
 */
function inOwnTabs(describeSuite: (session: DemoSession) => void): void {
  describe(describeSuite.name.replace(/^describe/, ''), () => {
    let before: Set<Page>;
    beforeAll(() => void (before = new Set(session.browser.context.pages())));
    describeSuite(session);
    afterAll(() => Promise.all(session.browser.context.pages().filter((page) => !before.has(page)).map((page) => page.close())));
  });
}

inOwnTabs(describePopup);
inOwnTabs(describeInspector);
inOwnTabs(describeReports);
inOwnTabs(describeAddedContent);
inOwnTabs(describeFramesAndShadow);
inOwnTabs(describeContentScript);
inOwnTabs(describeBadgeCards);
inOwnTabs(describeUntrustedEvents);
inOwnTabs(describeSelection);
inOwnTabs(describePaste);
inOwnTabs(describeShareLink);
inOwnTabs(describeAccessibility);
inOwnTabs(describePublishOg);
inOwnTabs(describePublishAttestations);
