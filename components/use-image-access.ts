import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { hasImageAccess, imageAccessPermission, imageAccessRequest, isImageAccessChange } from '../entrypoints/background/images/image-access';
import { messageOf } from './error-message';

/** Whether Verity may check images, as the browser says; `refused` right after the reader said no to the browser's prompt. */
export type ImageAccess =
  | { status: 'reading' }
  | { status: 'granted' }
  | { status: 'not-granted'; refused: boolean }
  | { status: 'failed'; message: string };

export type ImageAccessControl = {
  access: ImageAccess;
  /** Asks the browser for image access (`true`), or gives it back (`false`). */
  change: (grant: boolean) => void;
};

const accessOf = (granted: boolean, refused: boolean): ImageAccess => (granted ? { status: 'granted' } : { status: 'not-granted', refused });
const failure = (error: unknown): ImageAccess => ({ status: 'failed', message: messageOf(error) });

/**
 * The opt-in to image checks (issue 15), for the options page and the
 * popup alike: the browser's own state of the optional host permission,
 * kept live (it changes from the other page or the browser's settings), and
 * the request that changes it.
 */
export function useImageAccess(): ImageAccessControl {
  const [access, setAccess] = useState<ImageAccess>({ status: 'reading' });

  useEffect(() => {
    const read = () =>
      hasImageAccess().then(
        (granted) => setAccess(accessOf(granted, false)),
        (error: unknown) => setAccess(failure(error)),
      );
    void read();
    const changed = (change: { origins?: string[] }) => void (isImageAccessChange(change) && read());
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);

  const change = (grant: boolean) => {
    // Straight from the click, before any await: the browser asks only within the reader's gesture.
    const asked = grant ? browser.permissions.request(imageAccessRequest) : browser.permissions.remove(imageAccessPermission);
    asked
      .then((done) => hasImageAccess().then((granted) => setAccess(accessOf(granted, grant && !done))))
      .catch((error: unknown) => setAccess(failure(error)));
  };

  return { access, change };
}
