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
                    children: [
                      new Paragraph({
                        // Amounts as "1 030 000 kr" (amounts.ts), as on screen and in the PDF.
                        text: cellText(t, i, c),
                        alignment: typeof c === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                      }),
                    ],
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
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
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
