/**
 * The fonts a PDF is written in. PDFKit's built-in Helvetica covers only Western European letters (WinAnsi): a
 * name such as "Şükrü" or "Đorđević" comes out wrong. Callers that can reach a TrueType file (the api ships Noto
 * Sans) pass it; without one, Helvetica.
 */
export interface PdfFonts {
  regular: string;
  bold: string;
  italic: string;
}

export interface PdfFontFiles {
  regular: string | Buffer;
  bold: string | Buffer;
  italic: string | Buffer;
}

export const HELVETICA: PdfFonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
};

/** Registers the files with the document (when given) and returns the names to use with doc.font(). */
export function useFonts(doc: PDFKit.PDFDocument, files?: PdfFontFiles): PdfFonts {
  if (!files) return HELVETICA;
  doc.registerFont('Stegvis', files.regular);
  doc.registerFont('Stegvis-Bold', files.bold);
  doc.registerFont('Stegvis-Italic', files.italic);
  doc.font('Stegvis');
  return { regular: 'Stegvis', bold: 'Stegvis-Bold', italic: 'Stegvis-Italic' };
}
