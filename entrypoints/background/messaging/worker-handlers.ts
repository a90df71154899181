import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { FramesAround } from '../frames/frames-around';
import { tabProofId } from '../../../messaging/frame-proof-id';
import { probeRpc as defaultProbeRpc, type ProbeRpcParameters, type ProbeRpcReturnType } from '../../../lib/chain/probe-rpc';
import type { HistoryRecorder } from '../history/history-recorder';
import type { ImageChecker } from '../images/image-checker';
import { answerPageImages } from '../images/page-image-batch';
import type { PageImageChecks } from '../images/page-image-checks';
import type { TabImages } from '../images/tab-images';
import type { TabIntegrity } from '../integrity/tab-integrity';
import type { PageIntegrity } from '../../../messaging/messages';
import { WrongSenderError } from './errors';
import type { CheckPasted } from '../paste/pasted-check';
import type { MessageContext, WorkerHandlers } from './router';
import type { SelectionService } from '../selection/selection-service';
import type { TabReport } from '../verification/tab-report';
import type { TrustState } from '../verification/trust-state';
import type { TrustRequest } from '../../../lib/trust/trust-request';
import type { ContentSender, VerificationService } from '../verification/verification-service';

export type CreateWorkerHandlersParameters = {
  service: VerificationService;
  trust: () => Promise<TrustState>;
  /** Opens the inspector on a proof of a tab, in a new tab beside it. */
  openInspector: (tabId: number, proofId: string) => Promise<void>;
  /** Opens the inspector on an image of a tab's page, in a new tab beside it. */
  openImageInspector: (tabId: number, imageUrl: string) => Promise<void>;
  /** Opens the options page asking whether to trust a signer, in a new tab beside the sender's. */
  openTrustSigner: (tabId: number, request: TrustRequest) => Promise<void>;
  selections: Pick<SelectionService, 'latest'>;
  checkPasted: CheckPasted;
  report: TabReport;
  /** What the popup and the inspector had verified goes into the history. */
  history: Pick<HistoryRecorder, 'pasted' | 'shared' | 'image'>;
  images: Pick<ImageChecker, 'checkImage'>;
  /** The page images' checks (cached, and only with the reader's grant). */
  pageImages: Pick<PageImageChecks, 'checkEach'>;
  /** Sends the frame that asked an image's answer that came after its batch was answered (`page-image-checked`). */
  showPageImage: (tabId: number, frameId: number, url: string, verdict: ImageVerdict) => Promise<unknown>;
  /** What each tab's page showed of them, for the popup. */
  tabImages: Pick<TabImages, 'record' | 'recordUnread' | 'list' | 'unreadCount'>;
  /** What each tab's page did against Verity's badges and card. */
  integrity: Pick<TabIntegrity, 'record' | 'get'>;
  /** Shows on the toolbar that a tab's page works against Verity's display (null: it does not). */
  showIntegrity: (tabId: number, integrity: PageIntegrity | null) => Promise<void>;
  /** Looks at what the pages of other origins around a frame do to its snippets. */
  framesAround: FramesAround;
  /** probeRpc; replaced in tests. */
  probeRpc?: ((parameters: ProbeRpcParameters) => Promise<ProbeRpcReturnType>) | undefined;
};

/** The answer to every worker message (see WorkerMessages), on the service and the trust configuration. */
export function createWorkerHandlers({
  service,
  trust,
  openInspector,
  openImageInspector,
  openTrustSigner,
  selections,
  checkPasted,
  report,
  history,
  images,
  pageImages,
  showPageImage,
  tabImages,
  integrity,
  showIntegrity,
  framesAround,
  probeRpc = defaultProbeRpc,
}: CreateWorkerHandlersParameters): WorkerHandlers {
  return {
    'verify-proofs': (request, context) => service.verifyProofs(request, contentSender(context)),
    'look-around-frame': async (text, context) => {
      const { tabId, frameId } = contentSender(context);
      return framesAround.look(tabId, frameId ?? 0, text);
    },
    'frame-label': async ({ label }, context) => {
      const { tabId, frameId } = contentSender(context);
      framesAround.labelled(tabId, frameId ?? 0, label);
      return { ok: true };
    },
    'forget-proofs': async ({ ids }, context) => {
      await service.forgetProofs(ids, contentSender(context));
      return { ok: true };
    },
    'open-inspector': async ({ id }, context) => {
      const { tabId, frameId } = contentSender(context);
      await openInspector(tabId, tabProofId(frameId ?? 0, id));
      return { ok: true };
    },
    'open-image-inspector': async ({ url }, context) => {
      await openImageInspector(contentSender(context).tabId, url);
      return { ok: true };
    },
    'open-trust-signer': async (request, context) => {
      await openTrustSigner(contentSender(context).tabId, { ...request, address: request.address.toLowerCase() });
      return { ok: true };
    },
    'tab-state': ({ tabId }) => service.tabState(tabId),
    'proof-details': ({ tabId, id }) => service.proofDetails(tabId, id),
    'verify-again': ({ tabId, id }) => service.verifyAgain(tabId, id),
    'selection-check': ({ tabId }) => selections.latest(tabId),
    'check-pasted': async (request) => {
      const check = await checkPasted(request);
      void history.pasted(check, request.tabId);
      return check;
    },
    'verify-standalone': async ({ proof, pageUrl }) => {
      const verdict = await service.verifyStandalone(proof);
      void history.shared({ label: 'Shared proof', proof: { id: 'shared', ...proof }, verdict }, pageUrl);
      return { verdict };
    },
    report: ({ tabId, proofId }) => report(tabId, proofId),
    'check-image': async ({ url, pageUrl, shared }, { tabId }) => {
      const check = await images.checkImage(url, { keepManifestStore: true });
      if (shared === true && check.verdict !== null) void history.image(tabId, { imageUrl: url, pageUrl, verdict: check.verdict, source: 'shared' });
      return check;
    },
    'check-page-images': async ({ urls }, context) => {
      const { tabId, frameId } = contentSender(context);
      return answerPageImages({
        urls,
        checks: pageImages,
        onVerdict: (url, verdict) => {
          void tabImages.record(tabId, url, verdict).catch(() => undefined);
          void history.image(tabId, { imageUrl: url, verdict, source: 'page' });
        },
        onUnread: (url) => void tabImages.recordUnread(tabId, url).catch(() => undefined),
        // The frame may be gone, or show another document, which ignores a URL it did not ask about.
        sendLate: (url, verdict) => void showPageImage(tabId, frameId ?? 0, url, verdict).catch(() => undefined),
      });
    },
    'tab-images': async ({ tabId }) => ({ images: await tabImages.list(tabId), unread: await tabImages.unreadCount(tabId) }),
    'page-integrity': async ({ integrity: report }, context) => {
      const { tabId, frameId } = contentSender(context);
      await showIntegrity(tabId, await integrity.record(tabId, frameId ?? 0, report));
      return { ok: true };
    },
    'tab-integrity': async ({ tabId }) => ({ integrity: await integrity.get(tabId) }),
    'test-rpc': async ({ url, chainId }) => {
      const probe = await probeRpc({ url, chainId });
      // A bigint does not cross the message boundary.
      return probe.ok ? { ok: true, blockNumber: String(probe.blockNumber), latencyMs: probe.latencyMs } : probe;
    },
    'trust-config': async () => {
      const { config, managed, managedError, user, provenance } = await trust();
      return { effective: config, managed, ...(managedError !== undefined && { managedError }), user, provenance };
    },
  };
}

function contentSender({ tabId, frameId, documentId, prerendering, incognito }: MessageContext): ContentSender {
  if (tabId === undefined) throw new WrongSenderError('Only a content script, or a page open in a tab, speaks for a tab.');
  return { tabId, frameId, documentId, prerendering, incognito };
}
