import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerVerity } from './content/verity-handoff';
import { startVerity } from './content/verity';

/**
 * The bulk of the content script (finding, badging, cards, selection
 * checks), loaded by it when a page needs it: a page with no proof never
 * runs it (entrypoints/content/index.ts).
 */
export default defineUnlistedScript(() => offerVerity(startVerity));
