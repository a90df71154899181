import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args';

describe('parseCliArgs', () => {
  it('reads verify with every option', () => {
    expect(
      parseCliArgs(['verify', 'page.html', '--config', 'trust.json', '--rpc', '1=https://a.example', '--rpc', '10=http://b', '--json', '--c2pa-anchors', 'a.pem', '--c2pa-anchors', 'b.pem']),
    ).toEqual({
      command: 'verify',
      source: 'page.html',
      configPath: 'trust.json',
      rpcOverrides: [
        { chainId: '1', url: 'https://a.example' },
        { chainId: '10', url: 'http://b' },
      ],
      json: true,
      c2paAnchorPaths: ['a.pem', 'b.pem'],
    });
  });

  it('takes - as standard input', () => {
    expect(parseCliArgs(['verify', '-'])).toMatchObject({ source: '-', json: false, rpcOverrides: [] });
  });

  it.each([
    [['verify'], /Missing SOURCE/],
    [[], /Missing command/],
    [['check', 'x'], /Unknown command "check"/],
    [['verify', 'a', 'b'], /Unexpected argument "b"/],
    [['verify', 'a', '--rpc', 'mainnet=https://x'], /--rpc "mainnet=https:\/\/x"/],
    [['verify', 'a', '--rpc', '1=ftp://x'], /CHAINID=URL/],
    [['verify', 'a', '--colour'], /--colour/],
    [['verify', 'a', '--config'], /--config/],
  ])('rejects %j naming the problem', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('reads --report md and --report json', () => {
    expect(parseCliArgs(['verify', 'page.html', '--report', 'md'])).toMatchObject({ source: 'page.html', json: false, report: 'md' });
    expect(parseCliArgs(['verify', '--report=json', '-'])).toMatchObject({ source: '-', json: false, report: 'json' });
    expect(parseCliArgs(['verify', 'page.html'])).not.toHaveProperty('report');
  });

  it.each([
    [['verify', 'a', '--report', 'html'], /--report "html": expected md or json/],
    [['verify', 'a', '--report', 'JSON'], /--report "JSON": expected md or json/],
    [['verify', 'a', '--report'], /--report/],
    [['verify', 'a', '--report', 'json', '--json'], /--report and --json cannot be used together/],
    [['verify', 'a', '--json', '--report', 'md'], /--report and --json cannot be used together/],
  ])('rejects the report option in %j naming the problem', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('answers --help and --version before anything else', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['verify', '--version'])).toEqual({ command: 'version' });
  });
});
