import { extractText } from 'unpdf';
import { renderTablesPdf } from '@stegvis/reports/files';
import { isolate, renderPdf } from '../../modules/certificates/pdf.util';
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

  // Every api PDF goes through renderPdf (certificates, action plans, minutes, the handbook, the audit trail) or
  // renderTablesPdf with these fonts: participants' names and answers in Arabic, Dari and Tigrinya print shaped,
  // right to left where they are, and come back out as typed.
  const ARABIC = 'فاطمة الزهراء حسن';
  const DARI = 'محمد جان احمدی از کابل';
  const TIGRINYA = 'ብርሃነ ተኽለ ገብረሚካኤል';
  const MIXED = 'حضرت 12 جلسة في Stegvis';

  it('prints names in Arabic, Dari and Tigrinya on a certificate', async () => {
    const pdf = await renderPdf('Diplom', (doc, font) => {
      doc.fontSize(28).text('Diplom', { align: 'center' });
      for (const name of [ARABIC, DARI, TIGRINYA])
        doc.font(font.bold).fontSize(16).text(name, { align: 'center' });
      doc.font(font.regular).fontSize(12).text(`har deltagit i Nästa Steg: ${MIXED}`, { align: 'center' });
    });
    expect((await text(pdf)).split('\n')).toEqual([
      'Diplom',
      ARABIC,
      DARI,
      TIGRINYA,
      `har deltagit i Nästa Steg: ${MIXED}`,
    ]);
  });

  it('prints them in report tables, a right-to-left answer in the reading order of the line', async () => {
    const table = {
      id: 'surveys' as const,
      title: 'Enkätsvar',
      columns: ['Grupp', 'Svar'],
      rows: [
        ['Grupp 1', MIXED],
        ['Grupp 2', TIGRINYA],
      ],
      notes: [],
    };
    const lines = (await text(await renderTablesPdf('Rapport', [table], pdfFontFiles()))).split('\n');
    expect(lines).toEqual(['Rapport', 'Enkätsvar', 'Grupp Svar', `Grupp 1 ${MIXED}`, `Grupp 2 ${TIGRINYA}`]);
  });

  it('keeps the action plan’s heading a Swedish line when the name in front of it is Arabic', async () => {
    const heading = (name: string) => `${name} – Nästa Steg, Grupp 3 (2025-01-13 – 2025-04-11)`;
    const pdf = await renderPdf('Handlingsplan', (doc) =>
      doc.text(heading(isolate(ARABIC))).text(heading(ARABIC)),
    );
    const [isolated, bare] = (await text(pdf)).split('\n');
    expect(isolated).toBe(heading(ARABIC));
    // Left bare, the name makes the line right to left: the Swedish part is read first.
    expect(bare).not.toBe(heading(ARABIC));
  });
});
