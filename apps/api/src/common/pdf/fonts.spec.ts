import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTablesPdf } from '@stegvis/reports/files';
import { renderPdf } from '../../modules/certificates/pdf.util';
import { pdfFontFiles } from './fonts';

const text = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'font-'));
  writeFileSync(join(dir, 'f.pdf'), pdf);
  return execFileSync('pdftotext', [join(dir, 'f.pdf'), '-']).toString('utf8');
};
const NAMES = 'Şükrü Đorđević, Łucja Kowalczyk, Алексей';

describe('PDF fonts', () => {
  it('prints names beyond Western European letters in certificates and handbook files', async () => {
    const pdf = await renderPdf('Diplom', (doc, font) => doc.font(font.bold).text(NAMES));
    expect(text(pdf)).toContain(NAMES);
  });

  it('prints them in report tables too, where Helvetica would not', async () => {
    const table = {
      id: 'report' as const,
      title: 'Deltagare',
      columns: ['Namn'],
      rows: [[NAMES]],
      notes: [],
    };
    const flat = (pdf: Buffer) => text(pdf).replace(/\s+/g, ' ');
    expect(flat(await renderTablesPdf('Rapport', [table], pdfFontFiles()))).toContain(NAMES);
    expect(flat(await renderTablesPdf('Rapport', [table]))).not.toContain(NAMES);
  });
});
