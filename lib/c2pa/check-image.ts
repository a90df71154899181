import { WasmReader } from '@contentauth/c2pa-wasm';
import { engineErrorOf } from './errors';
import { sniffImageFormat } from './image-format';
import { imageVerdictOf, imageVerdictOfEngineError, failedReadVerdict, type ImageVerdict } from './image-verdict';
import { manifestStore } from './manifest-store';

export type CheckImageParameters = {
  bytes: Uint8Array;
  /** The media type the source declared (a Content-Type), used only when the bytes do not say. */
  declaredType?: string | undefined;
  /** PEM certificates whose chains count as trusted: the C2PA Trust List and the reader's own anchors. */
  trustAnchors: string;
  /** Keep the engine's manifest store JSON in the verdict (for the inspector): pages' badges do without it. */
  keepManifestStore?: boolean | undefined;
};

/**
 * Reads and validates an image's Content Credentials with c2pa-rs (the WASM
 * engine, started by the caller with `initSync`). `null` when the image has
 * no manifest: it gets no badge. Nothing is fetched: remote manifests and
 * OCSP stay unread, so a check tells no one which image was looked at.
 */
export async function checkImage({ bytes, declaredType, trustAnchors, keepManifestStore = false }: CheckImageParameters): Promise<ImageVerdict | null> {
  const format = sniffImageFormat(bytes) ?? declaredType ?? 'application/octet-stream';
  let reader: WasmReader;
  try {
    reader = await WasmReader.fromBytes(format, bytes, readerSettings(trustAnchors));
  } catch (thrown) {
    return imageVerdictOfEngineError(engineErrorOf(thrown));
  }
  try {
    const store: unknown = reader.manifestStore();
    const parsed = manifestStore.safeParse(store);
    const kept = keepManifestStore ? { manifestStore: store } : {};
    if (!parsed.success) return { ...failedReadVerdict('malformed', 'The Content Credentials are not in a form Verity reads'), ...kept };
    return { ...imageVerdictOf(parsed.data), ...kept };
  } catch (thrown) {
    return imageVerdictOfEngineError(engineErrorOf(thrown));
  } finally {
    reader.free();
  }
}

/** c2pa-rs settings for reading: trust checked against the given anchors, nothing fetched. */
function readerSettings(trustAnchors: string): string {
  return JSON.stringify({
    verify: { verify_trust: true, verify_timestamp_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
    ...(trustAnchors.trim() !== '' && { trust: { trust_anchors: trustAnchors } }),
  });
}
