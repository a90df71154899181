import type { StartVerityParameters, StartVerityReturnType } from './verity';

export type StartVerity = (parameters: StartVerityParameters) => StartVerityReturnType;

/**
 * The content script loads the rest of Verity (verity-session.ts, built as
 * its own file) only once a page has a proof or asks something of it. That
 * file runs in the content script's own world and leaves `startVerity`
 * here, under a key of that world: the page's scripts see another global.
 */
const handoffKey = Symbol.for('verity.startVerity');

type HandoffGlobal = { [handoffKey]?: StartVerity };

export function offerVerity(start: StartVerity): void {
  (globalThis as HandoffGlobal)[handoffKey] = start;
}

export function takeOfferedVerity(): StartVerity | undefined {
  return (globalThis as HandoffGlobal)[handoffKey];
}
