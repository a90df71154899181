/** The words of the opt-in to image checks (issue 15), the same on the options page and in the popup. */

export const imageAccessTitle = 'Check images’ Content Credentials';

/** Why Verity asks, in full (the options page): what it reads, and why the browser's prompt sounds so broad. */
export const imageAccessWhy =
  'Many AI image tools sign what they make with Content Credentials (C2PA). Verity can check them on the pages you ' +
  'read and mark AI-made images, on this computer. To do that it has to read the images’ files from the sites that ' +
  'serve them, so your browser asks you to let Verity “read your data on all websites”. Verity reads only images, ' +
  'sends no cookies with them, and sends nothing anywhere.';

/** Why Verity asks, in one sentence (the popup). */
export const imageAccessWhyBrief =
  'To check images’ Content Credentials, Verity has to read the image files from the sites they come from; it reads ' +
  'nothing else, checks them on this computer, and you can turn this off in Settings.';

/** The button that opens the browser's prompt (hence the ellipsis). */
export const allowImageChecksLabel = 'Allow image checks…';
