import { useEffect, useMemo, useState } from 'react';
import { messageOf } from '../components/error-message';
import { EmptyState, LoadingState } from '../components/Status';
import { stateStyles } from '../components/state-style';
import { InspectorFrame, ProofDetailsView } from '../entrypoints/inspector/InspectorView';
import { SharedLinkOrigin } from '../entrypoints/inspector/SharedLinkOrigin';
import { SharedBannerFrame } from '../entrypoints/inspector/SharedBannerFrame';
import { SharedLinkUnreadable, SharedVerificationFailed } from '../entrypoints/inspector/SharedProofStates';
import { standaloneReport } from '../lib/report/standalone-report';
import { shareLink } from '../lib/share/share-link';
import type { SharedProof } from '../lib/share/types';
import type { Verdict } from '../lib/verdict/types';
import type { PageTrust } from './page-trust';

type Verification = { verdict: Verdict; checkedAt: number };

export type WebVerifierProps = {
  /** The share link as read from the address's fragment (lib/share/share-link.ts readShareFragment). */
  read: { ok: true; shared: SharedProof } | { ok: false; reason: string };
  /** The page's address without its fragment: where the page's own share link points. */
  pageAddress: string;
  /** The trust configuration the page checks with. */
  loadTrust: () => Promise<PageTrust>;
  verify: (shared: SharedProof, trust: PageTrust) => Promise<Verdict>;
  /** Verity's version, for reports. */
  version: string;
};

/**
 * The static verifier page: the proof in a share link, verified in this
 * browser against the chain, shown as the extension's inspector shows a
 * shared proof. Nothing in the link is taken on trust, and no server of
 * Verity's is asked anything.
 */
export function WebVerifier({ read, pageAddress, loadTrust, verify, version }: WebVerifierProps) {
  const [trust, setTrust] = useState<PageTrust>();
  const [verification, setVerification] = useState<Verification>();
  const [verifying, setVerifying] = useState(true);
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!read.ok) return;
    let closed = false;
    setVerifying(true);
    setError(undefined);
    loadTrust()
      .then(async (loaded) => {
        if (closed) return;
        setTrust(loaded);
        const verdict = await verify(read.shared, loaded);
        if (!closed) setVerification({ verdict, checkedAt: Date.now() });
      })
      .catch((failure: unknown) => !closed && setError(messageOf(failure)))
      .finally(() => !closed && setVerifying(false));
    return () => {
      closed = true;
    };
  }, [read, round, loadTrust, verify]);

  const verdict = verification?.verdict;
  useEffect(() => {
    document.title = verdict ? `${stateStyles[verdict.state].word} · Shared proof · Verity` : 'Shared proof · Verity';
  }, [verdict]);

  const report = useMemo(() => {
    if (!read.ok || !verification) return undefined;
    return standaloneReport({
      version,
      generator: 'web',
      source: { kind: 'shared', ...(read.shared.pageUrl && { location: read.shared.pageUrl }) },
      raw: read.shared.proof.raw,
      verdict: verification.verdict,
      checkedAt: new Date(verification.checkedAt),
    });
  }, [read, verification, version]);

  if (!read.ok) {
    if (read.reason === 'not a Verity share link') {
      return (
        <InspectorFrame shared>
          <EmptyState title="Open a Verity share link here">
            This page verifies the proof in a Verity share link — an address ending in <code>#share=v1.…</code> — in your
            browser, against the chain. Open the whole link someone sent you.
          </EmptyState>
        </InspectorFrame>
      );
    }
    return (
      <SharedLinkUnreadable reader="The page" reason={read.reason} />
    );
  }
  if (error !== undefined && !verdict) {
    return (
      <SharedVerificationFailed title="This page couldn't verify the shared proof" error={error} onRetry={() => setRound((count) => count + 1)} />
    );
  }
  if (!verdict || !trust) {
    return (
      <InspectorFrame shared>
        <LoadingState label="Verifying the shared proof against the chain…" />
      </InspectorFrame>
    );
  }
  const pageUrl = read.shared.pageUrl ?? '';
  let share: { ok: true; link: string } | { ok: false; reason: string };
  try {
    share = { ok: true, link: shareLink(pageAddress, read.shared) };
  } catch (failure) {
    share = { ok: false, reason: messageOf(failure) };
  }
  return (
    <ProofDetailsView
      shared
      sharedBanner={<WebBanner pageUrl={pageUrl} trust={trust} verifying={verifying} />}
      pageUrl={pageUrl}
      proof={read.shared.proof}
      verdict={verdict}
      explorer={verdict.facts.chainId === undefined ? null : (trust.config.chains[String(verdict.facts.chainId)]?.explorer ?? null)}
      onVerifyAgain={() => setRound((count) => count + 1)}
      verifying={verifying}
      {...(error !== undefined && { verifyError: error })}
      {...(report && { report })}
      share={share}
    />
  );
}

/** Who checked, with what, and what the link's page is: only what the link says. */
function WebBanner({ pageUrl, trust, verifying }: { pageUrl: string; trust: PageTrust; verifying: boolean }) {
  const settings = trust.from === 'host' ? 'the trust settings of whoever hosts this page' : 'Verity’s default trust settings';
  return (
    <SharedBannerFrame>
      <p>
        {verifying ? 'This page is checking the proof against the chain now, in your browser, ' : 'Checked just now by this page, in your browser, against the chain, '}
        with {settings}. Nothing in the link is taken on trust: it carries the proof and its text, never a verdict.
        Verity checks who produced a text, not whether what it says is true.
      </p>
      <SharedLinkOrigin pageUrl={pageUrl} />
      <p className="text-sky-900/80">With the Verity extension installed, such links open in your own Verity, with your own trust settings.</p>
    </SharedBannerFrame>
  );
}
