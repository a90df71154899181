import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import { hasImageAccess, imageAccessPermission, imageAccessRequest, isImageAccessChange } from '../background/images/image-access';
import { SectionHeading } from './TrustForm';

type Access = { status: 'reading' } | { status: 'granted' } | { status: 'not-granted' } | { status: 'failed'; message: string };

/**
 * "Check images' Content Credentials": the opt-in to the optional host
 * permission that lets Verity read the bytes of any page's images (issue
 * 15). The browser asks the reader itself, from this click; turning it off
 * gives the permission back. The state shown is the browser's, kept live.
 */
export function ImageAccessSection() {
  const [access, setAccess] = useState<Access>({ status: 'reading' });

  useEffect(() => {
    const read = () =>
      hasImageAccess().then(
        (granted) => setAccess({ status: granted ? 'granted' : 'not-granted' }),
        (error: unknown) => setAccess({ status: 'failed', message: messageOf(error) }),
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
    // Straight from the click: the browser asks only within the reader's gesture.
    const asked = grant ? browser.permissions.request(imageAccessRequest) : browser.permissions.remove(imageAccessPermission);
    asked.then(
      () => hasImageAccess().then((granted) => setAccess({ status: granted ? 'granted' : 'not-granted' })),
      (error: unknown) => setAccess({ status: 'failed', message: messageOf(error) }),
    );
  };

  const granted = access.status === 'granted';
  return (
    <section aria-labelledby="images-heading">
      <SectionHeading id="images-heading" title="Check images’ Content Credentials">
        Many AI image tools sign what they make with Content Credentials (C2PA). Verity can check them on the pages you
        read and mark AI-made images, on this computer. To do that it has to read the images’ files from the sites that
        serve them, so your browser asks you to let Verity “read your data on all websites”. Verity reads only images,
        sends no cookies with them, and sends nothing anywhere.
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
              check one image: right-click it and choose “Verify image with Verity”.
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
            Allow image checks…
          </button>
        )}
      </div>
    </section>
  );
}
