import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { cellText } from './amounts.js';
import { paragraphDirection } from './pdf-text.js';
import type { ReportTable } from './report-tables.js';

/** The parts of a progress report the evaluator writes; the draft leaves a heading and a prompt for each. */
const OWN_TEXT = [
  ['Sammanfattning', 'Skriv en kort sammanfattning av perioden.'],
  ['Bakgrund och syfte', 'Beskriv insatsens bakgrund, målgrupp och syfte.'],
  ['Metod', 'Beskriv metoden: kartläggning, föreläsningar, praktik, jobb- och studiesök.'],
  ['Analys och slutsatser', 'Tolka siffrorna: vad har fungerat, vad behöver utvecklas?'],
] as const;

/**
 * A DOCX draft of a progress report: every figure and table filled in from the same tables as the other files,
 * with headings and prompts where the evaluator's own text goes.
 */
export async function renderReportDocx(title: string, tables: readonly ReportTable[]): Promise<Buffer> {
  const figures = tables.flatMap((t) => [
    new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_2 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: t.columns.map(
            (c) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text: c, bold: true })] })],
              }),
          ),
        }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              children: r.map(
                (c, i) =>
                  new TableCell({
                    // Amounts as "1 030 000 kr" (amounts.ts), as on screen and in the PDF.
                    children: [textParagraph(cellText(t, i, c), typeof c === 'number')],
                  }),
              ),
            }),
        ),
      ],
    }),
    ...t.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, italics: true, size: 18 })] })),
  ]);
  const own = (i: number) => [
    new Paragraph({ text: OWN_TEXT[i][0], heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      children: [new TextRun({ text: `[${OWN_TEXT[i][1]}]`, italics: true, color: '666666' })],
    }),
  ];
  const doc = new Document({
    creator: 'Stegvis',
    title,
    sections: [
      {
        children: [
          textParagraph(title, false, HeadingLevel.TITLE),
          ...own(0),
          ...own(1),
          ...own(2),
          new Paragraph({ text: 'Resultat', heading: HeadingLevel.HEADING_1 }),
          ...figures,
          ...own(3),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A paragraph in its script's direction: a name or text in Arabic or Dari (a programme's or a group's name, a
 * municipality's own spelling) is laid out right to left and set right, as Word does when such text is typed;
 * Swedish text and numbers stay left to right. Word shapes the letters itself.
 */
function textParagraph(
  text: string,
  numeric: boolean,
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
): Paragraph {
  const rtl = paragraphDirection(text) === 'rtl';
  return new Paragraph({
    ...(heading ? { heading } : {}),
    // A right-to-left paragraph starts on the right of the page by itself.
    ...(rtl ? { bidirectional: true } : { alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT }),
    children: text === '' ? [] : [new TextRun({ text, ...(rtl ? { rightToLeft: true } : {}) })],
  });
}
