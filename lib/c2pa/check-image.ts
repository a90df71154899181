import { WasmReader } from '@contentauth/c2pa-wasm';
import { anchorSourceOrder, orderedSignerSets, timeStampSets, type AnchorSet, type AnchorSource, type SignerAnchorSet } from './anchor-sets';
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
 * which source made its signer trusted (`trustedBy`): the first, in order,
 * that trusts it by itself. The engine names one list that trusted it, not
 * necessarily the first, so only the sources before the one it named are
 * read again. The time-stamping authorities' anchors go to every read, as
 * their own kind of list.
 */
export async function checkImage({ bytes, declaredType, trustAnchors, keepManifestStore = false }: CheckImageParameters): Promise<ImageVerdict | null> {
  const format = sniffImageFormat(bytes) ?? declaredType ?? 'application/octet-stream';
  const signers = orderedSignerSets(trustAnchors);
  const timeStamps = timeStampSets(trustAnchors);
  const { verdict, trustedThrough } = await readWith(format, bytes, [...signers, ...timeStamps], keepManifestStore);
  if (verdict?.state !== 'verified') return verdict;
  return trustedVerdict(verdict, await sourceOfTrust(format, bytes, signers, timeStamps, trustedThrough));
}

/** One read of the image: the verdict, and the signer source the engine said trusted the signer, if it said one of ours. */
type Read = { verdict: ImageVerdict | null; trustedThrough?: AnchorSource | undefined };

async function sourceOfTrust(format: string, bytes: Uint8Array, signers: SignerAnchorSet[], timeStamps: AnchorSet[], named: AnchorSource | undefined): Promise<AnchorSource> {
  /** Where `source` is among the signer sets; `otherwise` when the engine named none of them. */
  const indexOr = (source: AnchorSource | undefined, otherwise: number) => {
    const index = signers.findIndex((set) => set.source === source);
    return index === -1 ? otherwise : index;
  };
  // The first source that trusts the signer is `last` or one before it: a source the engine named trusts it.
  let last = indexOr(named, signers.length - 1);
  while (last > 0) {
    const read = await readWith(format, bytes, [...signers.slice(0, last), ...timeStamps], false);
    if (read.verdict?.state !== 'verified') break;
    last = indexOr(read.trustedThrough, last - 1);
  }
  return signers[last]!.source;
}

async function readWith(format: string, bytes: Uint8Array, sets: AnchorSet[], keepManifestStore: boolean): Promise<Read> {
  let reader: WasmReader;
  try {
    reader = await WasmReader.fromBytes(format, bytes, readerSettings(sets));
  } catch (thrown) {
    return { verdict: imageVerdictOfEngineError(engineErrorOf(thrown)) };
  }
  try {
    const store: unknown = reader.manifestStore();
    const parsed = manifestStore.safeParse(store);
    const kept = keepManifestStore ? { manifestStore: store } : {};
    if (!parsed.success) return { verdict: { ...failedReadVerdict('malformed', 'The Content Credentials are not in a form Verity reads'), ...kept } };
    const trustedThrough = anchorSourceOrder.find((source) => listUri(source) === parsed.data.validation_results?.trustListUri);
    return { verdict: { ...imageVerdictOf(parsed.data), ...kept }, trustedThrough };
  } catch (thrown) {
    return { verdict: imageVerdictOfEngineError(engineErrorOf(thrown)) };
  } finally {
    reader.free();
  }
}

/** How the engine names a set's trust list, in its settings and in what it reports. */
const listUri = (source: AnchorSet['source']) => `urn:verity:anchors:${source}`;

/**
 * c2pa-rs settings for reading: trust checked against the given anchors,
 * nothing fetched. Each set is a trust list of its own kind (c2pa-rs 0.92's
 * `trust.anchors`): signers' anchors vouch only for signers, the TSA list's
 * only for time stamps, as C2PA 2.x keeps them apart.
 */
function readerSettings(sets: AnchorSet[]): string {
  const anchors = sets.map(({ source, pem }) => ({ trust_kind: source === 'c2pa-tsa-list' ? 'tsa' : 'manifest', trust_uri: listUri(source), trust_anchors: pem }));
  return JSON.stringify({
    verify: { verify_trust: true, verify_timestamp_trust: true, ocsp_fetch: false, remote_manifest_fetch: false },
    ...(anchors.length > 0 && { trust: { anchors } }),
  });
}
