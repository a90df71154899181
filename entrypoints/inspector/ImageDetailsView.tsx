import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/Status';
import { RefreshIcon, SpinnerIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { stateStyles } from '../../components/state-style';
import type { ImageVerdict } from '../../lib/c2pa/image-verdict';
import { imageHeadline } from '../../lib/c2pa/image-words';
import { InspectorFrame } from './InspectorView';
import { ManifestStoreView } from './ManifestStoreView';

export type ImageCheckLoad =
  | { status: 'checking' }
  | { status: 'error'; message: string }
  /** `verdict` null: the image carries no Content Credentials. */
  | { status: 'done'; verdict: ImageVerdict | null };

export type ImageDetailsViewProps = {
  imageUrl: string;
  /** The page the image was seen on, or "" (a share link that names none). */
  pageUrl: string;
  load: ImageCheckLoad;
  onCheckAgain: () => void;
  /** Shown above the verdict: where a shared image's verdict comes from. */
  banner?: ReactNode;
};

const aboutOrigin = 'Content Credentials tell where an image came from and how it was made, not whether what it shows is true.';

/** One image's Content Credentials, checked just now by this Verity: the verdict, then the manifest store. */
export function ImageDetailsView({ imageUrl, pageUrl, load, onCheckAgain, banner }: ImageDetailsViewProps) {
  const checking = load.status === 'checking';
  const checkAgain = (
    <button type="button" className="btn-secondary" onClick={onCheckAgain} disabled={checking}>
      {checking ? <SpinnerIcon className="size-4" /> : <RefreshIcon className="size-4" />}
      {checking ? 'Checking…' : 'Check again'}
    </button>
  );
  return (
    <InspectorFrame pageUrl={pageUrl}>
      <div className="space-y-10">
        {banner}
        <section aria-labelledby="image-heading" className={`rounded-xl border ${load.status === 'done' && load.verdict ? stateStyles[load.verdict.state].panel : 'border-slate-200 bg-white'}`}>
          <div className="flex flex-wrap items-start gap-5 p-5">
            <img src={imageUrl} alt="The image checked" className="size-32 shrink-0 rounded-lg border border-black/10 bg-white object-contain" />
            <div className="min-w-0 flex-1 space-y-2">
              <VerdictWords load={load} />
              <dl className="space-y-0.5 pt-1 text-xs text-slate-600">
                <div className="flex gap-1.5">
                  <dt className="shrink-0 text-slate-500">Image</dt>
                  <dd className="min-w-0 font-mono break-all">{imageUrl}</dd>
                </div>
                {pageUrl !== '' && (
                  <div className="flex gap-1.5">
                    <dt className="shrink-0 text-slate-500">Seen on</dt>
                    <dd className="min-w-0 break-all">{pageUrl}</dd>
                  </div>
                )}
              </dl>
            </div>
          </div>
          <div className="flex flex-wrap gap-2 border-t border-black/5 bg-white/50 px-5 py-3">{checkAgain}</div>
        </section>
        {load.status === 'done' && load.verdict && <ManifestStoreView verdict={load.verdict} />}
      </div>
    </InspectorFrame>
  );
}

function VerdictWords({ load }: { load: ImageCheckLoad }) {
  switch (load.status) {
    case 'checking':
      return <LoadingState label="Checking the image’s Content Credentials…" />;
    case 'error':
      return <ErrorState title="Verity couldn’t check this image">{load.message}</ErrorState>;
    case 'done':
      if (load.verdict === null) {
        return (
          <EmptyState title="This image carries no Content Credentials">
            Nothing in it says where it came from. Most images carry none: that says nothing either way about the image.
          </EmptyState>
        );
      }
      return (
        <>
          <StateBadge state={load.verdict.state} size="lg" />
          <h1 id="image-heading" className="text-xl font-semibold tracking-tight text-slate-900">
            {imageHeadline(load.verdict)}
          </h1>
          <p className="max-w-prose text-[15px] leading-relaxed text-slate-700">{aboutOrigin}</p>
          {load.verdict.state === 'untrusted' && (
            <p className="max-w-prose text-sm text-slate-700">The signature holds, but anyone can sign: the signer is not on a trust list you use.</p>
          )}
        </>
      );
  }
}
