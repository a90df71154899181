import type { SharedProof } from '../lib/share/types';

/** A share link's proof as the tests of making and reading links use it: a text token, words outside ASCII, a page. */
export const sharedProofExample: SharedProof = {
  proof: {
    form: 'text',
    raw: 'ai-proof:v1:eas:31337:0x' + 'ab'.repeat(32),
    shownText: 'Crews restored power — «overnight» 🌙.',
    renderedText: 'Crews restored power — «overnight» 🌙.',
  },
  pageUrl: 'https://news.example/story?id=1',
};
