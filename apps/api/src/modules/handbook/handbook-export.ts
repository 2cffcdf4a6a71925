import {
  type HandbookEntryResponse,
  type HandbookModule,
  stockholmToday,
  svLabels,
} from '@stegvis/contracts';
import type { Paragraph } from 'docx';
import { docx } from '../../common/lazy';
import { renderPdf } from '../certificates/pdf.util';
import { markdownText } from './handbook-content';

export const MODULE_LABELS = svLabels('handbookModule');

/** Headings of the printed handbook: module, then week, then the theme's alternatives. */
function placeOf(e: HandbookEntryResponse): string {
  return `${MODULE_LABELS[e.module]}${e.week !== null ? `, vecka ${e.week}` : ''}`;
}

function metaOf(e: HandbookEntryResponse): string {
  return [
    e.theme && `Tema: ${e.theme}`,
    e.alternative && `Alternativ: ${e.alternative}`,
    e.whenToUse && `När: ${e.whenToUse}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The printed handbook's title: the whole handbook, or one module of it. */
export function exportTitle(module: HandbookModule | undefined): string {
  return module ? `Metodhandbok – ${MODULE_LABELS[module]}` : 'Metodhandbok';
}

export function handbookPdf(title: string, entries: HandbookEntryResponse[]): Promise<Buffer> {
  return renderPdf(title, (doc, font) => {
    doc.font(font.bold).fontSize(20).text(title).moveDown(0.5);
    doc
      .font(font.regular)
      .fontSize(9)
      .fillColor('#555')
      .text(`Utskriven ${stockholmToday()} ur Stegvis metodhandbok. ${entries.length} avsnitt.`)
      .fillColor('black')
      .moveDown();
    let place = '';
    for (const e of entries) {
      if (placeOf(e) !== place) {
        place = placeOf(e);
        doc.moveDown(0.5).font(font.bold).fontSize(15).text(place).moveDown(0.3);
      }
      doc.font(font.bold).fontSize(12).text(e.title);
      const meta = metaOf(e);
      if (meta) doc.font(font.italic).fontSize(9).text(meta);
      doc
        .moveDown(0.2)
        .font(font.regular)
        .fontSize(10)
        .text(markdownText(e.body) || '–');
      for (const l of e.links)
        doc.fontSize(9).fillColor('#1a4fa0').text(`${l.title}: ${l.url}`, { link: l.url }).fillColor('black');
      if (e.files.length) doc.fontSize(9).text(`Filer: ${e.files.map((f) => f.fileName).join(', ')}`);
      doc.moveDown(0.8);
    }
  });
}

export function handbookDocx(title: string, entries: HandbookEntryResponse[]): Promise<Buffer> {
  const { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } = docx();
  const children: Paragraph[] = [new Paragraph({ text: title, heading: HeadingLevel.TITLE })];
  let place = '';
  for (const e of entries) {
    if (placeOf(e) !== place) {
      place = placeOf(e);
      children.push(new Paragraph({ text: place, heading: HeadingLevel.HEADING_1 }));
    }
    children.push(new Paragraph({ text: e.title, heading: HeadingLevel.HEADING_2 }));
    const meta = metaOf(e);
    if (meta) children.push(new Paragraph({ children: [new TextRun({ text: meta, italics: true })] }));
    for (const para of (markdownText(e.body) || '–').split(/\n{2,}/))
      children.push(new Paragraph({ text: para.replace(/\n/g, ' ') }));
    for (const l of e.links)
      children.push(
        new Paragraph({
          children: [
            new ExternalHyperlink({
              link: l.url,
              children: [new TextRun({ text: `${l.title}: ${l.url}`, style: 'Hyperlink' })],
            }),
          ],
        }),
      );
    if (e.files.length)
      children.push(new Paragraph({ text: `Filer: ${e.files.map((f) => f.fileName).join(', ')}` }));
  }
  return Packer.toBuffer(new Document({ creator: 'Stegvis', title, sections: [{ children }] }));
}
