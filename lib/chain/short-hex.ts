/** `0x1234…abcd`: a hash or address short enough for a label, still telling most apart at a glance. */
export function shortHex(hex: string): string {
  return hex.length <= 14 ? hex : `${hex.slice(0, 6)}…${hex.slice(-4)}`;
}
