import { allowImageChecksLabel, imageAccessTitle, imageAccessWhyBrief } from '../../components/image-access-words';
import { type ImageAccess, useImageAccess } from '../../components/use-image-access';

/**
 * The opt-in to image checks where the page's images are listed (issue
 * 15): why, in one sentence, and the button that has the browser ask. In
 * Chrome the popup closes as the browser's prompt opens; opened again, it
 * reads the grant afresh and shows nothing. Nothing while the grant is
 * read, nor once it holds.
 */
export function ImageAccessOffer() {
  const { access, change } = useImageAccess();

  if (access.status === 'reading' || access.status === 'granted') return null;
  return (
    <section aria-labelledby="image-access-heading" className="px-3 pt-3 pb-2">
      <h2 id="image-access-heading" className="px-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {imageAccessTitle}
      </h2>
      <div className="rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-xs">
        <p className="text-[13px] leading-snug text-slate-700">{imageAccessWhyBrief}</p>
        <button type="button" className="btn-primary mt-2.5" onClick={() => change(true)}>
          {allowImageChecksLabel}
        </button>
        <p role="status" className="mt-2 text-xs leading-snug text-slate-600 empty:hidden">
          {outcomeOf(access)}
        </p>
      </div>
    </section>
  );
}

/** What became of the last request, politely: the reader may have said no on purpose. */
function outcomeOf(access: ImageAccess): string | null {
  if (access.status === 'failed') {
    return `Your browser couldn’t ask for image checks (${access.message}). You can try again, or turn them on in Settings.`;
  }
  if (access.status === 'not-granted' && access.refused) return 'Image checks stay off. You can allow them here or in Settings whenever you like.';
  return null;
}
