import { useState, type ReactNode } from 'react';
import { messageOf } from '../../components/error-message';
import { CheckIcon, CrossIcon, SpinnerIcon } from '../../components/icons';
import { ManagedBadge } from '../../components/ManagedBadge';
import type { Answer, WorkerMessages } from '../../messaging/messages';
import { fieldWordsOf } from './field-words';

/** Problems with the form, by configuration path (`chains.1.rpc.0`). */
export type FieldErrors = ReadonlyMap<string, string>;

export type RpcTestResult = Answer<WorkerMessages, 'test-rpc'>;

/** The DOM id of the input for a configuration path, so the error summary can link to it. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

type TextFieldProps = {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  managed?: boolean;
  /** Read-only for another reason than the organisation. */
  readOnly?: boolean;
  hint?: string;
  placeholder?: string;
  /** Addresses, hashes and URLs read better in a fixed-width face. */
  mono?: boolean;
  inputMode?: 'numeric' | 'url' | 'text';
  className?: string;
  /** A narrow field marks the organisation's value with the lock alone, so the mark fits beside the label. */
  narrow?: boolean;
};

/** A labelled input with its hint and its error, read-only when the organisation set it. */
export function TextField({
  label,
  path,
  value,
  onChange,
  errors,
  managed = false,
  readOnly = false,
  hint,
  placeholder,
  mono = false,
  inputMode = 'text',
  className = '',
  narrow = false,
}: TextFieldProps) {
  const id = fieldId(path);
  const error = errors.get(path);
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <div className="mb-1 flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-[13px] font-medium text-slate-700">
          {label}
        </label>
        {managed && <ManagedBadge compact={narrow} />}
      </div>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        className={`field ${mono ? 'font-mono text-[13px]' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        readOnly={managed || readOnly}
        // A fixed empty value is "not set"; a hint to type something would look editable.
        placeholder={managed || readOnly ? 'Not set' : placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} path={path} error={error} />
    </div>
  );
}

/** The error beside its field, in words: "RPC URL 2 must be an http(s) URL". */
function FieldError({ id, path, error }: { id: string; path: string; error?: string }) {
  if (!error) return null;
  const { field } = fieldWordsOf(path);
  return (
    <p id={id} className="mt-1 text-xs text-red-700">
      {`${field.charAt(0).toUpperCase()}${field.slice(1)} ${error}.`}
    </p>
  );
}

type ListFieldProps = {
  label: string;
  /** The list's path; each item's is `${path}.${index}`. */
  path: string;
  values: string[];
  onChange: (values: string[]) => void;
  errors: FieldErrors;
  managed?: boolean;
  hint?: string;
  placeholder?: string;
  addLabel: string;
  /** The word for one item in accessible names ("RPC URL"). */
  itemName: string;
  /** Extra controls beside each item, e.g. a connection test. */
  itemActions?: (value: string, index: number) => ReactNode;
  /** Whether the list may become empty. */
  allowEmpty?: boolean;
};

/** An editable list of single-line values. */
export function ListField({
  label,
  path,
  values,
  onChange,
  errors,
  managed = false,
  hint,
  placeholder,
  addLabel,
  itemName,
  itemActions,
  allowEmpty = true,
}: ListFieldProps) {
  const listError = errors.get(path);
  const headingId = `${fieldId(path)}-label`;
  return (
    <fieldset aria-labelledby={headingId} aria-describedby={hint ? `${fieldId(path)}-hint` : undefined}>
      <div className="mb-1 flex items-center justify-between gap-2">
        <span id={headingId} className="text-[13px] font-medium text-slate-700">
          {label}
        </span>
        {managed && <ManagedBadge />}
      </div>
      {hint && (
        <p id={`${fieldId(path)}-hint`} className="-mt-0.5 mb-1.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {values.length === 0 && <p className="mb-1.5 text-xs text-slate-400 italic">None</p>}
      <ul className="space-y-1.5">
        {values.map((value, index) => {
          const itemPath = `${path}.${index}`;
          const id = fieldId(itemPath);
          const error = errors.get(itemPath);
          return (
            <li key={index}>
              <div className="flex flex-wrap items-center gap-1.5">
                <input
                  id={id}
                  type="text"
                  spellCheck={false}
                  autoComplete="off"
                  className="field w-auto min-w-0 flex-1 font-mono text-[13px]"
                  value={value}
                  placeholder={placeholder}
                  readOnly={managed}
                  aria-label={`${itemName} ${index + 1}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => onChange(values.map((each, at) => (at === index ? event.target.value : each)))}
                />
                {itemActions?.(value, index)}
                {!managed && (allowEmpty || values.length > 1) && (
                  <button
                    type="button"
                    className="btn-quiet px-1.5"
                    aria-label={`Remove ${itemName} ${index + 1}`}
                    title="Remove"
                    onClick={() => onChange(values.filter((_, at) => at !== index))}
                  >
                    <CrossIcon className="size-4" />
                  </button>
                )}
              </div>
              <FieldError id={`${id}-error`} path={itemPath} error={error} />
            </li>
          );
        })}
      </ul>
      <FieldError id={`${fieldId(path)}-error`} path={path} error={listError} />
      {!managed && (
        <button type="button" className="btn-quiet mt-1 -ml-2 text-sky-700 hover:text-sky-900" onClick={() => onChange([...values, ''])}>
          + {addLabel}
        </button>
      )}
    </fieldset>
  );
}

type RpcTestState = { url: string; result: RpcTestResult | 'testing' };

/** "Test connection" for one RPC URL, with the outcome beside it. */
export function RpcTestButton({
  url,
  chainId,
  testRpc,
}: {
  url: string;
  chainId: string;
  testRpc: (url: string, chainId: number) => Promise<RpcTestResult>;
}) {
  const [test, setTest] = useState<RpcTestState>();
  // A result belongs to the URL it was for; editing the URL clears it.
  const current = test?.url === url ? test.result : undefined;
  const run = () => {
    setTest({ url, result: 'testing' });
    testRpc(url.trim(), Number(chainId)).then(
      (result) => setTest({ url, result }),
      (error: unknown) => setTest({ url, result: { ok: false, error: messageOf(error) } }),
    );
  };
  return (
    <>
      <button
        type="button"
        className="btn-secondary px-2.5 text-xs"
        onClick={run}
        disabled={current === 'testing' || url.trim() === '' || !/^[1-9][0-9]*$/.test(chainId.trim())}
      >
        {current === 'testing' ? <SpinnerIcon className="size-3.5" /> : null}
        Test connection
      </button>
      <span role="status" className="sr-only">
        {current && current !== 'testing' && (current.ok ? `Connected, block ${current.blockNumber}` : current.error)}
      </span>
      {current && current !== 'testing' && (
        // On a line of its own under the URL, whatever the other controls of the row.
        <span
          aria-hidden="true"
          className={`order-last flex basis-full items-start gap-1 text-xs break-all ${current.ok ? 'text-emerald-700' : 'text-red-700'}`}
        >
          {current.ok ? <CheckIcon className="size-3.5" /> : <CrossIcon className="size-3.5" />}
          {current.ok ? `Connected · block ${current.blockNumber} · ${current.latencyMs} ms` : current.error}
        </span>
      )}
    </>
  );
}
