import QRCode from 'qrcode';

/**
 * The enrolment QR code carries the otpauth:// URI to the phone. Level M
 * (≈15 % recovery) tolerates a slightly blurred or glare-spotted screen
 * photo without making the code denser; a one-module quiet zone keeps it
 * compact in the page, which supplies its own white background.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 1 } as const;

/** SVG markup; scales cleanly and can be inlined in the enrolment page. */
export function enrolmentQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { ...OPTIONS, type: 'svg' });
}

/** A `data:image/png;base64,…` URL, for places that need an <img> source. */
export function enrolmentQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { ...OPTIONS, type: 'image/png' });
}
