import { useEffect } from 'react';
import { StateBadge } from '../../components/StateBadge';
import { imageFileNames } from '../../components/image-file-name';
import { imageHeadlineInk, imageStateLabel, unreadImagesWords } from '../../components/page-image-words';
import { sendToTab, sendToWorker } from '../../messaging/client';
import type { TabImage } from '../../messaging/messages';
import { ImageAccessOffer } from './ImageAccessOffer';
import { useTabAnswer } from './use-tab-answer';

const askImages = (tabId: number) => sendToWorker('tab-images', { tabId });
const noImages: { images: TabImage[]; unread: number } = { images: [], unread: 0 };
// The top frame's count: a page whose content script cannot run (the browser's own pages) has none to check.
const askImageCount = (tabId: number) => sendToTab(tabId, 'count-images', {}, { frameId: 0 }).then((answer) => answer.images);

/**
 * The images with Content Credentials the tab's page showed (issue 15),
 * each with its state, "AI" where the manifest says so and its signature
 * holds, and the card's headline, then how many images Verity could not
 * read (a site that refused it, a format it does not read): those have no
 * badge, since nothing says they carry Content Credentials. While image checks are off the page
 * checks no image (only those checked from the context menu are listed),
 * so the offer to turn them on follows, on a page with images: elsewhere
 * it would only be in the way (Settings offers it always).
 */
export function PageImagesSection({ tabId, onListed }: { tabId: number; onListed?: (listed: boolean) => void }) {
  const { images, unread } = useTabAnswer(tabId, askImages, noImages);
  const imageCount = useTabAnswer(tabId, askImageCount, 0);
  // The popup offers the page's report once it has images to carry, on a page without text proofs too.
  const listed = images.length > 0;
  useEffect(() => onListed?.(listed), [onListed, listed]);

  return (
    <>
      {(images.length > 0 || unread > 0) && <ImageList images={images} unread={unread} />}
      {(images.length > 0 || imageCount > 0) && <ImageAccessOffer />}
    </>
  );
}

function ImageList({ images, unread }: { images: TabImage[]; unread: number }) {
  const names = imageFileNames(images.map(({ url }) => url));
  return (
    <section aria-labelledby="images-heading" className="px-3 pt-3 pb-2">
      <h2 id="images-heading" className="px-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Images with Content Credentials <span className="font-normal tabular-nums">({images.length})</span>
      </h2>
      {images.length > 0 && (
        <ul className="space-y-1.5">
          {images.map((image, index) => (
            <li key={image.url} className="rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-xs">
              <span className="flex items-center gap-2">
                <StateBadge state={image.state} size="sm" label={imageStateLabel(image)} />
                <a href={image.url} target="_blank" rel="noopener" className="link min-w-0 truncate text-xs" title={image.url}>
                  {names[index]}
                </a>
              </span>
              <span className={`mt-1.5 line-clamp-2 block text-[13px] leading-snug ${imageHeadlineInk(image)}`}>
                {image.headline}
              </span>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && <p className="px-1 pt-2 text-xs text-slate-600">{unreadImagesWords(unread)}</p>}
      {images.length > 0 && <p className="px-1 pt-2 text-xs text-slate-500">Where each image came from, as its Content Credentials say: not whether it shows the truth.</p>}
    </section>
  );
}
