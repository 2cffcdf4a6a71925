import { readFileSync } from 'node:fs';
import type { PdfFontFiles } from '@stegvis/reports/files';

let files: PdfFontFiles | null = null;

/**
 * Noto Sans (Latin, Latin Extended, Cyrillic, Greek, Vietnamese), shipped with the api as an npm package, so every
 * PDF it writes spells names such as "Şükrü Đorđević" right wherever it runs. Read once, on first use.
 */
export function pdfFontFiles(): PdfFontFiles {
  files ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
    italic: readFileSync(
      require.resolve('@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    ),
  };
  return files;
}
