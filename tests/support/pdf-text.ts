/**
 * The text of an uncompressed pdfkit PDF, as a person would read it: pdfkit writes each run of
 * text as a hex string.
 */
export function pdfText(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/g)]
    .map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1'))
    .join('');
}
