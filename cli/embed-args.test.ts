import { describe, expect, it } from 'vitest';
import { EmbedUsageError, parseEmbedArgs } from './embed-args';

describe('parseEmbedArgs', () => {
  it('reads a full command, with the attribute form and HTML by default', () => {
    expect(parseEmbedArgs(['--from', 'og', 'response.json'])).toEqual({
      command: 'embed',
      from: 'og',
      source: 'response.json',
      form: 'attribute',
      output: 'html',
      markdown: false,
      attributeEncoding: 'base64url',
      rpcOverrides: [],
    });
    const hash = `0x${'ab'.repeat(32)}`;
    expect(
      parseEmbedArgs([
        '--from', 'og', '-', '--form', 'script', '--target', '#story', '--markdown', '--bare', '--chain', '31337', '--registry', '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        '--rpc', '31337=http://127.0.0.1:8545', '--tee-key', 'tee.pem', '--settlement-tx', hash, '--relay', '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        '--batch-root', hash, '--batch-proof', hash, '--batch-proof', hash, '--out', 'proof.html',
      ]),
    ).toMatchObject({
      source: '-',
      form: 'script',
      target: '#story',
      markdown: true,
      output: 'bare',
      chainId: 31337,
      rpcOverrides: [{ chainId: '31337', url: 'http://127.0.0.1:8545' }],
      teeKeyPath: 'tee.pem',
      settlement: { tx: hash, relay: '0x5FbDB2315678afecb367f032d93F642f64180aa3', root: hash, proof: [hash, hash] },
      outPath: 'proof.html',
    });
  });

  it.each([
    [['response.json'], 'Missing --from'],
    [['--from', 'eas', 'x.json'], '--from "eas": expected og'],
    [['--from', 'og'], 'Missing RESPONSE'],
    [['--from', 'og', 'a.json', 'b.json'], 'Unexpected argument "b.json"'],
    [['--from', 'og', 'a.json', '--form', 'banner'], '--form "banner": expected attribute, script, token, ref'],
    [['--from', 'og', 'a.json', '--html', '--bare'], '--html and --bare cannot be used together'],
    [['--from', 'og', 'a.json', '--target', '#x'], '--target and --id are for the script form'],
    [['--from', 'og', 'a.json', '--form', 'token', '--encoding', 'json'], '--encoding is for the attribute form'],
    [['--from', 'og', 'a.json', '--rendered', 'r.html'], 'give --markdown too'],
    [['--from', 'og', 'a.json', '--batch-root', '0x00'], 'give --settlement-tx too'],
    [['--from', 'og', 'a.json', '--settlement-tx', '0x00', '--batch-root', '0x00'], 'needs both --batch-root and --batch-proof'],
    [['--from', 'og', 'a.json', '--chain', '0'], '--chain "0"'],
    [['--from', 'og', 'a.json', '--rpc', 'localhost'], '--rpc "localhost"'],
    [['--from', 'og', '-', '--content', '-'], 'Only one input can come from standard input'],
    [['--from', 'og', 'a.json', '--colour'], "Unknown option '--colour'"],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseEmbedArgs(argv)).toThrow(EmbedUsageError);
    expect(() => parseEmbedArgs(argv)).toThrow(message);
  });

  it('asks for embed help', () => {
    expect(parseEmbedArgs(['--help'])).toEqual({ command: 'help', topic: 'embed' });
  });
});
