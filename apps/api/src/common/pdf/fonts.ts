import { readFileSync } from 'node:fs';
import type { PdfFontFiles } from '@stegvis/reports/files';

let files: PdfFontFiles | null = null;

const font = (path: string) => readFileSync(require.resolve(`@expo-google-fonts/${path}`));

/**
 * Noto Sans (Latin, Latin Extended, Cyrillic, Greek, Vietnamese), shipped with the api as an npm package, so every
 * PDF it writes spells names such as "Şükrü Đorđević" right wherever it runs; with the participants' scripts
 * (packages/reports/src/pdf-text.ts): Vazirmatn for Arabic script (Arabic, Dari, Pashto) and Noto Sans Ethiopic
 * for Tigrinya. Vazirmatn, not Noto Sans Arabic, because that font draws letters that differ only in their dots
 * with one shared glyph, so text copied from the PDF would swap ج and ح. Read once, on first use.
 */
export function pdfFontFiles(): PdfFontFiles {
  files ??= {
    regular: font('noto-sans/400Regular/NotoSans_400Regular.ttf'),
    bold: font('noto-sans/700Bold/NotoSans_700Bold.ttf'),
    italic: font('noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    scripts: {
      arabic: {
        regular: font('vazirmatn/400Regular/Vazirmatn_400Regular.ttf'),
        bold: font('vazirmatn/700Bold/Vazirmatn_700Bold.ttf'),
      },
      ethiopic: {
        regular: font('noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf'),
        bold: font('noto-sans-ethiopic/700Bold/NotoSansEthiopic_700Bold.ttf'),
      },
    },
  };
  return files;
}
