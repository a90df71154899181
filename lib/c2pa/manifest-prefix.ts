/**
 * What an image's first bytes tell of Content Credentials in it: `absent`
 * only where the format fixes the manifest's place before the point these
 * bytes reach, so the rest need not be downloaded; `possible` otherwise.
 *
 * - JPEG: the manifest store is in APP11 segments (JPEG XT), and a JPEG's
 *   segments come before its first scan (SOS). Reaching SOS with no APP11
 *   and no XMP naming a remote manifest (`dcterms:provenance`, which the
 *   engine reports) means none. An APP11 after the first scan is not
 *   looked for: writers put it in the header, and the engine reads it there.
 * - PNG (`caBX` is only recommended before IDAT), WebP (the `C2PA` chunk
 *   may come anywhere), AVIF/HEIF (the `uuid` box has no fixed place),
 *   GIF, TIFF and anything else: `possible` from any prefix.
 */
export function manifestInPrefix(prefix: Uint8Array): 'absent' | 'possible' {
  if (prefix[0] !== 0xff || prefix[1] !== 0xd8) return 'possible';
  let at = 2;
  while (at + 1 < prefix.length) {
    if (prefix[at] !== 0xff) return 'possible';
    const marker = prefix[at + 1]!;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === startOfScan || marker === endOfImage) return 'absent';
    if (marker === app11) return 'possible';
    // Markers that stand alone, without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (at + 3 >= prefix.length) return 'possible';
    const end = at + 2 + ((prefix[at + 2]! << 8) | prefix[at + 3]!);
    if (end > prefix.length) return 'possible';
    if (marker === app1 && includes(prefix.subarray(at + 4, end), remoteManifestName)) return 'possible';
    at = end;
  }
  return 'possible';
}

const startOfScan = 0xda;
const endOfImage = 0xd9;
const app1 = 0xe1;
const app11 = 0xeb;
const remoteManifestName = new TextEncoder().encode('dcterms:provenance');

function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = bytes.indexOf(needle[0]!); start !== -1 && start + needle.length <= bytes.length; start = bytes.indexOf(needle[0]!, start + 1)) {
    for (let index = 1; index < needle.length; index++) if (bytes[start + index] !== needle[index]) continue outer;
    return true;
  }
  return false;
}
