import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { ManagedBadge } from '../../components/ManagedBadge';
import { messageOf } from '../../components/error-message';
import { certificateFileText, readPemCertificates, type PemCertificate } from '../../lib/c2pa/pem-certificates';
import { shippedTrustListsDate } from '../../lib/c2pa/trust-lists/sources';
import type { C2paTrust } from '../../lib/trust/c2pa-trust';
import { imageAnchorsKey, interimListKey, trustListsKey } from '../background/images/image-anchor-keys';
import { refreshImageTrustLists, type TrustListStatuses } from '../background/images/image-anchors';
import { shippedTrustLists } from '../background/images/shipped-trust-lists';
import { readerSignersOf, withSignerRemoved, withSignersAdded } from './image-signers';
import { SectionHeading } from './TrustForm';

export type ImageSignersSectionProps = {
  /** The `c2pa` section of the organisation's policy, when it has one. */
  organisation?: C2paTrust | undefined;
};

type Stored = { reader: string; interim: boolean; lists: TrustListStatuses };

const shippedCount = readPemCertificates(shippedTrustLists.official).length;
const shippedTsaCount = readPemCertificates(shippedTrustLists.tsa).length;
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

async function readStored(): Promise<Stored> {
  const stored = await browser.storage.local.get([imageAnchorsKey, interimListKey, trustListsKey]);
  return {
    reader: typeof stored[imageAnchorsKey] === 'string' ? stored[imageAnchorsKey] : '',
    interim: stored[interimListKey] === true,
    lists: (stored[trustListsKey] as TrustListStatuses | undefined) ?? {},
  };
}

/**
 * "Image signers you trust" (issue 15): whose Content Credentials count as
 * verified. The C2PA Trust List as shipped or last updated, the retired
 * interim list (off unless turned on), the organisation's signers, and the
 * reader's own, pasted or from a file. Each change applies at once.
 */
export function ImageSignersSection({ organisation }: ImageSignersSectionProps) {
  const [stored, setStored] = useState<Stored>({ reader: '', interim: false, lists: {} });
  const [updating, setUpdating] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  useEffect(() => {
    let closed = false;
    const read = () => void readStored().then((next) => !closed && setStored(next), () => undefined);
    read();
    const changed = (changes: Record<string, unknown>, area: string) => area === 'local' && [imageAnchorsKey, interimListKey, trustListsKey].some((key) => key in changes) && read();
    browser.storage.onChanged.addListener(changed);
    return () => {
      closed = true;
      browser.storage.onChanged.removeListener(changed);
    };
  }, []);

  const add = (text: string) => {
    setStatus('');
    let next: { pem: string; added: number };
    try {
      next = withSignersAdded(stored.reader, text);
    } catch (failure) {
      setError(`Couldn’t add: ${messageOf(failure)}`);
      return;
    }
    setError(undefined);
    browser.storage.local.set({ [imageAnchorsKey]: next.pem }).then(
      () => {
        setPasted('');
        setStatus(next.added === 0 ? 'Already in your list.' : `Added ${next.added === 1 ? 'one signer' : `${next.added} signers`}.`);
      },
      (failure: unknown) => setError(`Couldn’t save: ${messageOf(failure)}`),
    );
  };

  const update = () => {
    setUpdating(true);
    // The outcome, good or not, arrives through storage like the daily update's.
    refreshImageTrustLists()
      .catch(() => undefined)
      .finally(() => setUpdating(false));
  };

  const official = stored.lists.official;
  const tsa = stored.lists.tsa;
  const interimFromOrganisation = organisation?.interimList;
  const interimOn = interimFromOrganisation ?? stored.interim;
  const organisationSigners = organisation?.anchors === undefined ? [] : readerSignersOf(organisation.anchors);
  const readerSigners = readerSignersOf(stored.reader);

  return (
    <section aria-labelledby="image-signers-heading">
      <SectionHeading id="image-signers-heading" title="Image signers you trust">
        An image’s Content Credentials are “Verified” only when their signer is one of these. Anyone can sign an image;
        these lists say whose signature counts.
      </SectionHeading>
      <div className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {/* Where the text would be narrower than 16 rem (a phone, 400 % zoom), "Update now" goes under it. */}
        <div className="flex flex-wrap items-start gap-x-4 gap-y-3 px-4 py-4">
          <div className="mr-auto min-w-0 max-w-xl grow basis-64">
            <p className="text-sm font-medium text-slate-900">C2PA Trust List</p>
            <p role="status" className="mt-0.5 text-sm text-slate-600">
              {official?.copy
                ? `${official.copy.certificates} signing authorities, updated ${day(official.copy.fetchedAt)}.`
                : `${shippedCount} signing authorities, as shipped with Verity (published ${day(shippedTrustListsDate)}).`}{' '}
              The signers the C2PA recognises. Verity updates it about once a day.
            </p>
            <p className="mt-1 text-sm text-slate-600">
              With it, the C2PA TSA Trust List: {tsa?.copy ? tsa.copy.certificates : shippedTsaCount} time-stamping authorities. They vouch only for
              when an image was signed, never for who signed it.
            </p>
            {official?.error && (
              <p className="mt-1 text-sm text-amber-800">
                The last update failed ({official.error}). Verity keeps using the copy above.
              </p>
            )}
            {tsa?.error && (
              <p className="mt-1 text-sm text-amber-800">
                The last update of the TSA list failed ({tsa.error}). Verity keeps using the copy it has.
              </p>
            )}
          </div>
          <button type="button" className="btn-secondary shrink-0" onClick={update} disabled={updating}>
            {updating ? 'Updating…' : 'Update now'}
          </button>
        </div>

        <div className="flex items-start gap-4 px-4 py-4">
          <div className="mr-auto max-w-xl">
            <p id="interim-label" className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
              Also trust the retired interim list
              {interimFromOrganisation !== undefined && <ManagedBadge />}
            </p>
            <p id="interim-hint" className="mt-0.5 text-sm text-slate-600">
              The temporary list Content Credentials used before the C2PA Trust List, no longer kept up. Older images
              may rest on it. An image verified only through it says “signer on the retired interim list”.
            </p>
          </div>
          <button
            type="button"
            role="switch"
            aria-checked={interimOn}
            aria-labelledby="interim-label"
            aria-describedby="interim-hint"
            disabled={interimFromOrganisation !== undefined}
            onClick={() => void browser.storage.local.set({ [interimListKey]: !stored.interim })}
            className={`focus-ring relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${interimOn ? 'bg-emerald-600' : 'bg-slate-300'}`}
          >
            <span aria-hidden="true" className={`inline-block size-5 rounded-full bg-white shadow-sm transition-transform ${interimOn ? 'translate-x-5.5' : 'translate-x-0.5'}`} />
          </button>
        </div>

        {organisationSigners.length > 0 && (
          <div className="px-4 py-4">
            <p id="organisation-signers-label" className="flex items-center gap-2 text-sm font-medium text-slate-900">
              Your organisation’s signers <ManagedBadge />
            </p>
            <SignerList labelledBy="organisation-signers-label" signers={organisationSigners} />
          </div>
        )}

        <div className="px-4 py-4">
          <p id="reader-signers-label" className="text-sm font-medium text-slate-900">
            Signers you added
          </p>
          {readerSigners.length === 0 ? (
            <p className="mt-0.5 text-sm text-slate-500">None yet. Add a signer’s certificate, or the certificate of the authority that issues theirs.</p>
          ) : (
            <SignerList
              labelledBy="reader-signers-label"
              signers={readerSigners}
              onRemove={(signer) => void browser.storage.local.set({ [imageAnchorsKey]: withSignerRemoved(stored.reader, signer.pem) }).then(() => setStatus(`Removed ${signer.name}.`))}
            />
          )}
          <form
            className="mt-3"
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              add(pasted);
            }}
          >
            <label htmlFor="image-signer-pem" className="text-sm text-slate-700">
              Certificate (PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----)
            </label>
            <textarea
              id="image-signer-pem"
              rows={4}
              spellCheck={false}
              className="field mt-1 font-mono text-[12px]"
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'image-signer-error' : undefined}
            />
            {error && (
              <p id="image-signer-error" role="alert" className="mt-1 text-xs text-red-700">
                {error}
              </p>
            )}
            <div className="mt-2 flex flex-wrap items-center gap-3">
              <button type="submit" className="btn-secondary" disabled={pasted.trim() === ''}>
                Add signer
              </button>
              <label className="btn-quiet cursor-pointer">
                Add from a file…
                <input
                  type="file"
                  accept=".pem,.crt,.cer,.der"
                  className="sr-only"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    file?.arrayBuffer().then((buffer) => add(certificateFileText(new Uint8Array(buffer))), (failure: unknown) => setError(`Couldn’t read the file: ${messageOf(failure)}`));
                  }}
                />
              </label>
              <p role="status" className="text-xs text-slate-600">
                {status}
              </p>
            </div>
          </form>
        </div>
      </div>
    </section>
  );
}

function SignerList({ labelledBy, signers, onRemove }: { labelledBy: string; signers: PemCertificate[]; onRemove?: (signer: PemCertificate) => void }) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
      {signers.map((signer) => (
        <li key={signer.pem} className="flex items-center gap-3 px-3 py-2">
          <div className="mr-auto min-w-0">
            <p className="truncate text-sm text-slate-900">{signer.name}</p>
            <p className="text-xs text-slate-500">
              {signer.organisation !== undefined && signer.organisation !== signer.name ? `${signer.organisation} · ` : ''}valid until {day(signer.validUntil)}
            </p>
          </div>
          {onRemove && (
            <button type="button" className="btn-quiet" onClick={() => onRemove(signer)} aria-label={`Remove ${signer.name}`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
