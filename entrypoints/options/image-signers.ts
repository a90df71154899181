import { readPemCertificates, type PemCertificate } from '../../lib/c2pa/pem-certificates';

/**
 * The reader's image signers as the options page keeps them: one PEM text,
 * each certificate once, every block checked to be a certificate before it
 * is kept (docs/protocol.md §14).
 */

/** The certificates of stored text; none when there is none or it is not readable (it is then replaced on the next add). */
export function readerSignersOf(stored: string): PemCertificate[] {
  if (stored.trim() === '') return [];
  try {
    return readPemCertificates(stored);
  } catch {
    return [];
  }
}

/** The stored text with the certificates of `added`; throws PemCertificatesError, saying what is wrong, for text that is not certificates. */
export function withSignersAdded(stored: string, added: string): { pem: string; added: number } {
  const byPem = new Map(readerSignersOf(stored).map((certificate) => [certificate.pem, certificate]));
  const before = byPem.size;
  for (const certificate of readPemCertificates(added)) byPem.set(certificate.pem, certificate);
  return { pem: [...byPem.keys()].join('\n'), added: byPem.size - before };
}

/** The stored text without one certificate (its PEM block). */
export function withSignerRemoved(stored: string, removed: string): string {
  return readerSignersOf(stored)
    .filter(({ pem }) => pem !== removed)
    .map(({ pem }) => pem)
    .join('\n');
}
