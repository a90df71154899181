import type { Hex } from 'viem';
import { base64ToBytes } from '../encoding/base64';
import { InvalidFieldError } from './publish-errors';
import { pythonJsonDumps, type PythonJsonValue } from './python-json';

/**
 * What an OpenGradient TEE inference says about itself, read from the
 * response as the gateway or an SDK returns it, in the envelope's forms
 * (spec §2: 0x-hex, a number of seconds).
 */
export type OgInference = {
  teeId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  /** Unix seconds. */
  timestamp: number;
  /** Standard base64, as `tee_signature` has it. */
  signature: string;
  /** The signed output: the message content, the completion text, or the tool calls as the gateway serialises them. */
  output: string;
  /** Which part of the response the output was read from, or `given` when the caller gave it. */
  outputKind: 'chat' | 'completion' | 'tool-calls' | 'given';
  /** The model the response names, if any. */
  model?: string;
};

export type ReadOgResponseParameters = {
  /**
   * The response: a parsed JSON object (a chat or text completion, or an
   * SDK's result object), an array of parsed stream events, or the raw text
   * of either, or of the event stream (`data: {…}` lines).
   */
  response: unknown;
  /** The signed output, when the response does not hold it (an SDK that returns only the final stream event). */
  output?: string;
};

export type ReadOgResponseReturnType = OgInference;

/**
 * Reads an OpenGradient response into an inference. Throws InvalidFieldError
 * naming the field (`tee_output_hash`, `choices[0].message.content`) when
 * one is missing or cannot be converted. Nothing is checked here against
 * hashes or signatures: see ogTeeEnvelope.
 */
export function readOgResponse({ response, output }: ReadOgResponseParameters): ReadOgResponseReturnType {
  const value = typeof response === 'string' ? parseResponseText(response) : response;
  const events = Array.isArray(value) ? value : undefined;
  const final = events ? finalEvent(events) : value;
  if (!isRecord(final)) throw new InvalidFieldError(`The response must be a JSON object, not ${kindOf(final)}`, { field: 'response' });

  const read = output !== undefined ? { output, outputKind: 'given' as const } : events ? streamedOutput(events) : responseOutput(final);
  const model = typeof final.model === 'string' && final.model !== '' ? final.model : undefined;
  return {
    teeId: hex32(final, 'tee_id'),
    inputHash: hex32(final, 'tee_request_hash'),
    outputHash: hex32(final, 'tee_output_hash'),
    timestamp: unixSeconds(final),
    signature: signature(final),
    ...read,
    ...(model !== undefined && { model }),
  };
}

function parseResponseText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidFieldError('The response is empty', { field: 'response' });
  if (/^(?:data|event|id|retry):/m.test(trimmed) && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return parseEventStream(trimmed);
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    throw new InvalidFieldError(`The response is not JSON: ${error instanceof Error ? error.message : String(error)}`, { field: 'response', cause: error });
  }
}

/** Server-sent events as the gateway streams them: one JSON object per `data:` line, then `data: [DONE]`. */
function parseEventStream(text: string): unknown[] {
  const events: unknown[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const data = /^data:\s?(.*)$/.exec(line)?.[1];
    if (data === undefined || data.trim() === '' || data.trim() === '[DONE]') continue;
    try {
      events.push(JSON.parse(data));
    } catch (error) {
      throw new InvalidFieldError(`Line ${index + 1} of the event stream is not JSON`, { field: 'response', cause: error });
    }
  }
  return events;
}

/** The stream's signed event: the last one that carries tee_signature. */
function finalEvent(events: readonly unknown[]): unknown {
  const signed = events.filter((event) => isRecord(event) && 'tee_signature' in event);
  if (signed.length === 0) {
    throw new InvalidFieldError('tee_signature is missing: no event of the stream carries it (the gateway signs the final event before [DONE])', {
      field: 'tee_signature',
    });
  }
  return signed.at(-1);
}

type ReadOutput = Pick<OgInference, 'output' | 'outputKind'>;

/** A whole response: a chat completion, a text completion, or the Python SDK's result object. */
function responseOutput(response: Record<string, unknown>): ReadOutput {
  if (Array.isArray(response.choices)) {
    const choice: unknown = response.choices[0];
    if (!isRecord(choice)) throw new InvalidFieldError('choices[0] is missing: the response holds no output', { field: 'choices[0]' });
    if (isRecord(choice.message)) return messageOutput(choice.message, 'choices[0].message');
    if (typeof choice.text === 'string') return { output: choice.text, outputKind: 'completion' };
    throw new InvalidFieldError('choices[0] has neither message (a chat completion) nor text (a text completion)', { field: 'choices[0]' });
  }
  if (isRecord(response.chat_output)) return messageOutput(response.chat_output, 'chat_output');
  if (typeof response.completion_output === 'string') return { output: response.completion_output, outputKind: 'completion' };
  throw new InvalidFieldError('The output is missing: expected choices[0].message.content, choices[0].text, chat_output or completion_output', {
    field: 'choices',
  });
}

function messageOutput(message: Record<string, unknown>, path: string): ReadOutput {
  const toolCalls = message.tool_calls;
  if (Array.isArray(toolCalls) && toolCalls.length > 0) return { output: toolCallsOutput(toolCalls, `${path}.tool_calls`), outputKind: 'tool-calls' };
  const content = message.content ?? '';
  if (typeof content !== 'string') {
    throw new InvalidFieldError(`${path}.content must be a string, not ${kindOf(content)}`, { field: `${path}.content` });
  }
  return { output: content, outputKind: 'chat' };
}

/** The gateway signs tool calls as Python's `json.dumps(tool_calls, sort_keys=True)` (reference: opengradient.md). */
function toolCallsOutput(toolCalls: readonly unknown[], path: string): string {
  try {
    return pythonJsonDumps(toolCalls as PythonJsonValue);
  } catch (error) {
    throw new InvalidFieldError(`${path} cannot be serialised as the gateway does`, { field: path, cause: error });
  }
}

type ToolCallDraft = { id: string; type: 'function'; function: { name: string; arguments: string } };

/**
 * A stream's output, put together as the gateway does before it signs: the
 * content deltas joined, or, when the stream finished with tool calls, the
 * calls assembled by index (id and name as last given, argument fragments
 * joined), in index order.
 */
function streamedOutput(events: readonly unknown[]): ReadOutput {
  let content = '';
  let finishReason: unknown;
  const toolCalls = new Map<number, ToolCallDraft>();
  events.forEach((event, eventIndex) => {
    const choice: unknown = isRecord(event) && Array.isArray(event.choices) ? event.choices[0] : undefined;
    if (!isRecord(choice)) return;
    if (choice.finish_reason !== undefined && choice.finish_reason !== null) finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (!isRecord(delta)) return;
    if (typeof delta.content === 'string') content += delta.content;
    if (!Array.isArray(delta.tool_calls)) return;
    for (const fragment of delta.tool_calls as unknown[]) {
      if (!isRecord(fragment)) continue;
      const index = typeof fragment.index === 'number' ? fragment.index : 0;
      const call = toolCalls.get(index) ?? { id: '', type: 'function', function: { name: '', arguments: '' } };
      const fn = isRecord(fragment.function) ? fragment.function : {};
      if (typeof fragment.id === 'string' && fragment.id !== '') call.id = fragment.id;
      if (typeof fn.name === 'string' && fn.name !== '') call.function.name = fn.name;
      if (fn.arguments !== undefined && typeof fn.arguments !== 'string') {
        throw new InvalidFieldError(`Event ${eventIndex}: choices[0].delta.tool_calls arguments must be a string`, { field: 'choices[0].delta.tool_calls' });
      }
      if (typeof fn.arguments === 'string') call.function.arguments += fn.arguments;
      toolCalls.set(index, call);
    }
  });
  if (finishReason === 'tool_calls' && toolCalls.size > 0) {
    const ordered = [...toolCalls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    return { output: pythonJsonDumps(ordered), outputKind: 'tool-calls' };
  }
  return { output: content, outputKind: 'chat' };
}

// Field forms (reference: opengradient.md, "Gateway field forms") -------------------

/** 32 bytes as 0x-hex: the gateway writes the hashes bare, the id with 0x; either is taken. */
function hex32(response: Record<string, unknown>, field: string): Hex {
  const value = required(response, field);
  if (typeof value !== 'string' || !/^(?:0x)?[0-9a-fA-F]{64}$/.test(value)) {
    throw new InvalidFieldError(`${field} must be 64 hex digits (with or without 0x), not ${describe(value)}`, { field });
  }
  return `0x${value.replace(/^0x/, '').toLowerCase()}`;
}

/** Whole unix seconds: the gateway writes an integer, SDKs may pass it on as a decimal string. */
function unixSeconds(response: Record<string, unknown>): number {
  const field = 'tee_timestamp';
  const value = required(response, field);
  const seconds = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new InvalidFieldError(`${field} must be whole unix seconds (a number or a decimal string), not ${describe(value)}`, { field });
  }
  return seconds;
}

function signature(response: Record<string, unknown>): string {
  const field = 'tee_signature';
  const value = required(response, field);
  if (typeof value !== 'string' || value === '') throw new InvalidFieldError(`${field} must be base64 text, not ${describe(value)}`, { field });
  try {
    base64ToBytes(value);
  } catch (error) {
    throw new InvalidFieldError(`${field} is not valid base64`, { field, cause: error });
  }
  return value;
}

function required(response: Record<string, unknown>, field: string): unknown {
  const value = response[field];
  if (value === undefined || value === null) {
    throw new InvalidFieldError(`${field} is missing: the response is not a TEE-signed OpenGradient inference, or a field was lost on the way`, { field });
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}
