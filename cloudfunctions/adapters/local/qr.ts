/** QR images from `qrcode` (maintained, pure JS, runs on both the host and in a cloud function). */
import QRCode from 'qrcode';

/** A data URL of a QR image of a short text (a booking code staff scan at the desk). */
export const qrDataUrl = (text: string) => QRCode.toDataURL(text, { margin: 1, width: 240 });

/** PNG bytes of a QR code of a URL, large enough to scan off a phone screen or a print. */
// A quiet zone of 4 modules, as the QR standard asks: cheap phone cameras need it to find the code.
export const qrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', scale: 10, margin: 4 });
