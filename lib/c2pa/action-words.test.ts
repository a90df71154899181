import { describe, expect, it } from 'vitest';
import { actionWord, sourceTypeWord } from './action-words';

describe('actionWord and sourceTypeWord', () => {
  it('says known actions and IPTC source types in words, by URL or bare term', () => {
    expect(actionWord('c2pa.cropped')).toBe('Cropped');
    expect(sourceTypeWord('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia')).toBe('Made by a generative AI model');
    expect(sourceTypeWord('https://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture')).toBe('Captured by a digital camera');
  });

  it('gives what it does not know as the manifest says it, never a guess', () => {
    expect(actionWord('com.example.sharpen')).toBe('com.example.sharpen');
    expect(sourceTypeWord('https://example.com/madeUp')).toBe('https://example.com/madeUp');
  });
});
