/**
 * OpenGradient TEE gateway responses, made the way the gateway makes them
 * (reference: opengradient.md; tee-gateway's chat and completions
 * controllers), written here from the reference rather than with Verity's
 * own producer code, so the publishing tests do not check Verity against
 * itself. A fresh RSA-2048 key stands in for the enclave's.
 */
import { generateKeyPairSync, sign as rsaSign, constants, type KeyObject } from 'node:crypto';
import { keccak256, toHex, type Hex } from 'viem';

export type GatewayKey = {
  /** DER SubjectPublicKeyInfo, as the TEERegistry stores it. */
  publicKeyDer: Hex;
  /** PEM of the same key, as a publisher may be given it. */
  publicKeyPem: string;
  /** `0x` + keccak256 of the DER key: the gateway's `tee_id`. */
  teeId: Hex;
  privateKey: KeyObject;
};

export function generateGatewayKey(): GatewayKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const publicKeyDer = toHex(der);
  return { publicKeyDer, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), teeId: keccak256(publicKeyDer), privateKey };
}

/** The tee_* fields exactly as the gateway writes them: hashes bare hex, id 0x-hex, signature base64, timestamp an integer. */
export type GatewayTeeFields = {
  tee_signature: string;
  tee_request_hash: string;
  tee_output_hash: string;
  tee_timestamp: number;
  tee_id: string;
};

export type SignLikeGatewayParameters = {
  key: GatewayKey;
  /** What the gateway hashes as the request: Python json.dumps of the kept fields. Opaque to a publisher. */
  requestBytes: string;
  /** The output content the gateway hashes (for tool calls, their json.dumps). */
  signedOutput: string;
  timestamp: number;
};

/** keccak256 hashes, msgHash = keccak256(inputHash ‖ outputHash ‖ uint256 timestamp), RSA-PSS SHA-256 MGF1-SHA-256 salt 32 over msgHash's 32 bytes. */
export function signLikeGateway({ key, requestBytes, signedOutput, timestamp }: SignLikeGatewayParameters): GatewayTeeFields {
  const inputHash = keccak256(Buffer.from(requestBytes, 'utf8')).slice(2);
  const outputHash = keccak256(Buffer.from(signedOutput, 'utf8')).slice(2);
  const packed = Buffer.concat([Buffer.from(inputHash, 'hex'), Buffer.from(outputHash, 'hex'), Buffer.from(timestamp.toString(16).padStart(64, '0'), 'hex')]);
  const messageHash = Buffer.from(keccak256(packed).slice(2), 'hex');
  // PSS hashes the 32-byte message once more with SHA-256, as the gateway's `cryptography` call does.
  const signature = rsaSign('sha256', messageHash, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return {
    tee_signature: signature.toString('base64'),
    tee_request_hash: inputHash,
    tee_output_hash: outputHash,
    tee_timestamp: timestamp,
    tee_id: key.teeId,
  };
}

/** A canonical chat request as the gateway serialises it (json.dumps, sort_keys=True), written out by hand. */
export const chatRequestBytes =
  '{"max_tokens": 200, "messages": [{"content": "Summarise the council meeting in two sentences.", "role": "user"}], "model": "openai/gpt-4.1", "temperature": 0.0}';

export type GatewayChatParameters = { key: GatewayKey; content: string; timestamp?: number; model?: string };

/** A non-streamed chat completion, as `POST /v1/chat/completions` returns it. */
export function gatewayChatCompletion({ key, content, timestamp = 1_780_000_000, model = 'openai/gpt-4.1' }: GatewayChatParameters) {
  return {
    id: 'chatcmpl-3f1c5e2a-0000-4000-8000-000000000001',
    object: 'chat.completion',
    created: timestamp,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...signLikeGateway({ key, requestBytes: chatRequestBytes, signedOutput: content, timestamp }),
    usage: { prompt_tokens: 21, completion_tokens: 40, total_tokens: 61 },
  };
}

/** A text completion, as `POST /v1/completions` returns it. */
export function gatewayTextCompletion({ key, content, timestamp = 1_780_000_000, model = 'openai/gpt-4.1' }: GatewayChatParameters) {
  return {
    id: 'cmpl-3f1c5e2a-0000-4000-8000-000000000002',
    object: 'text_completion',
    created: timestamp,
    model,
    choices: [{ text: content, index: 0, finish_reason: 'stop' }],
    usage: { prompt_tokens: 8, completion_tokens: 30, total_tokens: 38 },
    ...signLikeGateway({ key, requestBytes: '{"model": "openai/gpt-4.1", "prompt": "Say hi", "temperature": 0.0}', signedOutput: content, timestamp }),
  };
}

/** A streamed chat completion as the event-stream text: content deltas, then the signed final event with an empty delta, then [DONE]. */
export function gatewayChatStream({ key, chunks, timestamp = 1_780_000_000, model = 'openai/gpt-4.1' }: { key: GatewayKey; chunks: string[]; timestamp?: number; model?: string }): string {
  const deltas = chunks.map((chunk) => ({ choices: [{ delta: { content: chunk, role: 'assistant' }, index: 0, finish_reason: null }], model }));
  const final = {
    choices: [{ delta: {}, index: 0, finish_reason: 'stop' }],
    model,
    ...signLikeGateway({ key, requestBytes: chatRequestBytes, signedOutput: chunks.join(''), timestamp }),
  };
  return [...deltas, final].map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n';
}

/**
 * A tool call with a non-ASCII argument, and what the gateway signs for it:
 * Python's `json.dumps(tool_calls, sort_keys=True)`, written out by hand
 * (sorted keys, ", " and ": ", ü escaped, the arguments a JSON string in a string).
 */
export const weatherToolCalls = [{ id: 'call_7Qm', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Zürich", "unit": "°C"}' } }];
export const weatherToolCallsSigned =
  String.raw`[{"function": {"arguments": "{\"city\": \"Z\u00fcrich\", \"unit\": \"\u00b0C\"}", "name": "get_weather"}, "id": "call_7Qm", "type": "function"}]`;

/** A chat completion that ends in tool calls (finish_reason "tool_calls"). */
export function gatewayToolCallCompletion({ key, timestamp = 1_780_000_000 }: { key: GatewayKey; timestamp?: number }) {
  return {
    id: 'chatcmpl-3f1c5e2a-0000-4000-8000-000000000003',
    object: 'chat.completion',
    created: timestamp,
    model: 'openai/gpt-4.1',
    choices: [{ index: 0, message: { role: 'assistant', content: '', tool_calls: weatherToolCalls }, finish_reason: 'tool_calls' }],
    ...signLikeGateway({ key, requestBytes: chatRequestBytes, signedOutput: weatherToolCallsSigned, timestamp }),
  };
}

/** The streamed form of the same tool call, as a buffering provider (OpenAI, Anthropic) flushes it: one delta per call, then the signed final event. */
export function gatewayToolCallStream({ key, timestamp = 1_780_000_000 }: { key: GatewayKey; timestamp?: number }): unknown[] {
  const [call] = weatherToolCalls;
  return [
    { choices: [{ delta: { role: 'assistant', tool_calls: [{ index: 0, ...call }] }, index: 0, finish_reason: null }], model: 'openai/gpt-4.1' },
    {
      choices: [{ delta: {}, index: 0, finish_reason: 'tool_calls' }],
      model: 'openai/gpt-4.1',
      ...signLikeGateway({ key, requestBytes: chatRequestBytes, signedOutput: weatherToolCallsSigned, timestamp }),
    },
  ];
}

