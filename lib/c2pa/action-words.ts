/*
 * C2PA actions and IPTC digital source types in a reader's words, for the
 * inspector and reports. What is not listed is shown as the manifest says
 * it: a word Verity does not know is not guessed at.
 */

const actionWords: Readonly<Record<string, string>> = {
  'c2pa.created': 'Created',
  'c2pa.opened': 'Opened an existing file',
  'c2pa.placed': 'Placed another image in it',
  'c2pa.edited': 'Edited',
  'c2pa.edited.metadata': 'Edited its metadata',
  'c2pa.color_adjustments': 'Adjusted its colours',
  'c2pa.cropped': 'Cropped',
  'c2pa.resized': 'Resized',
  'c2pa.filtered': 'Filtered',
  'c2pa.drawing': 'Drew on it',
  'c2pa.orientation': 'Rotated or flipped',
  'c2pa.converted': 'Converted to another format',
  'c2pa.transcoded': 'Re-encoded',
  'c2pa.repackaged': 'Repackaged',
  'c2pa.published': 'Published',
  'c2pa.removed': 'Removed a part',
  'c2pa.redacted': 'Redacted a part',
  'c2pa.watermarked': 'Watermarked',
  'c2pa.unknown': 'Changed in a way not stated',
};

const sourceTypeWords: Readonly<Record<string, string>> = {
  trainedAlgorithmicMedia: 'Made by a generative AI model',
  compositeWithTrainedAlgorithmicMedia: 'Combines a generative AI model’s output with other material',
  algorithmicMedia: 'Made by an algorithm, not from a capture',
  compositeSynthetic: 'Combines synthetic material with other material',
  algorithmicallyEnhanced: 'A capture enhanced by an algorithm',
  digitalCapture: 'Captured by a digital camera',
  computationalCapture: 'Captured by a camera that processes what it records',
  compositeCapture: 'Combines several captures',
  negativeFilm: 'Scanned from a film negative',
  positiveFilm: 'Scanned from a film positive',
  print: 'Scanned from a print',
  humanEdits: 'Edited by a person',
  digitalCreation: 'Made by a person with digital tools',
  minorHumanEdits: 'Lightly edited by a person',
  screenCapture: 'A screenshot',
  virtualRecording: 'Recorded in a virtual environment',
  composite: 'Combines several sources',
  dataDrivenMedia: 'Made from data',
};

const iptcPrefix = /^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\//;

/** "Cropped" for `c2pa.cropped`; an unknown action as the manifest names it. */
export function actionWord(action: string): string {
  return actionWords[action] ?? action;
}

/** "Made by a generative AI model" for the IPTC term (by its URL or alone); an unknown one as the manifest gives it. */
export function sourceTypeWord(digitalSourceType: string): string {
  return sourceTypeWords[digitalSourceType.replace(iptcPrefix, '')] ?? digitalSourceType;
}
