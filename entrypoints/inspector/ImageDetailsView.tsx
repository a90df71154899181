import { CopyButton } from '../../components/CopyButton';
import { EmptyState, ErrorState, LoadingState } from '../../components/Status';
import { LinkIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { stateStyles } from '../../components/state-style';
import type { ImageVerdict } from '../../lib/c2pa/image-verdict';
import { imageHeadline, untrustedNotes } from '../../lib/c2pa/image-words';
import { InspectorFrame } from './InspectorView';
import { ManifestStoreView } from './ManifestStoreView';
import { SharedLinkOrigin } from './SharedLinkOrigin';
import { RecheckButton } from './RecheckButton';
import { SharedBannerFrame } from './SharedBannerFrame';

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
  /** Opened from a share link: the page is only what the link says. */
  shared?: boolean;
  /** A link anyone can open to check this image themselves; absent when the image has no web address. */
  shareLink?: string | undefined;
};

const aboutOrigin = 'Content Credentials tell where an image came from and how it was made, not whether what it shows is true.';

/** One image's Content Credentials, checked just now by this Verity: the verdict, then the manifest store. */
export function ImageDetailsView({ imageUrl, pageUrl, load, onCheckAgain, shared = false, shareLink }: ImageDetailsViewProps) {
  const checking = load.status === 'checking';
  const checkAgain = <RecheckButton busy={checking} label="Check again" busyLabel="Checking…" onClick={onCheckAgain} />;
  return (
    <InspectorFrame pageUrl={pageUrl} shared={shared} subject="image">
      <div className="space-y-10">
        {shared && <SharedImageBanner pageUrl={pageUrl} />}
        <section aria-labelledby="image-heading" className={`rounded-xl border ${load.status === 'done' && load.verdict ? stateStyles[load.verdict.state].panel : 'border-slate-200 bg-white'}`}>
          <div className="flex flex-wrap items-start gap-5 p-5">
            <img src={imageUrl} alt="The image checked" className="size-32 shrink-0 rounded-lg border border-black/10 bg-white object-contain" />
            {/* Its own line under the image when the two do not fit side by side (a phone, 400 % zoom). */}
            <div className="min-w-0 grow basis-56 space-y-2">
              <VerdictWords load={load} />
              <dl className="space-y-0.5 pt-1 text-xs text-slate-600">
                <div className="flex gap-1.5">
                  <dt className="shrink-0 text-slate-500">Image</dt>
                  <dd className="min-w-0 font-mono break-all">{imageUrl}</dd>
                </div>
                {pageUrl !== '' && !shared && (
                  <div className="flex gap-1.5">
                    <dt className="shrink-0 text-slate-500">Seen on</dt>
                    <dd className="min-w-0 break-all">{pageUrl}</dd>
                  </div>
                )}
              </dl>
            </div>
          </div>
          <div className="flex flex-wrap gap-2 border-t border-black/5 bg-white/50 px-5 py-3">
            {checkAgain}
            {shareLink !== undefined && (
              <CopyButton text={shareLink} label="Copy share link" icon={<LinkIcon className="size-4" />} title="A link anyone with Verity can open to check this image themselves" />
            )}
          </div>
        </section>
        {load.status === 'done' && load.verdict && <ManifestStoreView verdict={load.verdict} />}
      </div>
    </InspectorFrame>
  );
}

/** Says where a shared image's verdict comes from: this browser, now; and that the link's page is only what the link says. */
function SharedImageBanner({ pageUrl }: { pageUrl: string }) {
  return (
    <SharedBannerFrame>
      <p>Your own Verity fetched this image and checked its Content Credentials just now, with your trust settings. The link carries only the image’s address, never a verdict.</p>
      <SharedLinkOrigin pageUrl={pageUrl || undefined} />
    </SharedBannerFrame>
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
          <h1 id="image-heading" className="text-xl font-semibold tracking-tight break-words text-slate-900">
            {imageHeadline(load.verdict)}
          </h1>
          <p className="max-w-prose text-[15px] leading-relaxed text-slate-700">{aboutOrigin}</p>
          {load.verdict.state === 'untrusted' && <p className="max-w-prose text-sm text-slate-700">{untrustedNotes[load.verdict.untrustedBy ?? 'signer']}</p>}
        </>
      );
  }
}
