import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { findProofs } from '../../lib/extract/find-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import type { EmbeddingForm } from '../../devnet/producers/embed';
import { headlineOf, uncheckedUntrustedHeadline } from '../../components/state-style';
import { nothingCheckedNote, signatureChecked } from '../../lib/verdict/signature-checked';
import { verifyDemoPage } from './helpers/verify-page';

/** The spec's three forms, of the devnet's finer embedding forms. */
const specForm: Record<EmbeddingForm, 'attribute' | 'script' | 'text'> = {
  'attribute-json': 'attribute',
  'attribute-base64url': 'attribute',
  script: 'script',
  'text-token': 'text',
  'short-ref': 'text',
  link: 'text',
};

/**
 * Every proof type in every embedding form and every state it can reach,
 * made by real producers on a real anvil node with the real EAS contracts,
 * verified by the library exactly as the CLI and the extension do.
 */
let devnet: StartDevnetReturnType;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.stop();
});

const verifyPage = () => verifyDemoPage({ devnet });

describe('the demo page on a real chain', () => {
  it('finds one proof per scenario, in page order', () => {
    const { snippets } = findProofs(parseHtml(devnet.pageHtml));
    expect(snippets).toHaveLength(devnet.scenarios.length);
    expect(snippets.map((snippet) => snippet.form)).toEqual(devnet.scenarios.map((scenario) => specForm[scenario.form]));
  });

  it('gives every scenario its expected state and type', async () => {
    const verdicts = await verifyPage();
    const outcomes = verdicts.map((verdict, index) => ({
      id: devnet.scenarios[index]!.id,
      state: verdict.state,
      proofType: verdict.proofType,
      summary: verdict.summary,
    }));
    // A malformed envelope has no proof type the verifier can vouch for, whatever it declares.
    expect(outcomes.map(({ id, state, proofType }) => ({ id, state, proofType }))).toEqual(
      devnet.scenarios.map(({ id, expectedState, proofType }) => ({
        id,
        state: expectedState,
        proofType: expectedState === 'malformed' ? null : proofType,
      })),
    );
    // Every state the spec defines is reached by some scenario.
    expect(new Set(outcomes.map((outcome) => outcome.state))).toEqual(
      new Set(['verified', 'pending', 'untrusted', 'altered', 'invalid', 'unavailable', 'malformed']),
    );
  });

  it('explains every verdict that is not verified with the check that decided it', async () => {
    const verdicts = await verifyPage();
    for (const verdict of verdicts.filter((verdict) => verdict.state !== 'verified')) {
      const deciding = verdict.checks.find((check) => check.implies === verdict.state);
      expect(deciding, verdict.summary).toBeDefined();
      // An untrusted proof whose signature never ran says that nothing was checked (spec §6).
      const nothingChecked = verdict.state === 'untrusted' && !signatureChecked(verdict);
      expect(verdict.summary).toBe(nothingChecked ? `${deciding!.detail} ${nothingCheckedNote}` : deciding!.detail);
      if (verdict.state === 'pending' || (verdict.state === 'untrusted' && !nothingChecked)) expect(verdict.confidence).toBeGreaterThan(0);
      else expect(verdict.confidence).toBe(0);
    }
  });

  it('rates an untrusted proof whose signature was not checked at 0, and says so', async () => {
    const verdicts = await verifyPage();
    const untrusted = devnet.scenarios.flatMap((scenario, index) => (verdicts[index]!.state === 'untrusted' ? [{ id: scenario.id, verdict: verdicts[index]! }] : []));
    // The page's own non-registry, and an EAS contract the reader does not trust (so it is not read).
    expect(untrusted.filter(({ verdict }) => verdict.confidence === 0).map(({ id }) => id).sort()).toEqual(['eas-onchain-rogue-eas', 'og-tee-not-a-registry']);
    for (const { id, verdict } of untrusted) {
      expect(headlineOf(verdict), id).toBe(verdict.confidence === 0 ? uncheckedUntrustedHeadline : 'Signed, by someone you have not chosen to trust');
    }
  });

  it('reads a registry of the interface before 2026-03-10 with its own views', async () => {
    const verdicts = await verifyPage();
    const verdict = verdicts[devnet.scenarios.findIndex((scenario) => scenario.id === 'og-tee-legacy-registry')]!;
    expect(verdict.state).toBe('untrusted');
    expect(verdict.checks.find((check) => check.id === 'tee-key')).toMatchObject({ ok: true, detail: expect.stringMatching(/getPublicKey/) });
    expect(verdict.checks.find((check) => check.id === 'tee-enabled')).toMatchObject({ ok: true, detail: expect.stringMatching(/isActive/) });
    expect(verdict.checks.find((check) => check.id === 'signature')).toMatchObject({ ok: true });
    expect(verdict.confidence).toBe(26);
  });

  it('turns pending into verified once the anchors have their confirmations', async () => {
    const pendingIds = devnet.scenarios.filter((scenario) => scenario.expectedState === 'pending').map((scenario) => scenario.id);
    expect(pendingIds.length).toBeGreaterThan(0);
    await devnet.mine(1);
    const verdicts = await verifyPage();
    for (const id of pendingIds) {
      const index = devnet.scenarios.findIndex((scenario) => scenario.id === id);
      expect(verdicts[index]!.state, id).toBe('verified');
      expect(verdicts[index]!.confidence).toBeGreaterThan(0);
    }
  });
});
