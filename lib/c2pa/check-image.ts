import { WasmReader } from '@contentauth/c2pa-wasm';
import { orderedSignerSets, timeStampSets, type AnchorSet, type AnchorSource, type SignerAnchorSet } from './anchor-sets';
import { engineErrorOf } from './errors';
import { sniffImageFormat } from './image-format';
import { imageVerdictOf, imageVerdictOfEngineError, failedReadVerdict, trustedVerdict, type ImageVerdict } from './image-verdict';
import { manifestStore } from './manifest-store';

export type CheckImageParameters = {
  bytes: Uint8Array;
  /** The media type the source declared (a Content-Type), used only when the bytes do not say. */
  declaredType?: string | undefined;
  /** The anchors whose chains count as trusted, by where they come from (lib/c2pa/anchor-sets.ts): signers' and time-stamping authorities'. */
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
 * which source made its signer trusted (`trustedBy`): the engine names one
 * of the lists that trusted it, but not in an order of ours, so the image is
 * read again with the signer sources in order, adding one at a time, until
 * the signer is trusted. The time-stamping authorities' anchors go to every
 * read, as their own kind of list.
 */
export async function checkImage({ bytes, declaredType, trustAnchors, keepManifestStore = false }: CheckImageParameters): Promise<ImageVerdict | null> {
  const format = sniffImageFormat(bytes) ?? declaredType ?? 'application/octet-stream';
  const signers = orderedSignerSets(trustAnchors);
  const timeStamps = timeStampSets(trustAnchors);
  const verdict = await readWith(format, bytes, [...signers, ...timeStamps], keepManifestStore);
  if (verdict?.state !== 'verified') return verdict;
  return trustedVerdict(verdict, await sourceOfTrust(format, bytes, signers, timeStamps));
}

async function sourceOfTrust(format: string, bytes: Uint8Array, signers: SignerAnchorSet[], timeStamps: AnchorSet[]): Promise<AnchorSource> {
  // With all the sets the signer is trusted: the last set needs no read of its own.
  for (let count = 1; count < signers.length; count++) {
    if ((await readWith(format, bytes, [...signers.slice(0, count), ...timeStamps], false))?.state === 'verified') return signers[count - 1]!.source;
  }
  return signers.at(-1)!.source;
}

async function readWith(format: string, bytes: Uint8Array, sets: AnchorSet[], keepManifestStore: boolean): Promise<ImageVerdict | null> {
  let reader: WasmReader;
  try {
    reader = await WasmReader.fromBytes(format, bytes, readerSettings(sets));
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

/**
 * c2pa-rs settings for reading: trust checked against the given anchors,
 * nothing fetched. Each set is a trust list of its own kind (c2pa-rs 0.92's
 * `trust.anchors`): signers' anchors vouch only for signers, the TSA list's
 * only for time stamps, as C2PA 2.x keeps them apart.
 */
function readerSettings(sets: AnchorSet[]): string {
  const anchors = sets.map(({ source, pem }) => ({ trust_kind: source === 'c2pa-tsa-list' ? 'tsa' : 'manifest', trust_uri: `urn:verity:anchors:${source}`, trust_anchors: pem }));
  return JSON.stringify({
    verify: { verify_trust: true, verify_timestamp_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
    ...(anchors.length > 0 && { trust: { anchors } }),
  });
}
