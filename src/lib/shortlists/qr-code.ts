// The short link as a QR code: an SVG made on the server (no client JavaScript), with an
// accessible name, so it can sit inline in the page and print sharply at any size.
import QRCode from 'qrcode';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline <svg> for `url`, named "QR code for the short link <url>" for screen readers. */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const label = escapeAttribute(`QR code for the short link ${url}`);
  return svg.replace(/<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg role="img" aria-label="${label}" focusable="false" class="qr-code__image"`);
}
