import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import { LoadingState } from '../../components/Status';
import { stateStyles } from '../../components/state-style';
import { sendToWorker } from '../../messaging/client';
import { standaloneReport } from '../../lib/report/standalone-report';
import { proofOnly, readShareFragment } from '../../lib/share/read-share-link';
import type { Verdict } from '../../lib/verdict/types';
import { InspectorFrame, ProofDetailsView } from './InspectorView';
import { SharedLinkUnreadable, SharedVerificationFailed } from './SharedProofStates';
import { proofShareLink, useShareLinkBase } from './share';
import { useChainExplorer } from './use-chain-explorer';

type Verification = { verdict: Verdict; checkedAt: number };

/**
 * A proof opened from a share link (`#share=v1.…`): read from the fragment,
 * verified here and now by this extension against the chain, and shown as a
 * page's proof is. The link's verdict-free content is all it trusts.
 */
export function SharedProofDetails({ hash }: { hash: string }) {
  const read = useMemo(() => proofOnly(readShareFragment(hash)), [hash]);
  const [verification, setVerification] = useState<Verification>();
  const [verifying, setVerifying] = useState(true);
  const [error, setError] = useState<string>();
  const shareBase = useShareLinkBase();
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!read.ok) return;
    let closed = false;
    setVerifying(true);
    setError(undefined);
    sendToWorker('verify-standalone', { proof: read.shared.proof, ...(read.shared.pageUrl !== undefined && { pageUrl: read.shared.pageUrl }) })
      .then(
        ({ verdict }) => !closed && setVerification({ verdict, checkedAt: Date.now() }),
        (failure: unknown) => !closed && setError(messageOf(failure)),
      )
      .finally(() => !closed && setVerifying(false));
    return () => {
      closed = true;
    };
  }, [read, round]);

  const verdict = verification?.verdict;
  const explorer = useChainExplorer(verdict?.facts.chainId);

  useEffect(() => {
    document.title = verdict ? `${stateStyles[verdict.state].word} · Shared proof · Verity` : 'Shared proof · Verity';
  }, [verdict]);

  const report = useMemo(() => {
    if (!read.ok || !verification) return undefined;
    return standaloneReport({
      version: browser.runtime.getManifest().version,
      source: { kind: 'shared', ...(read.shared.pageUrl && { location: read.shared.pageUrl }) },
      raw: read.shared.proof.raw,
      verdict: verification.verdict,
      checkedAt: new Date(verification.checkedAt),
    });
  }, [read, verification]);

  if (!read.ok) {
    return (
      <SharedLinkUnreadable reader="Verity" reason={read.reason} />
    );
  }
  if (error !== undefined && !verdict) {
    return (
      <SharedVerificationFailed title="Verity couldn't verify this shared proof" error={error} onRetry={() => setRound((count) => count + 1)} />
    );
  }
  if (!verdict) {
    return (
      <InspectorFrame shared>
        <LoadingState label="Verifying the shared proof against the chain…" />
      </InspectorFrame>
    );
  }
  return (
    <ProofDetailsView
      shared
      pageUrl={read.shared.pageUrl ?? ''}
      proof={read.shared.proof}
      verdict={verdict}
      explorer={explorer}
      report={report}
      share={proofShareLink(read.shared.proof, read.shared.pageUrl, shareBase)}
      optionsUrl={browser.runtime.getURL('/options.html')}
      onVerifyAgain={() => setRound((count) => count + 1)}
      verifying={verifying}
      verifyError={error}
    />
  );
}
