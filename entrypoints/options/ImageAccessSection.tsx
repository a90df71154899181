import { allowImageChecksLabel, imageAccessTitle, imageAccessWhy } from '../../components/image-access-words';
import { useImageAccess } from '../../components/use-image-access';
import { SectionHeading } from './TrustForm';

/**
 * "Check images' Content Credentials": the opt-in to the optional host
 * permission that lets Verity read the bytes of any page's images (issue
 * 15). The browser asks the reader itself, from this click; turning it off
 * gives the permission back. The state shown is the browser's, kept live.
 */
export function ImageAccessSection() {
  const { access, change } = useImageAccess();

  const granted = access.status === 'granted';
  return (
    <section aria-labelledby="images-heading">
      <SectionHeading id="images-heading" title={imageAccessTitle}>
        {imageAccessWhy}
      </SectionHeading>
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3">
        <p role="status" className="mr-auto text-sm text-slate-700">
          {access.status === 'reading' && 'Reading whether Verity may check images…'}
          {access.status === 'granted' && (
            <>
              <span className="font-semibold text-emerald-800">On.</span> Verity checks the images near where you read.
            </>
          )}
          {access.status === 'not-granted' && (
            <>
              <span className="font-semibold text-slate-900">Off.</span> Images on pages are not checked. You can still
              check one image: right-click it and choose “Verify image with Verity”. For an image from another site than
              the page’s, your browser first asks whether Verity may read that one site.
            </>
          )}
          {access.status === 'failed' && <span className="text-red-700">Couldn’t change this: {access.message}</span>}
        </p>
        {granted ? (
          <button type="button" className="btn-secondary" onClick={() => change(false)}>
            Turn off
          </button>
        ) : (
          <button type="button" className="btn-primary" onClick={() => change(true)} disabled={access.status === 'reading'}>
            {allowImageChecksLabel}
          </button>
        )}
      </div>
    </section>
  );
}
