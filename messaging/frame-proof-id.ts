/**
 * A proof's id in its tab. Each frame's content script numbers its own
 * proofs (`p0`, `p1`, …); the tab's list holds those of every frame, so a
 * frame's are prefixed with the frame: `f3.p0`. The top frame's keep their
 * own ids.
 */
export function tabProofId(frameId: number, id: string): string {
  return frameId === 0 ? id : `f${frameId}.${id}`;
}

/** The frame a tab's proof id names, and the id its content script knows it by. */
export function frameProofId(tabId: string): { frameId: number; id: string } {
  const match = /^f(\d+)\.(.+)$/.exec(tabId);
  return match === null ? { frameId: 0, id: tabId } : { frameId: Number(match[1]), id: match[2]! };
}
