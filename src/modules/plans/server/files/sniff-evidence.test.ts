import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../fixtures/build-fixtures';
import { sniffEvidence } from './sniff-evidence';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-evidence-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const kindOf = async (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return sniffEvidence(path, bytes.length);
};

describe('evidence file types, by content', () => {
  it('tells PDF, JPEG, PNG, .docx and .xlsx by their first bytes or main part, whatever the name', async () => {
    expect(await kindOf('a.jpg', Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(await kindOf('a.pdf', Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]))).toBe('jpg');
    expect(await kindOf('a', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(await kindOf('a.zip', buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]))).toBe('docx');
    expect(await kindOf('b.zip', buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]))).toBe('xlsx');
  });

  it('refuses anything else on the file field, in Chinese, saying what to upload', async () => {
    await expect(kindOf('a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toMatchObject({ field: 'file', message: expect.stringContaining('另存为 .docx 或 .xlsx') });
    await expect(kindOf('a.zip', buildZip([{ name: 'readme.txt', data: Buffer.from('hi') }]))).rejects.toMatchObject({ field: 'file', message: expect.stringContaining('不支持的文件类型') });
    await expect(kindOf('broken.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]))).rejects.toMatchObject({ field: 'file', message: expect.stringContaining('文件已损坏') });
    await expect(kindOf('a.txt', Buffer.from('纯文本'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
