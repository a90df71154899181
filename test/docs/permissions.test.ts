import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const root = fileURLToPath(new URL('../../', import.meta.url));
const protocol = readFileSync(`${root}docs/protocol.md`, 'utf8');

type ManifestPermissions = { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[] };
const chromeManifest = (config.manifest as (env: { browser: string; manifestVersion: number }) => ManifestPermissions)({ browser: 'chrome', manifestVersion: 3 });

/** The names in backticks of one part of a paragraph. */
const named = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map(([, name]) => name!);

describe('docs/protocol.md on permissions', () => {
  const paragraph = /\*\*Permissions\.\*\*[\s\S]*?\n\n/.exec(protocol)![0];
  const [required = '', optional = ''] = paragraph.split(/\bOptional,/);

  it('lists as required what Chrome’s manifest requires, and as optional what it offers', () => {
    expect(named(required).sort()).toEqual([...chromeManifest.permissions!].sort());
    const offered = named(optional.split('No host permissions')[0]!);
    expect(offered.sort()).toEqual([...chromeManifest.optional_permissions!, ...chromeManifest.optional_host_permissions!].sort());
  });

  it('says nowhere that images need no permission at install, while Chrome requires `offscreen` for them', () => {
    expect(chromeManifest.permissions).toContain('offscreen');
    const sentences = protocol.replace(/\s+/g, ' ').split(/(?<=[.;])\s/);
    expect(sentences.filter((sentence) => /\bno permission\b[^.;]*\bat install\b/i.test(sentence))).toEqual([]);
  });
});
