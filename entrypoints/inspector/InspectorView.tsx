import type { ReactNode } from 'react';
import { CheckList, outcomeOf } from '../../components/CheckList';
import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { CopyButton } from '../../components/CopyButton';
import { EnvelopeView } from '../../components/EnvelopeView';
import { FactsTable } from '../../components/FactsTable';
import { LinkIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { ReportExport } from '../../components/ReportExport';
import { StateBadge } from '../../components/StateBadge';
import { headlineOf, stateStyles } from '../../components/state-style';
import { TextDiff, textsToDiff } from '../../components/TextDiff';
import type { PageProof } from '../../lib/extract/page-proof';
import { opensWithoutVerity } from '../../lib/share/share-base';
import { citationText } from '../../lib/report/citation';
import type { Report } from '../../lib/report/schema';
import { modelClaimOf, modelClaimWords } from '../../lib/verdict/model-claim';
import type { Verdict } from '../../lib/verdict/types';
import type { ProofShareLinkReturnType } from './share';
import { Section } from './Section';
import { SharedLinkOrigin } from './SharedLinkOrigin';
import { RecheckButton } from './RecheckButton';
import { SharedBannerFrame } from './SharedBannerFrame';

const frameTitles = { proof: { own: 'Proof inspector', shared: 'Shared proof' }, image: { own: 'Image inspector', shared: 'Shared image' } } as const;

/** The inspector's frame: who we are, what is inspected, and which page it is on (or that it was shared). */
export function InspectorFrame({ pageUrl, shared = false, subject = 'proof', children }: { pageUrl?: string; shared?: boolean; subject?: keyof typeof frameTitles; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <PageHeader page={frameTitles[subject][shared ? 'shared' : 'own']} width="max-w-4xl">
        {pageUrl && !shared && (
          <p className="ml-auto min-w-0 truncate text-xs text-slate-500" title={pageUrl}>
            {pageUrl}
          </p>
        )}
      </PageHeader>
      <main className="mx-auto max-w-4xl px-6 py-8">{children}</main>
    </div>
  );
}

export type ProofDetailsViewProps = {
  /** The page the proof is on; for a shared proof, the page its link names (shown, never trusted), or "". */
  pageUrl: string;
  proof: Omit<PageProof, 'id'>;
  /** Absent while the proof is still being checked. */
  verdict?: Verdict;
  /** Base URL of the chain's explorer, from the trust configuration. */
  explorer?: string | null;
  onVerifyAgain: () => void;
  verifying: boolean;
  verifyError?: string;
  /** This proof's report, for the citation and the exports; absent until it is made. */
  report?: Report;
  /** The link that lets anyone verify this proof themselves (at the reader's verifier page), or why there is none. */
  share: ProofShareLinkReturnType;
  /** The options page, where a reader sets where share links open; absent outside the extension. */
  optionsUrl?: string;
  /** The proof came from a share link, not from a page open in this browser. */
  shared?: boolean;
  /** Says who checked a shared proof, in place of the extension's "Shared with you" (the verifier page says its own). */
  sharedBanner?: ReactNode;
};

/** Everything about one proof: the verdict, every check, the texts, the chain facts and the envelope. */
export function ProofDetailsView(props: ProofDetailsViewProps) {
  const { pageUrl, proof, verdict, explorer, verifying, verifyError, onVerifyAgain, report, share, optionsUrl, shared = false, sharedBanner } = props;
  const opensAnywhere = share.ok && opensWithoutVerity(share.link);
  const verifyButton = <RecheckButton busy={verifying} label="Verify again" busyLabel="Verifying…" onClick={onVerifyAgain} />;
  return (
    <InspectorFrame pageUrl={pageUrl} shared={shared}>
      <div className="space-y-10">
        {shared && (sharedBanner ?? <SharedBanner pageUrl={pageUrl} verifying={verifying || !verdict} />)}
        {verdict ? (
          <VerdictCard
            verdict={verdict}
            actions={
              <>
                {verifyButton}
                <CopyButton
                  text={report ? citationText(report, 0, { shareLink: share.ok ? share.link : undefined }) : ''}
                  label="Copy citation"
                  disabled={!report}
                  title={report ? 'A plain-text record of this check, for notes or an article' : 'Preparing the citation…'}
                />
                <CopyButton
                  text={share.ok ? share.link : ''}
                  label="Copy share link"
                  icon={<LinkIcon className="size-4" />}
                  disabled={!share.ok}
                  title={
                    !share.ok
                      ? share.reason
                      : opensAnywhere
                        ? 'A link anyone can open to verify this proof themselves, in any browser'
                        : 'A link that opens where Verity is installed, to verify this proof there'
                  }
                />
              </>
            }
            note={share.ok && !opensAnywhere && <VerityOnlyLinkNote optionsUrl={optionsUrl} />}
            exports={<ReportExport title="Export report" getReport={() => Promise.resolve(report ?? null)} disabled={!report} />}
          />
        ) : (
          <div className="flex items-center justify-between gap-4 rounded-xl border border-slate-200 bg-white p-5">
            <div role="status" className="flex items-center gap-3 text-sm text-slate-700">
              <StateBadge state={null} size="lg" />
              Verity is still checking this proof against the chain.
            </div>
            {verifyButton}
          </div>
        )}
        {verifyError && (
          <p role="alert" className="-mt-6 text-sm text-red-700">
            Couldn't verify again: {verifyError}
          </p>
        )}

        {verdict && (
          <Section
            id="checks"
            title="Checks"
            aside={<CheckTally verdict={verdict} />}
            intro="Each check Verity made, in the order that matters: what failed first, then what could not be checked or is not final yet, then what passed."
          >
            <CheckList checks={verdict.checks} />
          </Section>
        )}

        <Section id="text" title={verdict?.text.match === 'shown-is-signed' ? 'Checked text' : 'Shown and signed text'}>
          <TextComparison proof={proof} verdict={verdict} />
        </Section>

        {verdict && (
          <Section id="chain" title="Chain facts" intro="What the chain said, and where Verity read it.">
            <FactsTable facts={verdict.facts} explorer={explorer} />
          </Section>
        )}

        <Section id="envelope" title="Proof envelope">
          <EnvelopeView raw={proof.raw} form={proof.form} />
        </Section>
      </div>
    </InspectorFrame>
  );
}

/** Says where a shared verdict comes from: this browser, now; and that the link's page is only what the link says. */
function SharedBanner({ pageUrl, verifying }: { pageUrl: string; verifying: boolean }) {
  return (
    <SharedBannerFrame>
      <p>
        {verifying ? 'Your own Verity is checking this proof against the chain now, ' : 'Checked just now by your own Verity against the chain, '}
        with your trust settings. Nothing in the link is taken on trust: it carries the proof and its text, never a
        verdict.
      </p>
      <SharedLinkOrigin pageUrl={pageUrl} />
    </SharedBannerFrame>
  );
}

function VerdictCard({ verdict, actions, exports, note }: { verdict: Verdict; actions: ReactNode; exports: ReactNode; note?: ReactNode }) {
  const style = stateStyles[verdict.state];
  return (
    <section aria-labelledby="verdict-heading" className={`rounded-xl border ${style.panel}`}>
      <div className="flex flex-wrap items-start justify-between gap-x-8 gap-y-4 p-5">
        <div className="min-w-0 flex-1 space-y-2">
          <StateBadge state={verdict.state} size="lg" />
          <h1 id="verdict-heading" className="text-xl font-semibold tracking-tight break-words text-slate-900">
            {headlineOf(verdict)}
          </h1>
          <p className="max-w-prose text-[15px] leading-relaxed break-words text-slate-700">{verdict.summary}</p>
          <dl className="flex flex-wrap gap-x-5 gap-y-1 pt-1 text-xs text-slate-600">
            <Meta term="State" value={<code className="font-mono">{verdict.state}</code>} />
            {verdict.proofType && <Meta term="Proof type" value={<code className="font-mono">{verdict.proofType}</code>} />}
          </dl>
          <ModelClaimLine verdict={verdict} />
        </div>
        <div className="w-full sm:w-64">
          <ConfidenceMeter value={verdict.confidence} state={verdict.state} />
        </div>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 border-t border-black/5 bg-white/50 px-5 py-3">
        <div className="flex flex-wrap gap-2">{actions}</div>
        {exports}
        {note}
      </div>
    </section>
  );
}

/** Said beside links made for the placeholder verifier page: anyone without Verity who is sent one gets nowhere. */
function VerityOnlyLinkNote({ optionsUrl }: { optionsUrl: string | undefined }) {
  const field = '“Share links open at”';
  return (
    <p className="w-full text-xs text-slate-600">
      The share link and the citation’s link open only where Verity is installed. So that anyone can check them in any
      browser, set a hosted verifier page under{' '}
      {optionsUrl === undefined ? (
        `${field} in Verity’s options`
      ) : (
        <a href={optionsUrl} target="_blank" rel="noreferrer" className="font-medium text-sky-800 underline">
          {field} in Verity’s options
        </a>
      )}
      .
    </p>
  );
}

/** The model, in its claimant's words and apart from the facts above: no one checked it. The exact name is in the envelope below. */
function ModelClaimLine({ verdict }: { verdict: Verdict }) {
  const model = modelClaimOf(verdict.facts);
  if (model === undefined) return null;
  const { speaker, claim } = modelClaimWords(model);
  return (
    <p className="text-xs text-slate-500 italic">
      {speaker}: {claim}
      {model.by === 'page' && ' (not signed)'}
    </p>
  );
}

function Meta({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{term}</dt>
      <dd className="font-medium text-slate-800">{value}</dd>
    </div>
  );
}

function CheckTally({ verdict }: { verdict: Verdict }) {
  const outcomes = verdict.checks.map(outcomeOf);
  const count = (outcome: ReturnType<typeof outcomeOf>) => outcomes.filter((each) => each === outcome).length;
  const parts = [
    [count('passed'), 'passed'],
    [count('failed'), 'failed'],
    [count('unreachable'), "couldn't be checked"],
    [count('waiting'), 'not final yet'],
    [count('skipped'), 'not run'],
  ] as const;
  return (
    <p className="text-xs text-slate-500 tabular-nums">
      {parts
        .filter(([number]) => number > 0)
        .map(([number, word]) => `${number} ${word}`)
        .join(' · ')}
    </p>
  );
}

function TextComparison({ proof, verdict }: { proof: Omit<PageProof, 'id'>; verdict?: Verdict }) {
  const text = verdict?.text;
  const diff = text && textsToDiff(text);
  const renderedDiffers = proof.renderedText !== proof.shownText;
  return (
    <div className="space-y-6">
      {text && diff ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">
            {text.match === 'wording'
              ? 'The words match the signed text; punctuation, markup or formatting differ.'
              : 'The text on the page is not the text that was signed.'}
          </p>
          <TextDiff {...diff} />
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">
            {!text
              ? 'The comparison will appear once the proof is checked.'
              : text.match === 'exact'
                ? 'The text on the page is exactly the signed text.'
                : text.match === 'shown-is-signed'
                  ? 'This proof carries no separate signed text, so there is nothing to compare: the proof itself was checked against this text, exactly as the page shows it.'
                  : 'The signed text could not be read from this proof.'}
          </p>
          <blockquote className="max-h-72 overflow-auto rounded-lg border border-slate-200 bg-white p-3.5 text-sm leading-relaxed whitespace-pre-wrap text-slate-800">
            {proof.shownText || <span className="text-slate-400">No text</span>}
          </blockquote>
        </div>
      )}
      {renderedDiffers && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">What readers actually see</h3>
          <p className="text-sm text-slate-700">
            Part of this text is hidden from readers or added by styling, so what the browser shows differs from the text
            that is checked.
          </p>
          <TextDiff signed={proof.shownText} shown={proof.renderedText} beforeName="checked text" afterName="screen" />
        </div>
      )}
    </div>
  );
}
