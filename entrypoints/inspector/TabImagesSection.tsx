import { StateBadge } from '../../components/StateBadge';
import { imageFileNames } from '../../components/image-file-name';
import { imageHeadlineInk, imageStateLabel, unreadImagesWords } from '../../components/page-image-words';
import type { TabImage } from '../../messaging/messages';

export type TabImagesSectionProps = {
  images: readonly TabImage[];
  /** Images of the page Verity could not read: nothing says whether they have Content Credentials. */
  unread: number;
  /** The inspector's address for one image, checked again there. */
  imageUrl: (url: string) => string;
};

/** The images with Content Credentials a tab's page showed, each leading to its manifest store in the inspector. */
export function TabImagesSection({ images, unread, imageUrl }: TabImagesSectionProps) {
  const names = imageFileNames(images.map(({ url }) => url));
  if (images.length === 0 && unread === 0) return null;
  return (
    <section aria-labelledby="tab-images-heading" className="mt-8">
      <h2 id="tab-images-heading" className="text-base font-semibold text-slate-900">
        Images with Content Credentials <span className="font-normal text-slate-500 tabular-nums">({images.length})</span>
      </h2>
      {images.length > 0 && (
        <>
          <p className="mt-1 text-sm text-slate-500">Choose an image to see its manifest store: claims, actions, ingredients and validation codes.</p>
          <ol className="mt-3 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
            {images.map((image, index) => (
              <li key={image.url}>
                <a href={imageUrl(image.url)} className="focus-ring grid gap-2 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[9rem_minmax(0,1fr)] sm:items-center sm:gap-3">
                  <span>
                    <StateBadge state={image.state} size="sm" label={imageStateLabel(image)} />
                  </span>
                  <span className="min-w-0">
                    <span className={`block text-sm ${imageHeadlineInk(image)}`}>{image.headline}</span>
                    <span className="block truncate font-mono text-[11px] text-slate-500" title={image.url}>
                      {names[index]}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
      {unread > 0 && <p className="mt-3 text-sm text-slate-500">{unreadImagesWords(unread)}</p>}
    </section>
  );
}
