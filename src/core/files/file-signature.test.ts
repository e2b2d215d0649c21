import { describe, expect, it } from 'vitest';
import { fileSignature } from './file-signature';

describe('fileSignature', () => {
  it('names each accepted kind by its first bytes', () => {
    expect(fileSignature(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(fileSignature(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(fileSignature(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(fileSignature(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(fileSignature(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole2');
  });

  it('knows nothing else, and needs the whole signature', () => {
    expect(fileSignature(Buffer.from('MZ\x90\x00'))).toBeNull(); // a Windows executable, whatever its name
    expect(fileSignature(Buffer.from('姓名,身份证号'))).toBeNull();
    expect(fileSignature(Buffer.from('%PDF'))).toBeNull();
    expect(fileSignature(Buffer.alloc(0))).toBeNull();
  });
});
