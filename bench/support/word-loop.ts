/**
 * A reference point, not a target: the least work any JavaScript tokenizer does. One pass that
 * reads every UTF-16 code unit, splits at anything that is not an ASCII letter or digit, and
 * hashes each word as the detector does (no folding, no case, no storage, no lookups).
 *
 * The bench prints it beside the normalization pass so the "scan ÷ normalization" ratio can be
 * read against what a bare JavaScript character loop already costs on the same machine.
 */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/** Number of words in `text` plus an xor of their hashes (so the loop cannot be optimised away). */
export function wordLoop(text: string): number {
  let h = 0;
  let words = 0;
  let mix = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && WORD[c] === 1) {
      h = (Math.imul(h, 0x01000193) + (c | 32)) | 0;
    } else if (h !== 0) {
      words++;
      mix ^= h;
      h = 0;
    }
  }
  return words + (mix & 1);
}
