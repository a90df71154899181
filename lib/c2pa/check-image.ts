import { WasmReader } from '@contentauth/c2pa-wasm';
import { joinAnchorSets, orderedAnchorSets, type AnchorSet, type AnchorSource } from './anchor-sets';
import { engineErrorOf } from './errors';
import { sniffImageFormat } from './image-format';
import { imageVerdictOf, imageVerdictOfEngineError, failedReadVerdict, trustedVerdict, type ImageVerdict } from './image-verdict';
import { manifestStore } from './manifest-store';

export type CheckImageParameters = {
  bytes: Uint8Array;
  /** The media type the source declared (a Content-Type), used only when the bytes do not say. */
  declaredType?: string | undefined;
  /** The anchors whose chains count as trusted, by where they come from (lib/c2pa/anchor-sets.ts). */
  trustAnchors: readonly AnchorSet[];
  /** Keep the engine's manifest store JSON in the verdict (for the inspector): pages' badges do without it. */
  keepManifestStore?: boolean | undefined;
};

/**
 * Reads and validates an image's Content Credentials with c2pa-rs (the WASM
 * engine, started by the caller with `initSync`). `null` when the image has
 * no manifest: it gets no badge. Nothing is fetched: remote manifests and
 * OCSP stay unread, so a check tells no one which image was looked at.
 *
 * The verdict is the engine's with every anchor. A `verified` one also says
 * which source made its signer trusted (`trustedBy`): the engine does not
 * say which anchor it chained to, so the image is read again with the
 * sources in order, adding one at a time, until the signer is trusted.
 */
export async function checkImage({ bytes, declaredType, trustAnchors, keepManifestStore = false }: CheckImageParameters): Promise<ImageVerdict | null> {
  const format = sniffImageFormat(bytes) ?? declaredType ?? 'application/octet-stream';
  const sets = orderedAnchorSets(trustAnchors);
  const verdict = await readWith(format, bytes, sets, keepManifestStore);
  if (verdict?.state !== 'verified') return verdict;
  return trustedVerdict(verdict, await sourceOfTrust(format, bytes, sets));
}

async function sourceOfTrust(format: string, bytes: Uint8Array, sets: AnchorSet[]): Promise<AnchorSource> {
  // With all the sets the signer is trusted: the last set needs no read of its own.
  for (let count = 1; count < sets.length; count++) {
    if ((await readWith(format, bytes, sets.slice(0, count), false))?.state === 'verified') return sets[count - 1]!.source;
  }
  return sets.at(-1)!.source;
}

async function readWith(format: string, bytes: Uint8Array, sets: AnchorSet[], keepManifestStore: boolean): Promise<ImageVerdict | null> {
  let reader: WasmReader;
  try {
    reader = await WasmReader.fromBytes(format, bytes, readerSettings(joinAnchorSets(sets)));
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
