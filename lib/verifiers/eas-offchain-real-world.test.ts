import { encodeAbiParameters, keccak256, parseAbiParameters, stringToBytes, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { sdkAccepts, Wallet, type AttestationJson } from '../../test/fakes/eas-sdk';
import { fakeChainAccess, fakeEas, fakeEasChainReader, fakeTrust } from '../../test/fakes/eas-test-fakes';
import {
  attestationLink,
  conflictingVersions,
  explorerExport,
  legacyAttestLayoutObject,
  legacyObject,
  sdkDecodeLink,
  sdkObject,
  ticketLink,
  type RealWorldParameters,
} from '../../test/fixtures/eas-real-world';
import { readEasExplorerLink } from '../eas/explorer-link';
import { decodeEnvelope } from '../envelope/decode';
import { canonicalText } from '../text/canonical';
import type { VerdictState } from '../verdict/states';
import { verifySnippet } from './verify-snippet';

/**
 * EAS off-chain attestations in the shapes real producers hand out (test/fixtures/eas-real-world.ts),
 * each with the verdict it must get, and the SDK's own verifyOffchainAttestationSignature agreeing.
 */
const chainId = 31337;
const wallet = new Wallet(`0x${'e5'.repeat(32)}`);
const signer = wallet.address as Address;
const schemaUid: Hex = `0x${'5c'.repeat(32)}`;
const text = 'Rainfall in March was  twice\nthe ten-year average.';
const data = encodeAbiParameters(parseAbiParameters('bytes32, string'), [keccak256(stringToBytes(canonicalText(text))), 'gpt-test']);
const eas = { address: fakeEas, version: '1.3.0', chainId: BigInt(chainId) };
const fields: RealWorldParameters = { wallet, schema: schemaUid, data, eas };
const trust = fakeTrust({ chainId, attesters: [{ address: signer, label: 'Example Newsroom' }] });

type Fixture = {
  name: string;
  /** The envelope as JSON text, as a page or a paste carries it. */
  raw: string;
  /** The attestation the SDK is asked about: the object, or what the SDK itself decodes from the link. */
  sdkInput: AttestationJson;
  state: VerdictState;
  /** The attestation's version, as spec §3c reads it. */
  version?: 0 | 1 | 2;
  reason?: RegExp;
};

const envelopeOf = (attestation: unknown) => JSON.stringify({ v: 1, proof: { type: 'eas-offchain', attestation, signer } });

function fromLink(link: string): string {
  const read = readEasExplorerLink(link);
  if (!read?.ok) throw new Error(`link not read: ${JSON.stringify(read)}`);
  return JSON.stringify(read.envelope);
}

let fixtures: Fixture[];

beforeAll(async () => {
  const exportV1 = await explorerExport({ ...fields, version: 1 });
  const exportV2 = await explorerExport({ ...fields, version: 2 });
  const sdkV2 = await sdkObject({ ...fields, version: 2 });
  const legacy = await legacyObject(fields);
  const conflicting = await conflictingVersions(fields);
  const legacy2023 = await legacyAttestLayoutObject(fields);
  const legacyLink = attestationLink({ sig: legacy2023, signer });
  // The compact link carries no types and restores struct "Attest": a legacy attestation signed under struct "Attestation" does not survive it, for the SDK either.
  const lostLegacyLink = attestationLink({ sig: legacy, signer });
  const v2Link = attestationLink(exportV2, 'https://easscan.org');
  const ticket = ticketLink(exportV1);
  fixtures = [
    { name: 'explorer JSON export, version 2 (message.version only)', raw: envelopeOf(exportV2.sig), sdkInput: exportV2.sig, state: 'verified', version: 2 },
    { name: 'explorer JSON export, version 1 (message.version only)', raw: envelopeOf(exportV1.sig), sdkInput: exportV1.sig, state: 'verified', version: 1 },
    { name: 'SDK object since 2023 (top-level version)', raw: envelopeOf(sdkV2), sdkInput: sdkV2, state: 'verified', version: 2 },
    { name: 'legacy object (no version anywhere)', raw: envelopeOf(legacy), sdkInput: legacy, state: 'verified', version: 0 },
    {
      name: 'top-level version 1, message.version 2',
      raw: envelopeOf(conflicting),
      sdkInput: conflicting,
      state: 'malformed',
      reason: /^proof\.attestation\.version: is 1 but message\.version is 2/,
    },
    { name: 'explorer link #attestation=, version 2', raw: fromLink(v2Link), sdkInput: sdkDecodeLink(v2Link).sig, state: 'verified', version: 2 },
    { name: 'legacy object, mid-2023 layout', raw: envelopeOf(legacy2023), sdkInput: legacy2023, state: 'verified', version: 0 },
    { name: 'explorer link #attestation=, legacy', raw: fromLink(legacyLink), sdkInput: sdkDecodeLink(legacyLink).sig, state: 'verified', version: 0 },
    {
      name: 'explorer link #attestation= of a legacy attestation signed under struct "Attestation"',
      raw: fromLink(lostLegacyLink),
      sdkInput: sdkDecodeLink(lostLegacyLink).sig,
      state: 'invalid',
      reason: /not by the stated signer/,
    },
    { name: 'older explorer link #ticket=, version 1', raw: fromLink(ticket), sdkInput: exportV1.sig, state: 'verified', version: 1 },
  ];
});

async function verdictOf(raw: string, shownText = canonicalText(text)) {
  const reader = fakeEasChainReader({ chainId, schemas: { [schemaUid]: 'bytes32 contentHash,string model' } });
  return verifySnippet({ decoded: decodeEnvelope(raw), shownText, trust, chains: fakeChainAccess(reader) });
}

describe('eas-offchain attestations as real producers write them', () => {
  it('gets each fixture its verdict, reading the version as spec §3c says', async () => {
    for (const fixture of fixtures) {
      const verdict = await verdictOf(fixture.raw);
      expect(verdict.state, fixture.name).toBe(fixture.state);
      if (fixture.reason) expect(verdict.summary, fixture.name).toMatch(fixture.reason);
      if (fixture.version !== undefined) {
        expect(verdict.checks.find((check) => check.id === 'uid')?.detail, fixture.name).toBe(`The UID matches the attestation's fields (version ${fixture.version}).`);
      }
    }
  });

  it("agrees with the SDK's verifyOffchainAttestationSignature on every fixture", async () => {
    for (const fixture of fixtures) {
      const verdict = await verdictOf(fixture.raw);
      const oursAccepts = verdict.checks.some((check) => check.id === 'signature' && check.ok) && verdict.checks.some((check) => check.id === 'uid' && check.ok);
      expect(oursAccepts, fixture.name).toBe(sdkAccepts(fixture.sdkInput, signer, eas));
    }
  });

  it('is altered, not verified, with a text the attestation does not hash', async () => {
    for (const fixture of fixtures.filter(({ state }) => state === 'verified')) {
      expect((await verdictOf(fixture.raw, 'Rainfall in March was three times the ten-year average.')).state, fixture.name).toBe('altered');
    }
  });
});
