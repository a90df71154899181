import { describe, expect, it } from 'vitest';
import { integrityTitle, integrityWarnings } from './integrity-words';

const clean = { badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] };

describe('integrityWarnings', () => {
  it('says nothing of a page that did nothing against Verity', () => {
    expect(integrityWarnings(clean)).toEqual([]);
    expect(integrityTitle(null)).toBeNull();
  });

  it('says once that the page keeps hiding the badges, however it did it', () => {
    for (const integrity of [{ ...clean, badgesKeptOff: 1 }, { ...clean, badgesHidden: 3 }, { ...clean, cardHidden: true }]) {
      expect(integrityWarnings(integrity)).toEqual([expect.stringMatching(/^This page keeps hiding Verity’s badges — .*trust this list/)]);
      expect(integrityTitle(integrity)).toMatch(/this page hides Verity’s badges/);
    }
  });

  it('counts the look-alike badges the page drew, in words', () => {
    expect(integrityWarnings({ ...clean, lookAlikes: 1 })).toEqual(['The page drew a badge that is not Verity’s — only badges with your personal mark are Verity’s.']);
    expect(integrityWarnings({ ...clean, lookAlikes: 3, badgesHidden: 1 })[1]).toMatch(/^The page drew 3 badges that are not Verity’s/);
    expect(integrityTitle({ ...clean, lookAlikes: 3 })).toMatch(/draws badges that are not Verity’s/);
  });
});
