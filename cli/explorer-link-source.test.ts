import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Wallet } from '../test/fakes/eas-sdk';
import { attestationLink, explorerExport, type ExplorerExport } from '../test/fixtures/eas-real-world';
import { findProofs } from '../lib/extract/find-proofs';
import { parseHtml } from '../lib/extract/parse-html';
import { UsageError } from './args';
import { readExplorerLinkSource } from './explorer-link-source';
import { SourceError } from './source-error';

const wallet = new Wallet(`0x${'a7'.repeat(32)}`);
const text = 'Ticket prices "rise" by 5% & more\n\nfrom July.';
let exported: ExplorerExport;
let link: string;
let workDir: string;
let textPath: string;

beforeAll(async () => {
  exported = await explorerExport({ wallet, version: 2 });
  link = attestationLink(exported);
  workDir = await mkdtemp(join(tmpdir(), 'verity-link-source-'));
  textPath = join(workDir, 'text.txt');
  await writeFile(textPath, text);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('readExplorerLinkSource', () => {
  it('makes a page of one attribute-form eas-offchain proof around the text given', async () => {
    const source = await readExplorerLinkSource({ source: link, textPath });
    expect(source?.isHtml).toBe(true);
    const { snippets } = findProofs(parseHtml(source!.content));
    expect(snippets).toHaveLength(1);
    expect(snippets[0]).toMatchObject({ form: 'attribute', shownText: 'Ticket prices "rise" by 5% & more from July.' });
    expect(snippets[0]!.decoded).toMatchObject({ ok: true, envelope: { proof: { type: 'eas-offchain', attestation: { uid: exported.sig.uid } } } });
  });

  it('reads the text from standard input with --text -', async () => {
    const source = await readExplorerLinkSource({ source: link, textPath: '-', stdin: Readable.from([Buffer.from('From stdin.')]) });
    expect(findProofs(parseHtml(source!.content)).snippets[0]).toMatchObject({ shownText: 'From stdin.' });
  });

  it('asks for the text instead of verifying against none', async () => {
    await expect(readExplorerLinkSource({ source: link, textPath: undefined })).rejects.toThrow(UsageError);
    await expect(readExplorerLinkSource({ source: link, textPath: undefined })).rejects.toThrow(/carries no text/);
    const blank = join(workDir, 'blank.txt');
    await writeFile(blank, ' \n\u00a0\n');
    await expect(readExplorerLinkSource({ source: link, textPath: blank })).rejects.toThrow(/holds no text/);
  });

  it('leaves other sources to readSource, and refuses --text with them', async () => {
    await expect(readExplorerLinkSource({ source: 'https://news.example/story', textPath: undefined })).resolves.toBeUndefined();
    await expect(readExplorerLinkSource({ source: 'page.html', textPath })).rejects.toThrow(UsageError);
  });

  it('is a source that cannot be read when the link is damaged', async () => {
    await expect(readExplorerLinkSource({ source: link.slice(0, -10), textPath })).rejects.toThrow(SourceError);
  });
});
