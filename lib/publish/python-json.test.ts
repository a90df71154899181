import { describe, expect, it } from 'vitest';
import { PythonFloat, pythonJsonDumps } from './python-json';

// Expected strings are the output of CPython 3.11 `json.dumps(value, sort_keys=True)`.
describe('pythonJsonDumps', () => {
  it('matches Python on a chat request: separators, sorted keys, ensure_ascii escapes', () => {
    const request = {
      model: 'openai/gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'Tabs\tand "quotes" \\\\ back' },
        { role: 'user', content: 'Café — 😀 \u007f \u0000' },
      ],
      temperature: 0.2,
      max_tokens: 160,
      stop: null,
      web_search: false,
    };
    expect(pythonJsonDumps(request)).toBe(
      String.raw`{"max_tokens": 160, "messages": [{"content": "Tabs\tand \"quotes\" \\\\ back", "role": "system"}, {"content": "Caf\u00e9 \u2014 \ud83d\ude00 \u007f \u0000", "role": "user"}], "model": "openai/gpt-4.1-mini", "stop": null, "temperature": 0.2, "web_search": false}`,
    );
  });

  it('sorts keys by code point, as Python does, not by UTF-16 unit', () => {
    const value = {
      b: 1,
      a: [],
      c: {},
      é: new PythonFloat(1),
      z: 1e16,
      y: new PythonFloat(1e15),
      x: 1e-5,
      w: 0.0001,
      v: -0,
      u: 123456789.125,
      t: 1.5e300,
      s: 2.5e-300,
      '😀': true,
      '\uffff': [2, 'x', null],
      n: -7,
      big: 12345678901234567890n,
    };
    expect(pythonJsonDumps(value)).toBe(
      String.raw`{"a": [], "b": 1, "big": 12345678901234567890, "c": {}, "n": -7, "s": 2.5e-300, "t": 1.5e+300, "u": 123456789.125, "v": 0, "w": 0.0001, "x": 1e-05, "y": 1000000000000000.0, "z": 1e+16, "\u00e9": 1.0, "\uffff": [2, "x", null], "\ud83d\ude00": true}`,
    );
  });

  it("writes floats as Python's repr", () => {
    const cases: [number, string][] = [
      [0.1 + 0.2, '0.30000000000000004'],
      [1 / 3, '0.3333333333333333'],
      [123456789012345.6, '123456789012345.6'],
      [1234567890123456.8, '1234567890123456.8'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-1.5, '-1.5'],
      [0.5, '0.5'],
    ];
    for (const [value, repr] of cases) expect(pythonJsonDumps(value), repr).toBe(repr);
    expect(pythonJsonDumps(new PythonFloat(100))).toBe('100.0');
    expect(pythonJsonDumps(new PythonFloat(-0))).toBe('-0.0');
    expect(pythonJsonDumps([NaN, Infinity, -Infinity])).toBe('[NaN, Infinity, -Infinity]');
  });

  it('leaves out undefined members', () => {
    expect(pythonJsonDumps({ a: 1, b: undefined })).toBe('{"a": 1}');
  });
});
