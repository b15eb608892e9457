/**
 * 64-bit FNV-1a hash.
 *
 * Reference: G. Fowler, L. C. Noll, K.-P. Vo, D. Eastlake, "The FNV Non-Cryptographic Hash Algorithm",
 * IETF draft-eastlake-fnv (offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3).
 * For each byte b: h = (h XOR b) * prime mod 2^64. The 64-bit product is computed exactly in two 32-bit
 * halves: h * (2^40 + 435) = h * 435 + (low word << 8) * 2^32 (mod 2^64).
 */

const encoder = new TextEncoder();
const TWO_POW_32 = 0x1_0000_0000;

/**
 * Hashes the UTF-8 bytes of `text` with 64-bit FNV-1a and returns the digest as 16 lowercase hex digits.
 *
 * @example
 * fnv1a64("a"); // "af63dc4c8601ec8c"
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    const loProduct = lo * 435; // < 2^41, exact in a double
    const carry = Math.floor(loProduct / TWO_POW_32);
    const newHi = (hi * 435 + carry + ((lo << 8) >>> 0)) % TWO_POW_32;
    lo = loProduct % TWO_POW_32;
    hi = newHi;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}
