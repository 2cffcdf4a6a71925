import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportDocx } from '../src/files.js';
import type { ReportTable } from '../src/index.js';
import { docxXmlOf } from './docx-support.js';

/** Each paragraph of the document body: its text, and whether it is laid out right to left. */
function paragraphs(xml: string): { text: string; bidi: boolean; rtlRuns: boolean; jc: string | null }[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs)].map(([p]) => ({
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    bidi: p.includes('<w:bidi/>'),
    rtlRuns: p.includes('<w:rtl/>'),
    jc: /<w:jc w:val="(\w+)"\/>/.exec(p)?.[1] ?? null,
  }));
}

describe('the DOCX draft in the participants’ scripts', () => {
  it('lays an Arabic or Dari name out right to left; Swedish and numbers stay as they are', async () => {
    const table: ReportTable = {
      id: 'enrolled',
      title: 'Inskrivna per grupp',
      columns: ['Grupp', 'Inskrivna'],
      rows: [
        ['گروه زنان', 12],
        ['Grupp 4, Bjuv', 15],
      ],
      notes: [],
    };
    const xml = docxXmlOf(await renderReportDocx('مسیر کار – Delrapport', [table]));
    const of = (text: string) => paragraphs(xml).find((p) => p.text === text);
    // The title starts with a Dari word, so the paragraph is right to left (its first strong letter decides), and
    // a right-to-left paragraph starts on the right by itself (no alignment of its own).
    assert.deepEqual(of('مسیر کار – Delrapport'), {
      text: 'مسیر کار – Delrapport',
      bidi: true,
      rtlRuns: true,
      jc: null,
    });
    assert.deepEqual(of('گروه زنان'), { text: 'گروه زنان', bidi: true, rtlRuns: true, jc: null });
    assert.deepEqual(of('Grupp 4, Bjuv'), { text: 'Grupp 4, Bjuv', bidi: false, rtlRuns: false, jc: 'left' });
    assert.deepEqual(of('12'), { text: '12', bidi: false, rtlRuns: false, jc: 'right' });
  });
});
