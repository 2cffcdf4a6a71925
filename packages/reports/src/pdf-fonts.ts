import { enableScripts, type PdfScript } from './pdf-text.js';

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

/** A script's own font: regular, and bold for bold text (italic text uses the regular one). */
export interface ScriptFontFiles {
  regular: string | Buffer;
  bold: string | Buffer;
}

export interface PdfFontFiles {
  regular: string | Buffer;
  bold: string | Buffer;
  italic: string | Buffer;
  /**
   * Fonts for the participants' scripts (pdf-text.ts): Arabic script (Arabic, Dari) and Ethiopic (Tigrinya).
   * Text in a script without its font prints as empty boxes.
   */
  scripts?: Partial<Record<PdfScript, ScriptFontFiles>>;
}

export const HELVETICA: PdfFonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
};

const SCRIPT_FONT_NAME: Record<PdfScript, string> = {
  arabic: 'Stegvis-Arabic',
  ethiopic: 'Stegvis-Ethiopic',
};

/**
 * Registers the files with the document (when given) and returns the names to use with doc.font(). With script
 * fonts, every `doc.text()` of the document lays out Arabic and Ethiopic text by script and direction
 * (`enableScripts`).
 */
export function useFonts(doc: PDFKit.PDFDocument, files?: PdfFontFiles): PdfFonts {
  if (!files) return HELVETICA;
  doc.registerFont('Stegvis', files.regular);
  doc.registerFont('Stegvis-Bold', files.bold);
  doc.registerFont('Stegvis-Italic', files.italic);
  const scripts: Partial<Record<PdfScript, { regular: string; bold: string }>> = {};
  for (const [script, f] of Object.entries(files.scripts ?? {}) as [PdfScript, ScriptFontFiles][]) {
    const name = SCRIPT_FONT_NAME[script];
    doc.registerFont(name, f.regular);
    doc.registerFont(`${name}-Bold`, f.bold);
    scripts[script] = { regular: name, bold: `${name}-Bold` };
  }
  if (Object.keys(scripts).length)
    enableScripts(doc, {
      base: { Stegvis: 'regular', 'Stegvis-Bold': 'bold', 'Stegvis-Italic': 'regular' },
      scripts,
    });
  doc.font('Stegvis');
  return { regular: 'Stegvis', bold: 'Stegvis-Bold', italic: 'Stegvis-Italic' };
}
