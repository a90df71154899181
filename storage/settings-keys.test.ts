import { describe, expect, it } from 'vitest';
import { defaultDisplaySettings, displaySettingsFrom, isSiteDisabled } from './settings-keys';

describe('displaySettingsFrom', () => {
  it('fills in defaults for what is missing or of the wrong type', () => {
    expect(displaySettingsFrom(undefined)).toEqual(defaultDisplaySettings);
    expect(displaySettingsFrom({ showBadges: 'no', disabledSites: ['a.example', 3] })).toEqual({
      showBadges: true,
      disabledSites: ['a.example'],
    });
    expect(displaySettingsFrom({ showBadges: false })).toEqual({ showBadges: false, disabledSites: [] });
  });
});

describe('isSiteDisabled', () => {
  const settings = { showBadges: true, disabledSites: ['example.com'] };

  it('covers the site and its subdomains, and nothing that only ends alike', () => {
    expect(isSiteDisabled('example.com', settings)).toBe(true);
    expect(isSiteDisabled('News.Example.com', settings)).toBe(true);
    expect(isSiteDisabled('badexample.com', settings)).toBe(false);
    expect(isSiteDisabled('example.com.evil.test', settings)).toBe(false);
  });
});
