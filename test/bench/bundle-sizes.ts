import { allAssetFiles, entrypointBundles } from './extension-build';
import { formatNumber, formatTable, subheading } from './table';

/** The content script's budget, gzipped. */
const contentScriptBudget = 30 * 1024;

/** Prints every entrypoint's files, raw and gzipped, and the content script's total against its budget. */
export async function printBundles(extensionPath: string): Promise<void> {
  console.log(`${subheading('4.1 Bundle sizes by entrypoint')}`);
  console.log(`Every JS and CSS file each entrypoint loads (the manifest's scripts, each page's
script and link tags, and the chunks those import); shared chunks count in
each entrypoint that loads them. gzip is level 9, as a store or CDN would serve.`);
  const bundles = await entrypointBundles(extensionPath);
  const rows: string[][] = [];
  const kb = (bytes: number) => formatNumber(bytes / 1024, 1);
  for (const { entrypoint, files } of bundles) {
    for (const file of files) rows.push([entrypoint, file.file, kb(file.raw), kb(file.gzip)]);
    const raw = files.reduce((total, file) => total + file.raw, 0);
    const gzip = files.reduce((total, file) => total + file.gzip, 0);
    rows.push([entrypoint, '(total)', kb(raw), kb(gzip)]);
  }
  const loaded = new Set(bundles.flatMap(({ files }) => files.map(({ file }) => file)));
  const unloaded = (await allAssetFiles(extensionPath)).filter((file) => !loaded.has(file));
  console.log();
  console.log(formatTable([{ header: 'entrypoint' }, { header: 'file' }, { header: 'raw KiB', align: 'right' }, { header: 'gzip KiB', align: 'right' }], rows));
  if (unloaded.length > 0) console.log(`Loaded by no entrypoint: ${unloaded.join(', ')}.`);
  const content = bundles.find(({ entrypoint }) => entrypoint === 'content');
  if (content !== undefined) {
    const gzip = content.files.reduce((total, file) => total + file.gzip, 0);
    console.log(`Content script: ${kb(gzip)} KiB gzipped, budget ${kb(contentScriptBudget)} KiB: ${gzip < contentScriptBudget ? 'met' : 'NOT met'}.`);
  }
}
