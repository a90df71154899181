import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { messageOf } from '../../components/error-message';
import { stateStyles } from '../../components/state-style';
import { sendToWorker } from '../../messaging/client';
import { ImageDetailsView, type ImageCheckLoad } from './ImageDetailsView';

/** The inspector on an image: checked again here, by its address, with this reader's trust anchors. */
export function ImageDetails({ imageUrl, pageUrl, banner }: { imageUrl: string; pageUrl: string; banner?: ReactNode }) {
  const [load, setLoad] = useState<ImageCheckLoad>({ status: 'checking' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let closed = false;
    setLoad({ status: 'checking' });
    sendToWorker('check-image', { url: imageUrl, ...(/^https?:/i.test(pageUrl) && { pageUrl }) }).then(
      ({ verdict }) => !closed && setLoad({ status: 'done', verdict }),
      (error: unknown) => !closed && setLoad({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      closed = true;
    };
  }, [imageUrl, pageUrl, round]);

  const state = load.status === 'done' ? load.verdict?.state : undefined;
  useEffect(() => {
    document.title = state ? `${stateStyles[state].word} · Verity image inspector` : 'Verity image inspector';
  }, [state]);

  const checkAgain = useCallback(() => setRound((count) => count + 1), []);
  return <ImageDetailsView imageUrl={imageUrl} pageUrl={pageUrl} load={load} onCheckAgain={checkAgain} banner={banner} />;
}
