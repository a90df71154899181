import { keccak256, stringToBytes, type Address } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import {
  chatRequestBytes,
  gatewayChatCompletion,
  gatewayChatStream,
  gatewayTextCompletion,
  gatewayToolCallCompletion,
  gatewayToolCallStream,
  generateGatewayKey,
  signLikeGateway,
  weatherToolCallsSigned,
  type GatewayKey,
} from '../../test/fakes/og-gateway';
import { validateEnvelope } from '../envelope/decode';
import { readOgResponse } from './og-response';
import { ogTeeEnvelope } from './og-tee';
import { InvalidFieldError, OutputHashMismatchError, SettlementProofError, TeeKeyError, TeeSignatureError } from './publish-errors';

const registry: Address = '0x703cB174AEadB35D611858369B4b1111dC9Abda6';
const chainId = 10740;
let key: GatewayKey;
let otherKey: GatewayKey;

beforeAll(() => {
  key = generateGatewayKey();
  otherKey = generateGatewayKey();
});

const summary = 'The council approved the budget. The vote was 7 to 2.';

describe('readOgResponse', () => {
  it('converts the gateway field forms: bare-hex hashes get 0x, the timestamp stays a number', () => {
    const response = gatewayChatCompletion({ key, content: summary });
    expect(response.tee_request_hash).toMatch(/^[0-9a-f]{64}$/);
    const inference = readOgResponse({ response });
    expect(inference).toEqual({
      teeId: key.teeId,
      inputHash: `0x${response.tee_request_hash}`,
      outputHash: `0x${response.tee_output_hash}`,
      timestamp: 1_780_000_000,
      signature: response.tee_signature,
      output: summary,
      outputKind: 'chat',
      model: 'openai/gpt-4.1',
    });
    expect(inference.inputHash).toBe(keccak256(stringToBytes(chatRequestBytes)));
  });

  it('reads a string timestamp, as SDKs pass it on, and 0x-prefixed hashes', () => {
    const response = gatewayChatCompletion({ key, content: summary });
    const fromSdk = { ...response, tee_timestamp: '1780000000', tee_output_hash: `0x${response.tee_output_hash.toUpperCase()}` };
    const inference = readOgResponse({ response: fromSdk });
    expect(inference.timestamp).toBe(1_780_000_000);
    expect(inference.outputHash).toBe(`0x${response.tee_output_hash}`);
  });

  it('reads the raw JSON text, a text completion and the Python SDK result object', () => {
    expect(readOgResponse({ response: JSON.stringify(gatewayChatCompletion({ key, content: summary })) }).output).toBe(summary);
    const completion = readOgResponse({ response: gatewayTextCompletion({ key, content: 'Hi there.' }) });
    expect(completion).toMatchObject({ output: 'Hi there.', outputKind: 'completion' });
    const { choices: _, ...fields } = gatewayChatCompletion({ key, content: summary });
    const sdkResult = { ...fields, tee_timestamp: String(fields.tee_timestamp), transaction_hash: 'external', finish_reason: 'stop', chat_output: { role: 'assistant', content: summary } };
    expect(readOgResponse({ response: sdkResult })).toMatchObject({ output: summary, outputKind: 'chat' });
  });

  it('puts a streamed output together from its deltas and takes the hashes from the signed final event', () => {
    const stream = gatewayChatStream({ key, chunks: ['The council ', 'approved the budget.', '\n\nThe vote was 7 to 2.'] });
    const inference = readOgResponse({ response: stream });
    expect(inference.output).toBe('The council approved the budget.\n\nThe vote was 7 to 2.');
    expect(inference.outputHash).toBe(keccak256(stringToBytes(inference.output)));
  });

  it('serialises tool calls as the gateway signs them, streamed or not', () => {
    expect(readOgResponse({ response: gatewayToolCallCompletion({ key }) })).toMatchObject({ output: weatherToolCallsSigned, outputKind: 'tool-calls' });
    expect(readOgResponse({ response: gatewayToolCallStream({ key }) })).toMatchObject({ output: weatherToolCallsSigned, outputKind: 'tool-calls' });
  });

  it.each([
    ['tee_signature', 'is missing'],
    ['tee_request_hash', 'is missing'],
    ['tee_output_hash', 'is missing'],
    ['tee_timestamp', 'is missing'],
    ['tee_id', 'is missing'],
  ])('refuses a response without %s, naming it', (field, reason) => {
    const response: Record<string, unknown> = gatewayChatCompletion({ key, content: summary });
    delete response[field];
    expect(() => readOgResponse({ response })).toThrow(expect.objectContaining({ field, message: expect.stringContaining(`${field} ${reason}`) }));
  });

  it('refuses fields it cannot convert, naming them', () => {
    const response = gatewayChatCompletion({ key, content: summary });
    const cases: [Record<string, unknown>, string][] = [
      [{ tee_timestamp: '2026-05-28T12:00:00Z' }, 'tee_timestamp'],
      [{ tee_timestamp: 1.5 }, 'tee_timestamp'],
      [{ tee_output_hash: response.tee_output_hash.slice(2) }, 'tee_output_hash'],
      [{ tee_signature: 'not base64!' }, 'tee_signature'],
      [{ choices: [{ index: 0, message: { role: 'assistant', content: [{ type: 'text' }] } }] }, 'choices[0].message.content'],
      [{ choices: [] }, 'choices[0]'],
    ];
    for (const [change, field] of cases) {
      const error = catchError(() => readOgResponse({ response: { ...response, ...change } }));
      expect(error, field).toBeInstanceOf(InvalidFieldError);
      expect((error as InvalidFieldError).field).toBe(field);
    }
  });
});

describe('ogTeeEnvelope', () => {
  it('makes an og-tee envelope readers accept, checked with the given key (DER or PEM)', async () => {
    const inference = readOgResponse({ response: gatewayChatCompletion({ key, content: summary }) });
    for (const teePublicKey of [key.publicKeyDer, key.publicKeyPem]) {
      const { envelope, signedText, signatureCheckedWith } = await ogTeeEnvelope({ inference, chainId, registry, teePublicKey });
      expect(signatureCheckedWith).toBe('given-key');
      expect(signedText).toBe(summary);
      // Canonical already: the shown text is the signed text, so no `text`.
      expect(envelope).toEqual({
        v: 1,
        proof: { type: 'og-tee', chainId, registry, teeId: key.teeId, inputHash: inference.inputHash, outputHash: inference.outputHash, timestamp: 1_780_000_000, signature: inference.signature },
        model: 'openai/gpt-4.1',
      });
      expect(validateEnvelope(envelope).ok).toBe(true);
    }
  });

  it('carries the signed text when the page would not show it as is, and Markdown with its format', async () => {
    const multiline = readOgResponse({ response: gatewayChatCompletion({ key, content: 'Line one.\n\nLine two.' }) });
    expect((await ogTeeEnvelope({ inference: multiline, chainId, registry })).envelope).toMatchObject({ text: 'Line one.\n\nLine two.' });
    const markdown = readOgResponse({ response: gatewayChatCompletion({ key, content: 'The **budget** passed.' }) });
    const { envelope, signatureCheckedWith } = await ogTeeEnvelope({ inference: markdown, chainId, registry, format: 'markdown', model: null });
    expect(signatureCheckedWith).toBe('unchecked');
    expect(envelope).toMatchObject({ text: 'The **budget** passed.', format: 'markdown' });
    expect(envelope.model).toBeUndefined();
  });

  it('refuses an output that does not hash to tee_output_hash', async () => {
    const response = gatewayChatCompletion({ key, content: summary });
    response.choices[0]!.message.content = summary.replace('7 to 2', '9 to 0');
    const error = await ogTeeEnvelope({ inference: readOgResponse({ response }), chainId, registry, teePublicKey: key.publicKeyDer }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputHashMismatchError);
    expect(error).toMatchObject({ field: 'tee_output_hash', message: expect.stringContaining('does not match tee_output_hash') });
  });

  it('refuses a signature that does not verify, and a key that is not the TEE\'s', async () => {
    const response = gatewayChatCompletion({ key, content: summary });
    const changedTime = readOgResponse({ response: { ...response, tee_timestamp: response.tee_timestamp + 1 } });
    await expect(ogTeeEnvelope({ inference: changedTime, chainId, registry, teePublicKey: key.publicKeyPem })).rejects.toThrow(TeeSignatureError);
    await expect(ogTeeEnvelope({ inference: changedTime, chainId, registry, teePublicKey: key.publicKeyPem })).rejects.toMatchObject({ field: 'tee_signature' });

    const signedByOther = { ...response, ...signLikeGateway({ key: otherKey, requestBytes: chatRequestBytes, signedOutput: summary, timestamp: 1_780_000_000 }), tee_id: key.teeId };
    await expect(ogTeeEnvelope({ inference: readOgResponse({ response: signedByOther }), chainId, registry, teePublicKey: key.publicKeyDer })).rejects.toMatchObject({
      name: 'TeeSignatureError',
      field: 'tee_signature',
    });

    const error = await ogTeeEnvelope({ inference: readOgResponse({ response }), chainId, registry, teePublicKey: otherKey.publicKeyDer }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TeeKeyError);
    expect(error).toMatchObject({ field: 'teePublicKey' });
  });

  it('checks a batch settlement\'s Merkle proof against its root before embedding it', async () => {
    const responses = ['First.', 'Second.', 'Third.'].map((content, index) => gatewayChatCompletion({ key, content, timestamp: 1_780_000_000 + index }));
    const inferences = responses.map((response) => readOgResponse({ response }));
    const leaves = inferences.map((inference) => [inference.teeId, inference.inputHash, inference.outputHash, `0x${Buffer.from(inference.signature, 'base64').toString('hex')}`, BigInt(inference.timestamp)]);
    const tree = StandardMerkleTree.of(leaves, ['bytes32', 'bytes32', 'bytes32', 'bytes', 'uint256']);
    const relay: Address = '0x1111111111111111111111111111111111111111';
    const tx = `0x${'ab'.repeat(32)}` as const;
    const settlement = { relay, tx, root: tree.root as `0x${string}`, proof: tree.getProof(leaves[1]!) as `0x${string}`[] };
    const { envelope } = await ogTeeEnvelope({ inference: inferences[1]!, chainId, registry, teePublicKey: key.publicKeyDer, settlement });
    expect(envelope.proof.settlement).toEqual(settlement);

    const wrongLeaf = ogTeeEnvelope({ inference: inferences[0]!, chainId, registry, settlement });
    await expect(wrongLeaf).rejects.toThrow(SettlementProofError);
    await expect(ogTeeEnvelope({ inference: inferences[0]!, chainId, registry, settlement: { ...settlement, proof: ['0x12'] } })).rejects.toMatchObject({ field: 'settlement.proof[0]' });
  });

  it('refuses a chain id or registry that is not one', async () => {
    const inference = readOgResponse({ response: gatewayChatCompletion({ key, content: summary }) });
    await expect(ogTeeEnvelope({ inference, chainId: 0, registry })).rejects.toMatchObject({ field: 'chainId' });
    await expect(ogTeeEnvelope({ inference, chainId, registry: '0x123' as Address })).rejects.toMatchObject({ field: 'registry' });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
