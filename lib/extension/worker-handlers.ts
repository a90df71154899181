import { probeRpc as defaultProbeRpc, type ProbeRpcParameters, type ProbeRpcReturnType } from '../chain/probe-rpc';
import { WrongSenderError } from './errors';
import type { MessageContext, WorkerHandlers } from './router';
import type { TrustState } from './trust-state';
import type { ContentSender, VerificationService } from './verification-service';

export type CreateWorkerHandlersParameters = {
  service: VerificationService;
  trust: () => Promise<TrustState>;
  /** Opens the inspector on a proof of a tab, in a new tab beside it. */
  openInspector: (tabId: number, proofId: string) => Promise<void>;
  /** probeRpc; replaced in tests. */
  probeRpc?: ((parameters: ProbeRpcParameters) => Promise<ProbeRpcReturnType>) | undefined;
};

/** The answer to every worker message (see WorkerMessages), on the service and the trust configuration. */
export function createWorkerHandlers({ service, trust, openInspector, probeRpc = defaultProbeRpc }: CreateWorkerHandlersParameters): WorkerHandlers {
  return {
    'verify-proofs': (request, context) => service.verifyProofs(request, contentSender(context)),
    'forget-proofs': async ({ ids }, context) => {
      await service.forgetProofs(ids, contentSender(context));
      return { ok: true };
    },
    'open-inspector': async ({ id }, context) => {
      await openInspector(contentSender(context).tabId, id);
      return { ok: true };
    },
    'tab-state': ({ tabId }) => service.tabState(tabId),
    'proof-details': ({ tabId, id }) => service.proofDetails(tabId, id),
    'verify-again': ({ tabId, id }) => service.verifyAgain(tabId, id),
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

function contentSender({ tabId, frameId, documentId, prerendering }: MessageContext): ContentSender {
  if (tabId === undefined) throw new WrongSenderError('Only a content script, or a page open in a tab, speaks for a tab.');
  return { tabId, frameId, documentId, prerendering };
}
