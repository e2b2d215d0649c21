/**
 * `Content-Disposition: attachment` with a Chinese file name (RFC 6266 /
 * RFC 5987): an ASCII fallback for old clients and the UTF-8 name in
 * `filename*`, which every current browser prefers.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
