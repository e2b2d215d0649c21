import { createCipheriv } from 'node:crypto';
import { SM4_BLOCK_BYTES } from './algorithms';

const SM4_ECB = 'sm4-ecb';

/**
 * SM4 in CBC mode (GB/T 17964) with PKCS#7 padding, for many values at once:
 * the same bytes as OpenSSL's `sm4-cbc` gives each value (sm4-cbc.test.ts),
 * with one SM4 block cipher for the whole set instead of a cipher per value.
 *
 * CBC is sequential inside a value (block j is chained to block j−1) but
 * independent across values, so step j XORs the j-th block of every value
 * with its predecessor (the IV for j = 0) and encrypts all of them in one
 * call of the block function (`sm4-ecb`, no padding: single blocks). Creating
 * a cipher per value cost about 3 µs, a fifth of the time an import spent
 * sealing a row's ID number and phone number; a step here costs under 1 µs per value.
 */
export function encryptSm4Cbc(key: Buffer, values: ReadonlyArray<{ iv: Buffer; plaintext: Buffer }>): Buffer[] {
  // PKCS#7: always 1..16 bytes of padding, each byte holding the padding's length.
  const padded = values.map(({ iv, plaintext }) => {
    if (iv.length !== SM4_BLOCK_BYTES) throw new RangeError(`IV 应为 ${SM4_BLOCK_BYTES} 字节`);
    const length = (Math.floor(plaintext.length / SM4_BLOCK_BYTES) + 1) * SM4_BLOCK_BYTES;
    const block = Buffer.alloc(length, length - plaintext.length);
    plaintext.copy(block);
    return block;
  });
  const ciphertexts = padded.map((block) => Buffer.allocUnsafe(block.length));
  const blockCipher = createCipheriv(SM4_ECB, key, null).setAutoPadding(false);
  let longest = 0;
  for (const block of padded) longest = Math.max(longest, block.length);
  const chained: number[] = [];
  for (let offset = 0; offset < longest; offset += SM4_BLOCK_BYTES) {
    chained.length = 0;
    for (let index = 0; index < padded.length; index += 1) if (padded[index]!.length > offset) chained.push(index);
    const input = Buffer.allocUnsafe(chained.length * SM4_BLOCK_BYTES);
    for (let position = 0; position < chained.length; position += 1) {
      const index = chained[position]!;
      const block = padded[index]!;
      const previous = offset === 0 ? values[index]!.iv : ciphertexts[index]!;
      const from = offset === 0 ? 0 : offset - SM4_BLOCK_BYTES;
      const at = position * SM4_BLOCK_BYTES;
      for (let byte = 0; byte < SM4_BLOCK_BYTES; byte += 1) input[at + byte] = block[offset + byte]! ^ previous[from + byte]!;
    }
    const output = blockCipher.update(input);
    for (let position = 0; position < chained.length; position += 1) {
      output.copy(ciphertexts[chained[position]!]!, offset, position * SM4_BLOCK_BYTES, (position + 1) * SM4_BLOCK_BYTES);
    }
  }
  blockCipher.final();
  return ciphertexts;
}
