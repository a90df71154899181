import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../components/error-message';
import { stateStyles } from '../../components/state-style';
import { shareLink } from '../../lib/share/share-link';
import { sendToWorker } from '../../messaging/client';
import { ImageDetailsView, type ImageCheckLoad } from './ImageDetailsView';
import { useShareLinkBase } from './share';

export type ImageDetailsProps = {
  imageUrl: string;
  /** The page it was seen on; for a shared image, the page its link names (shown, never trusted), or "". */
  pageUrl: string;
  /** Opened from a share link: said so, and recorded in the history as shared. */
  shared?: boolean;
};

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** The inspector on an image: checked again here, by its address, with this reader's trust anchors. */
export function ImageDetails({ imageUrl, pageUrl, shared = false }: ImageDetailsProps) {
  const [load, setLoad] = useState<ImageCheckLoad>({ status: 'checking' });
  const [round, setRound] = useState(0);
  const shareBase = useShareLinkBase();

  useEffect(() => {
    let closed = false;
    setLoad({ status: 'checking' });
    sendToWorker('check-image', { url: imageUrl, ...(isHttp(pageUrl) && { pageUrl }), ...(shared && { shared }) }).then(
      ({ verdict }) => !closed && setLoad({ status: 'done', verdict }),
      (error: unknown) => !closed && setLoad({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      closed = true;
    };
  }, [imageUrl, pageUrl, shared, round]);

  const state = load.status === 'done' ? load.verdict?.state : undefined;
  useEffect(() => {
    document.title = state ? `${stateStyles[state].word} · Verity image inspector` : 'Verity image inspector';
  }, [state]);

  const checkAgain = useCallback(() => setRound((count) => count + 1), []);
  // The link carries the image's address and the page's, never its bytes nor this verdict.
  const link = isHttp(imageUrl) ? shareLink(shareBase, { image: { url: imageUrl }, ...(isHttp(pageUrl) && { pageUrl }) }) : undefined;
  return <ImageDetailsView imageUrl={imageUrl} pageUrl={pageUrl} load={load} onCheckAgain={checkAgain} shared={shared} shareLink={link} />;
}
