import type { PageIntegrity, TextAroundFrame, WorkerMessages } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import type { TrustRequest } from '../../lib/trust/trust-request';

/** What the page session asks of the worker: sendToWorker in the extension, a stand-in in tests. */
export type WorkerLink = {
  verify(request: { pageUrl: string; proofs: PageProof[]; notChecked: number }): Promise<WorkerMessages['verify-proofs']['response']>;
  forget(ids: string[]): Promise<unknown>;
  /** Rejects when it could not be done. */
  openInspector(id: string): Promise<unknown>;
  /** Opens the options page asking whether to trust this signer; rejects when it could not be done. */
  openTrustSigner(request: TrustRequest): Promise<unknown>;
  /** What the page did against Verity's badges and card, all of it so far. */
  reportIntegrity(integrity: PageIntegrity): Promise<unknown>;
  /** What the pages of other origins around this frame do to text drawn at these lines; rejects when it could not be asked. */
  lookAroundFrame(text: TextAroundFrame): Promise<WorkerMessages['look-around-frame']['response']>;
};
