import { BaseError } from '../errors';

/**
 * What kind of failure the engine's error is: no manifest at all (no badge),
 * a manifest that does not parse (`malformed`), a manifest kept elsewhere
 * that it would have to fetch (`unavailable`), or an image it could not read
 * at all, of which nothing is known (lib/c2pa/image-verdict.ts: `imageUnread`).
 */
export type EngineFailureKind = 'no-manifest' | 'malformed' | 'remote-manifest' | 'unreadable';

export type C2paEngineErrorParameters = { kind: EngineFailureKind; engineError: string };

/** c2pa-rs refused the image or its manifest store. */
export class C2paEngineError extends BaseError {
  override name = 'C2paEngineError';
  readonly kind: EngineFailureKind;
  /** The engine's own error, such as `JumbfParseError(InvalidCborBox)`. */
  readonly engineError: string;

  constructor({ kind, engineError }: C2paEngineErrorParameters) {
    super(shortMessages[kind], { details: engineError });
    this.kind = kind;
    this.engineError = engineError;
  }
}

const shortMessages: Record<EngineFailureKind, string> = {
  'no-manifest': 'The image has no Content Credentials',
  malformed: 'The Content Credentials cannot be parsed',
  'remote-manifest': 'The Content Credentials are kept elsewhere, and Verity fetches none',
  unreadable: 'The image could not be read',
};

/** c2pa-rs errors that mean the image is not in a form the engine reads. */
const unreadable = new Set(['UnsupportedType', 'InvalidAsset', 'IoError', 'NotFound']);
/** c2pa-rs errors that mean the image names a manifest kept elsewhere: it has Content Credentials, unread. */
const remoteManifest = new Set(['RemoteManifestUrl', 'RemoteManifestFetch']);
const noManifest = new Set(['JumbfNotFound', 'ProvenanceMissing']);

/**
 * Sorts what the WASM engine threw. c2pa-rs errors reach JavaScript as bare
 * strings such as `C2pa(JumbfNotFound)`, with nothing else to tell them apart,
 * so the variant name is read from the text. Every other engine error about a
 * manifest that is there is `malformed`; a throw that is not the engine's
 * (a WebAssembly trap, memory running out) is `unreadable`, never a verdict
 * on the manifest.
 */
export function engineErrorOf(thrown: unknown): C2paEngineError {
  const text = typeof thrown === 'string' ? thrown : thrown instanceof Error ? thrown.message : String(thrown);
  const variant = /^C2pa\((\w+)/.exec(text)?.[1];
  const kind: EngineFailureKind =
    variant === undefined || unreadable.has(variant)
      ? 'unreadable'
      : remoteManifest.has(variant)
        ? 'remote-manifest'
        : noManifest.has(variant)
          ? 'no-manifest'
          : 'malformed';
  return new C2paEngineError({ kind, engineError: variant === undefined ? text : text.replace(/^C2pa\((.*)\)$/s, '$1') });
}
