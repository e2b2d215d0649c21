let gbkTable: Map<string, Buffer> | null = null;

/**
 * GBK bytes (GB18030's two-byte part) for text of ASCII and Chinese, for test
 * files saved the way Chinese Windows saves them: Node decodes GB18030 but
 * cannot encode it, so the table is read off the decoder.
 */
export function encodeGbk(text: string): Buffer {
  if (gbkTable === null) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, bytes);
      }
    }
  }
  const parts: Buffer[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) parts.push(Buffer.from(char, 'latin1'));
    else {
      const bytes = gbkTable.get(char);
      if (!bytes) throw new Error(`encodeGbk: no two-byte code for ${char}`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}
