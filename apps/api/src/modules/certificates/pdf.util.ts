import type { PdfFonts } from '@stegvis/reports/files';
import { pdfkit, reportFiles } from '../../common/lazy';
import { pdfFontFiles } from '../../common/pdf/fonts';

/**
 * Renders an A4 document to a Buffer, in Noto Sans (names beyond Western European letters print right), with
 * Arabic, Dari and Tigrinya text in fonts of their own and in reading order: every `doc.text()` of `draw` goes
 * through @stegvis/reports' pdf-text.ts, and a right-to-left paragraph without an `align` is aligned right.
 */
export function renderPdf(
  title: string,
  draw: (doc: PDFKit.PDFDocument, font: PdfFonts) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const PDFDocument = pdfkit();
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Producer: 'Stegvis', Creator: 'Stegvis' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc, reportFiles().useFonts(doc, pdfFontFiles()));
    doc.end();
  });
}

/**
 * A person's own text (a name) inside a line of ours: isolated, so that an Arabic name at the start of a Swedish
 * line does not make the whole line right to left (pdf-text.ts `isolate`).
 */
export function isolate(text: string): string {
  return reportFiles().isolate(text);
}
