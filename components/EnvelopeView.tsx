import type { PageProof } from '../lib/extract/page-proof';
import { CopyButton } from './CopyButton';
import { decodeEnvelope, type EnvelopeEncoding } from './decode-envelope';
import { JsonView } from './JsonView';

export type EnvelopeViewProps = {
  /** The envelope exactly as the page carried it. */
  raw: string;
  form?: PageProof['form'];
};

const formWords: Record<PageProof['form'], string> = {
  attribute: 'a data-ai-proof attribute',
  script: 'an ai-proof script',
  text: 'an ai-proof:v1: token in the text',
};

const encodingWords: Record<EnvelopeEncoding, string> = {
  json: '',
  base64url: ', base64url-encoded',
  token: '',
  'short reference': ', as a short reference to the chain',
};

/** The proof envelope decoded and formatted, with what the page carried beneath it. */
export function EnvelopeView({ raw, form }: EnvelopeViewProps) {
  const decoded = decodeEnvelope(raw);
  const formatted = decoded.ok ? JSON.stringify(decoded.value, null, 2) : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {form ? <>Found in {formWords[form]}</> : 'Found on the page'}
          {decoded.ok && encodingWords[decoded.encoding]}.
        </p>
        <div className="flex gap-2">
          {formatted !== null && <CopyButton text={formatted} label="Copy JSON" />}
          <CopyButton text={raw} label="Copy as found" />
        </div>
      </div>
      {decoded.ok ? (
        <JsonView value={decoded.value} />
      ) : (
        <>
          <p role="note" className="rounded-md border border-purple-200 bg-purple-50/60 px-3 py-2 text-sm text-purple-900">
            This envelope couldn't be decoded for display ({decoded.error}). It is shown exactly as found.
          </p>
          <pre className="max-h-80 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3.5 font-mono text-xs break-all whitespace-pre-wrap text-slate-800">
            {raw}
          </pre>
        </>
      )}
      {decoded.ok && decoded.encoding !== 'json' && (
        <details className="group text-sm">
          <summary className="focus-ring cursor-pointer rounded-sm text-slate-600 select-none hover:text-slate-900">
            As found on the page
          </summary>
          <pre className="mt-2 max-h-60 overflow-auto rounded-lg border border-slate-200 bg-white p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-700">
            {raw}
          </pre>
        </details>
      )}
    </div>
  );
}
