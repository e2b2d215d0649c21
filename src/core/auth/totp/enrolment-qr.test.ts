import { describe, expect, it } from 'vitest';
import { enrolmentQrDataUrl, enrolmentQrSvg } from './enrolment-qr';
import { otpauthUri } from './totp';

const uri = otpauthUri({ issuer: '工会工作平台', accountName: 'zhang.san', secret: 'JBSWY3DPEHPK3PXP' });

describe('enrolment QR code', () => {
  it('renders SVG markup', async () => {
    const svg = await enrolmentQrSvg(uri);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('renders a PNG data URL', async () => {
    const dataUrl = await enrolmentQrDataUrl(uri);
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64');
    // The PNG signature (PNG spec §5.2), so the payload really is an image.
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('encodes different URIs differently', async () => {
    const other = otpauthUri({ issuer: '工会工作平台', accountName: 'li.si', secret: 'JBSWY3DPEHPK3PXP' });
    expect(await enrolmentQrSvg(other)).not.toBe(await enrolmentQrSvg(uri));
  });
});
