/**
 * Image bytes as text, for the messages that carry them (the content
 * script's read of an image for "Verify image with Verity", the worker's
 * request to Chrome's offscreen document): Chrome's runtime messaging
 * carries JSON only.
 */
export function bytesToBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: one String.fromCharCode call per byte would be slow, and one for all would overflow the call stack.
  for (let at = 0; at < view.length; at += 0x8000) binary += String.fromCharCode(...view.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
  return bytes.buffer;
}
