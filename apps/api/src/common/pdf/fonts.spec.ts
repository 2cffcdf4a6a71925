import { extractText } from 'unpdf';
import { renderTablesPdf } from '@stegvis/reports/files';
import { renderPdf } from '../../modules/certificates/pdf.util';
import { pdfFontFiles } from './fonts';

const text = async (pdf: Buffer) => (await extractText(new Uint8Array(pdf), { mergePages: true })).text;
const NAMES = 'Şükrü Đorđević, Łucja Kowalczyk, Алексей';

describe('PDF fonts', () => {
  it('prints names beyond Western European letters in certificates and handbook files', async () => {
    const pdf = await renderPdf('Diplom', (doc, font) => doc.font(font.bold).text(NAMES));
    expect(await text(pdf)).toContain(NAMES);
  });

  it('prints them in report tables too, where Helvetica would not', async () => {
    const table = {
      id: 'report' as const,
      title: 'Deltagare',
      columns: ['Namn'],
      rows: [[NAMES]],
      notes: [],
    };
    const flat = async (pdf: Buffer) => (await text(pdf)).replace(/\s+/g, ' ');
    expect(await flat(await renderTablesPdf('Rapport', [table], pdfFontFiles()))).toContain(NAMES);
    // Helvetica prints the table (so the text is read), but not those letters.
    const helvetica = await flat(await renderTablesPdf('Rapport', [table]));
    expect(helvetica).toContain('Deltagare Namn');
    expect(helvetica).not.toContain(NAMES);
  });
});
