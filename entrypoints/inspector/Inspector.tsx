import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import { EmptyState, ErrorState, LoadingState } from '../../components/Status';
import { stateStyles } from '../../components/state-style';
import { sendToWorker } from '../../messaging/client';
import type { TabImage, TabState } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import type { Report } from '../../lib/report/schema';
import type { Verdict } from '../../lib/verdict/types';
import { isSharedImage, readShareFragment } from '../../lib/share/read-share-link';
import { ImageDetails } from './ImageDetails';
import { InspectorFrame, ProofDetailsView } from './InspectorView';
import { SharedProofDetails } from './SharedProofDetails';
import { proofShareLink, useShareLinkBase } from './share';
import { TabProofsView } from './TabProofsView';
import { useChainExplorer } from './use-chain-explorer';
import { imageInspectorUrl, inspectorTarget, inspectorUrl, isShareHash } from './url';

/** How often to ask again while a proof is still being checked. */
const checkingPollMs = 1000;

/** The inspector page: a shared proof when the fragment is a share link, an image or one proof when the address names one, else the tab's proofs. */
export function Inspector() {
  const [{ tabId, proofId, image }] = useState(() => inspectorTarget(location.search));
  const hash = useLocationHash();
  if (isShareHash(hash)) {
    const read = readShareFragment(hash);
    if (read.ok && isSharedImage(read.shared)) return <ImageDetails key={hash} imageUrl={read.shared.image.url} pageUrl={read.shared.pageUrl ?? ''} shared />;
    return <SharedProofDetails key={hash} hash={hash} />;
  }
  if (image !== null) return <ImageDetails imageUrl={image.url} pageUrl={image.pageUrl} />;
  if (tabId === null) {
    return (
      <InspectorFrame>
        <EmptyState title="No proof chosen">
          Open the inspector from Verity's popup: choose a proof there, or “Proof inspector” for every proof of a page.
        </EmptyState>
      </InspectorFrame>
    );
  }
  return proofId === null ? <TabProofs tabId={tabId} /> : <ProofDetails tabId={tabId} proofId={proofId} />;
}

/** The address's fragment, kept current: a second share link pasted into the same tab opens at once. */
function useLocationHash(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const controller = new AbortController();
    addEventListener('hashchange', () => setHash(location.hash), { signal: controller.signal });
    return () => controller.abort();
  }, []);
  return hash;
}

type Details = { pageUrl: string; proof: PageProof; verdict?: Verdict };

type DetailsLoad =
  | { status: 'loading' }
  | { status: 'gone' }
  | { status: 'error'; message: string }
  | { status: 'ready'; details: Details };

function ProofDetails({ tabId, proofId }: { tabId: number; proofId: string }) {
  const [load, setLoad] = useState<DetailsLoad>({ status: 'loading' });
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<string>();
  const shareBase = useShareLinkBase();

  // Load once, and again every second while the worker is still checking.
  useEffect(() => {
    const awaitingVerdict = load.status === 'ready' && !load.details.verdict;
    if (load.status !== 'loading' && !awaitingVerdict) return;
    let closed = false;
    const fetchDetails = () =>
      sendToWorker('proof-details', { tabId, id: proofId }).then(
        (answer) => {
          if (closed) return;
          setLoad(answer ? { status: 'ready', details: answer } : { status: 'gone' });
        },
        (error: unknown) => !closed && setLoad({ status: 'error', message: messageOf(error) }),
      );
    const timer = setTimeout(fetchDetails, load.status === 'loading' ? 0 : checkingPollMs);
    return () => {
      closed = true;
      clearTimeout(timer);
    };
  }, [tabId, proofId, load]);

  const verdict = load.status === 'ready' ? load.details.verdict : undefined;
  const explorer = useChainExplorer(verdict?.facts.chainId);

  const state = verdict?.state;
  useEffect(() => {
    document.title = state ? `${stateStyles[state].word} · Verity proof inspector` : 'Verity proof inspector';
  }, [state]);

  // The report (for the citation and the exports) follows the verdict: asked for again whenever it changes.
  const [report, setReport] = useState<Report>();
  useEffect(() => {
    setReport(undefined);
    if (!verdict) return;
    let closed = false;
    sendToWorker('report', { tabId, proofId }).then(
      (answer) => !closed && setReport(answer ?? undefined),
      () => undefined,
    );
    return () => {
      closed = true;
    };
  }, [tabId, proofId, verdict]);

  const verifyAgain = () => {
    setVerifying(true);
    setVerifyError(undefined);
    sendToWorker('verify-again', { tabId, id: proofId })
      .then(
        (answer) =>
          setLoad((current) => {
            if (!answer) return { status: 'gone' };
            if (current.status !== 'ready') return current;
            return { status: 'ready', details: { ...current.details, verdict: answer.verdict } };
          }),
        (error: unknown) => setVerifyError(messageOf(error)),
      )
      .finally(() => setVerifying(false));
  };

  switch (load.status) {
    case 'loading':
      return (
        <InspectorFrame>
          <LoadingState label="Loading the proof…" />
        </InspectorFrame>
      );
    case 'gone':
      return (
        <InspectorFrame>
          <EmptyState
            level={1}
            title="This proof is no longer available"
            action={
              <a className="link text-sm" href={inspectorUrl(tabId)}>
                See what is on the page now
              </a>
            }
          >
            Verity keeps proofs only while their page is open. The tab may have been closed, reloaded or taken to
            another page.
          </EmptyState>
        </InspectorFrame>
      );
    case 'error':
      return (
        <InspectorFrame>
          <ErrorState level={1} title="Verity couldn't load this proof">{load.message}</ErrorState>
        </InspectorFrame>
      );
    case 'ready':
      return (
        <ProofDetailsView
          {...load.details}
          share={proofShareLink(load.details.proof, load.details.pageUrl, shareBase)}
          optionsUrl={browser.runtime.getURL('/options.html')}
          report={report}
          explorer={explorer}
          onVerifyAgain={verifyAgain}
          verifying={verifying}
          verifyError={verifyError}
        />
      );
  }
}

type TabImages = { images: TabImage[]; unread: number };
type TabLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; tab: TabState; images: TabImages };

function TabProofs({ tabId }: { tabId: number }) {
  const [load, setLoad] = useState<TabLoad>({ status: 'loading' });
  useEffect(() => {
    let closed = false;
    Promise.all([sendToWorker('tab-state', { tabId }), sendToWorker('tab-images', { tabId })]).then(
      ([tab, images]) => !closed && setLoad({ status: 'ready', tab, images }),
      (error: unknown) => !closed && setLoad({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      closed = true;
    };
  }, [tabId]);

  if (load.status === 'ready') {
    return (
      <TabProofsView
        tab={load.tab}
        proofUrl={(id) => inspectorUrl(tabId, id)}
        getReport={() => sendToWorker('report', { tabId })}
        images={load.images}
        imageUrl={(url) => imageInspectorUrl(url, load.tab.url)}
      />
    );
  }
  return (
    <InspectorFrame>
      {load.status === 'loading' ? (
        <LoadingState label="Loading the page's proofs…" />
      ) : (
        <ErrorState level={1} title="Verity couldn't load this page's proofs">{load.message}</ErrorState>
      )}
    </InspectorFrame>
  );
}
