/**
 * A number Python holds as a float even though it is whole: `PythonFloat(1)`
 * dumps as `1.0`, where the plain number 1 dumps as the int `1`.
 */
export class PythonFloat {
  constructor(readonly value: number) {}
}

export type PythonJsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PythonFloat
  | readonly PythonJsonValue[]
  | { readonly [key: string]: PythonJsonValue | undefined };

/**
 * Python's `json.dumps(value, sort_keys=True)` with its defaults: separators
 * `", "` and `": "`, ensure_ascii (everything outside printable ASCII as
 * lower-case \uXXXX, astral characters as surrogate pairs), allow_nan.
 * OpenGradient's TEE hashes requests serialised this way.
 *
 * JavaScript has one number type, so safe integers dump as Python ints and
 * every other number as a float (Python's repr): wrap a whole float in
 * PythonFloat, and pass a big int as a bigint.
 * Object members whose value is undefined are left out.
 */
export function pythonJsonDumps(value: PythonJsonValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value).toString() : pythonFloatRepr(value);
  if (typeof value === 'string') return pythonString(value);
  if (value instanceof PythonFloat) return pythonFloatRepr(value.value);
  if (isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const members = Object.entries(value)
    .filter((entry): entry is [string, PythonJsonValue] => entry[1] !== undefined)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([key, member]) => `${pythonString(key)}: ${pythonJsonDumps(member)}`);
  return `{${members.join(', ')}}`;
}

function isArray(value: PythonJsonValue): value is readonly PythonJsonValue[] {
  return Array.isArray(value);
}

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Python's ensure_ascii string encoding, one UTF-16 code unit at a time (as Python does). */
function pythonString(text: string): string {
  let encoded = '"';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const character = text[index]!;
    if (shortEscapes[character] !== undefined) encoded += shortEscapes[character];
    else if (unit < 0x20 || unit > 0x7e) encoded += `\\u${unit.toString(16).padStart(4, '0')}`;
    else encoded += character;
  }
  return `${encoded}"`;
}

/** Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (character) => character.codePointAt(0)!);
  const right = Array.from(b, (character) => character.codePointAt(0)!);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    if (left[index] !== right[index]) return left[index]! - right[index]!;
  }
  return left.length - right.length;
}

/**
 * Python's `repr(float)`: the shortest round-trip digits (as JavaScript also
 * finds them), in positional notation when the decimal exponent is from -4
 * to 15, else as `d.ddde+XX`; whole values keep a `.0`.
 */
function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';

  const sign = value < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);

  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const pointAt = exponent + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}
