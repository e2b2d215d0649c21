/**
 * What a file is, from its first bytes — never from its name (an .exe renamed
 * .pdf stays an .exe). The signatures the uploads accept or must recognise to
 * refuse with a helpful message:
 * - `pdf`  "%PDF-" (ISO 32000-1 §7.5.2)
 * - `jpg`  SOI marker FF D8 FF (ISO/IEC 10918-1)
 * - `png`  its 8-byte signature (ISO/IEC 15948 §5.2)
 * - `zip`  a local file header "PK\3\4" (APPNOTE.TXT §4.3.7): .docx, .xlsx and other OOXML packages
 * - `ole2` a compound file (MS-CFB 2.2): old .doc/.xls, or an encrypted OOXML file
 */
export type FileSignature = 'pdf' | 'jpg' | 'png' | 'zip' | 'ole2';

const SIGNATURES: ReadonlyArray<readonly [FileSignature, readonly number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** Bytes to read from the start of a file for `fileSignature`. */
export const SIGNATURE_BYTES = 8;

export function fileSignature(head: Uint8Array): FileSignature | null {
  return SIGNATURES.find(([, bytes]) => head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte))?.[0] ?? null;
}
