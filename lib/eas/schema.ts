import type { AbiParameter } from 'viem';
import { InvalidSchemaError } from './errors';

export type ParseSchemaReturnType = AbiParameter[];

/** Deeper tuple nesting than this is refused rather than risking the stack. */
const maxNesting = 16;

/** Data locations that ethers skips after a parameter's type. */
const locations = new Set(['memory', 'calldata', 'storage']);

/** Words ethers refuses as parameter names, besides the elementary type names. */
const reservedNames = new Set([
  'tuple', 'indexed', 'function', 'event', 'struct', 'error', 'constructor', 'view', 'pure', 'returns',
  'constant', 'external', 'public', 'override', 'internal', 'private', 'fallback', 'receive',
]);

type Token = { kind: 'word' | 'number' | 'punctuation'; text: string; position: number };

const tokenPattern = /\s*(?:([A-Za-z_$][A-Za-z0-9_$]*)|([0-9]+)|([()[\],]))/y;

/**
 * Parses an EAS schema string, such as "bytes32 contentHash,string model",
 * into viem ABI parameters, accepting what the EAS SDK's SchemaEncoder (that
 * is, ethers' parameter grammar) accepts: comma-separated parameters, a
 * trailing comma allowed, each a type, an optional data location and an
 * optional name; elementary types (uintN and intN with N a multiple of 8 up
 * to 256, plain uint and int as 256 bits, bytes1…bytes32, bytes, string,
 * bool, address); tuples written `(…)` or `tuple(…)`; array suffixes `[]`
 * and `[N]`; and the SDK's `ipfsHash NAME` for `bytes32 NAME`. An empty
 * schema has no parameters. Throws InvalidSchemaError on anything else.
 */
export function parseSchema(schema: string): ParseSchemaReturnType {
  const parser = new SchemaParser(schema);
  const parameters = parser.parameters(0);
  if (parser.peek()) parser.fail(`unexpected "${parser.peek()!.text}"`);
  return parameters;
}

class SchemaParser {
  private readonly tokens: Token[] = [];
  private index = 0;

  constructor(private readonly schema: string) {
    tokenPattern.lastIndex = 0;
    while (tokenPattern.lastIndex < schema.length) {
      const position = tokenPattern.lastIndex;
      const found = tokenPattern.exec(schema);
      if (!found) {
        if (/^\s*$/.test(schema.slice(position))) break;
        this.fail(`unexpected "${schema.slice(position).trim()[0]}"`, position);
      }
      const [, word, number, punctuation] = found;
      const start = tokenPattern.lastIndex - found[0].trimStart().length;
      if (word !== undefined) this.tokens.push({ kind: 'word', text: word, position: start });
      else if (number !== undefined) this.tokens.push({ kind: 'number', text: number, position: start });
      else this.tokens.push({ kind: 'punctuation', text: punctuation!, position: start });
    }
  }

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  fail(reason: string, position = this.peek()?.position ?? this.schema.length): never {
    throw new InvalidSchemaError({ schema: this.schema, reason: `${reason} at character ${position + 1}` });
  }

  /** Parameters separated by commas, a trailing comma allowed, up to the end or a closing parenthesis. */
  parameters(depth: number): AbiParameter[] {
    const parameters: AbiParameter[] = [];
    while (this.peek() && this.peek()!.text !== ')') {
      parameters.push(this.parameter(depth));
      if (!this.take(',')) break;
      if (!this.peek() || this.peek()!.text === ')') {
        if (parameters.length === 0) this.fail('expected a type');
        break;
      }
    }
    return parameters;
  }

  private parameter(depth: number): AbiParameter {
    const type = this.type(depth);
    const next = this.peek();
    if (next?.kind === 'word' && locations.has(next.text)) this.index += 1;
    const name = this.peek()?.kind === 'word' ? this.peek()!.text : undefined;
    if (name === undefined) return type;
    if (reservedNames.has(name) || locations.has(name) || elementaryType(name) !== undefined) this.fail(`"${name}" cannot name a parameter`);
    this.index += 1;
    return { ...type, name };
  }

  private type(depth: number): AbiParameter {
    const token = this.peek();
    let base: AbiParameter;
    if (token?.text === '(' || token?.text === 'tuple') {
      if (token.text === 'tuple') this.index += 1;
      if (!this.take('(')) this.fail('expected "("');
      if (depth >= maxNesting) this.fail(`tuples nested deeper than ${maxNesting}`);
      const components = this.parameters(depth + 1);
      if (!this.take(')')) this.fail('expected ")"');
      base = { type: 'tuple', components };
    } else if (token?.kind === 'word' && token.text === 'ipfsHash' && this.tokens[this.index + 1]?.kind === 'word') {
      // The SDK rewrites "ipfsHash NAME" to "bytes32 NAME" before parsing.
      this.index += 1;
      return { type: 'bytes32' };
    } else if (token?.kind === 'word') {
      base = { type: elementaryType(token.text) ?? this.fail(`unknown type "${token.text}"`) };
      this.index += 1;
    } else {
      this.fail('expected a type');
    }
    let suffixes = '';
    while (this.take('[')) {
      const size = this.peek()?.kind === 'number' ? Number(this.tokens[this.index++]!.text) : undefined;
      if (!this.take(']')) this.fail('expected "]"');
      suffixes += size === undefined ? '[]' : `[${size}]`;
    }
    return { ...base, type: `${base.type}${suffixes}` };
  }

  private take(text: string): boolean {
    if (this.peek()?.text !== text) return false;
    this.index += 1;
    return true;
  }
}

/** The canonical name of an elementary type (uint08 is uint8, as ethers reads it); undefined when `word` is none. */
function elementaryType(word: string): string | undefined {
  if (word === 'address' || word === 'bool' || word === 'string' || word === 'bytes') return word;
  const integer = /^(u?int)([0-9]+)?$/.exec(word);
  if (integer) {
    const bits = integer[2] === undefined ? 256 : Number(integer[2]);
    return bits >= 8 && bits <= 256 && bits % 8 === 0 ? `${integer[1]}${bits}` : undefined;
  }
  const fixedBytes = /^bytes([0-9]+)$/.exec(word);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    return size >= 1 && size <= 32 ? `bytes${size}` : undefined;
  }
  return undefined;
}
