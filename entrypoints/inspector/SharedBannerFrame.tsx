import type { ReactNode } from 'react';
import { ShareIcon } from '../../components/icons';

/** The "Shared with you" banner's frame: the inspector's, for a proof or an image, and the verifier page's; the words are each one's own. */
export function SharedBannerFrame({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="shared-heading" className="flex gap-3.5 rounded-xl border border-sky-200 bg-sky-50/70 px-5 py-4">
      <ShareIcon className="mt-0.5 size-5 shrink-0 text-sky-700" />
      <div className="min-w-0 space-y-1.5 text-sm leading-relaxed text-sky-950">
        <h2 id="shared-heading" className="font-semibold">
          Shared with you
        </h2>
        {children}
      </div>
    </section>
  );
}
