import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { PageImageChecks } from './page-image-checks';

/** How long a page's batch waits for its checks before it is answered with those done; the rest are sent as they end. */
export const batchAnswerMs = 1_000;

export type AnswerPageImagesParameters = {
  urls: readonly string[];
  checks: Pick<PageImageChecks, 'checkEach'>;
  /** Each image with Content Credentials, as its check ends (for the popup and the history). */
  onVerdict: (url: string, verdict: ImageVerdict) => void;
  /** Each image whose bytes could not be had or read (`imageUnread`), for the popup's count. */
  onUnread: (url: string) => void;
  /** Sends the frame an answer that came after its batch was answered (`page-image-checked`). */
  sendLate: (url: string, verdict: ImageVerdict) => void;
  answerWithinMs?: number | undefined;
};

export type AnswerPageImagesReturnType = { answered: { url: string; verdict: ImageVerdict }[] };

/**
 * A page's batch of images (`check-page-images`), answered once all its
 * checks ended or `answerWithinMs` passed, with the images with Content
 * Credentials found by then: a message the page receives costs its main
 * thread far more than the answer to one it sent, so most answers ride on
 * the batch's. A check that ends later is sent on its own; one slow image
 * never holds back the badges of the rest for long. Images without a
 * manifest, and failed checks, are not answered: they get no badge. Nor
 * are images Verity could not read (`imageUnread`: an HTTP error, a server
 * that wants the reader's cookies, a format the engine does not read):
 * nothing says they have Content Credentials, so no badge may say so.
 */
export async function answerPageImages({ urls, checks, onVerdict, onUnread, sendLate, answerWithinMs = batchAnswerMs }: AnswerPageImagesParameters): Promise<AnswerPageImagesReturnType> {
  const answered: AnswerPageImagesReturnType['answered'] = [];
  let late = false;
  let left = new Set(urls).size;
  let allEnded = (): void => undefined;
  const ended = new Promise<void>((resolve) => (allEnded = resolve));
  await checks.checkEach(urls, (url, answer) => {
    if ('verdict' in answer && answer.verdict?.imageUnread === true) onUnread(url);
    else if ('verdict' in answer && answer.verdict !== null) {
      onVerdict(url, answer.verdict);
      if (late) sendLate(url, answer.verdict);
      else answered.push({ url, verdict: answer.verdict });
    }
    if (--left === 0) allEnded();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, answerWithinMs)))]);
  clearTimeout(timer);
  late = true;
  return { answered };
}
