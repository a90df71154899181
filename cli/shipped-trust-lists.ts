import { readFileSync } from 'node:fs';

const read = (name: string) => readFileSync(new URL(`../lib/c2pa/trust-lists/${name}`, import.meta.url), 'utf8');

/** The trust lists shipped in lib/c2pa/trust-lists/, read from the checkout (the CLI does not refresh them). */
export function readShippedTrustLists(): { official: string; tsa: string; interim: string } {
  return { official: read('C2PA-TRUST-LIST.pem.txt'), tsa: read('C2PA-TSA-TRUST-LIST.pem.txt'), interim: read('interim-anchors.pem.txt') };
}
