import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { extractText } from 'unpdf';
import { type PdfFontFiles, type PdfFonts, useFonts } from '../src/files.js';

const font = (path: string) => require.resolve(`@expo-google-fonts/${path}`);

/** Noto Sans without the participants' scripts: their letters print as its empty box (.notdef). */
export const LATIN_ONLY: PdfFontFiles = {
  regular: font('noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: font('noto-sans/700Bold/NotoSans_700Bold.ttf'),
  italic: font('noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
};

/** The fonts the api ships (apps/api/src/common/pdf/fonts.ts), from the same npm packages. */
export const WITH_SCRIPTS: PdfFontFiles = {
  ...LATIN_ONLY,
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

/** An A4 PDF drawn by `draw`, 56 pt margins (text width 483 pt), as the api's renderPdf makes them. */
export function pdfOf(
  draw: (doc: PDFKit.PDFDocument, font: PdfFonts) => void,
  files = WITH_SCRIPTS,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc, useFonts(doc, files));
    doc.end();
  });
}

/** The text a reader extracts (unpdf, as the api's tests read PDFs), one string per line. */
export async function linesOf(pdf: Buffer): Promise<string[]> {
  return (await extractText(new Uint8Array(pdf), { mergePages: true })).text.split('\n');
}

export interface RenderedPage {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  /** RGBA, row by row. */
  rgba: Uint8ClampedArray;
  png(): Promise<Buffer>;
}

/** One page drawn by pdf.js onto a @napi-rs/canvas canvas: what a reader sees, on white. */
export async function renderPage(pdf: Buffer, pageNumber = 1, scale = 2): Promise<RenderedPage> {
  const task = getDocument({ data: new Uint8Array(pdf) });
  try {
    const page = await (await task.promise).getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, scale, rgba: data, png: () => canvas.encode('png') };
  } finally {
    await task.destroy();
  }
}

export interface Ink {
  /** Dark pixels in the band. */
  count: number;
  /** Their extent in PDF points; NaN without ink. */
  left: number;
  right: number;
  /** The band's ink cut to its extent, as rows of '#' and '.': equal for two bands that draw the same shapes. */
  pixels: string;
}

const dark = (page: RenderedPage, x: number, y: number) => {
  const i = (y * page.width + x) * 4;
  return page.rgba[i] + page.rgba[i + 1] + page.rgba[i + 2] < 3 * 128;
};

/**
 * The ink (pixels darker than mid-grey) between two heights of the page, and optionally between two x, all in PDF
 * points from the top left.
 */
export function inkBetween(page: RenderedPage, top: number, bottom: number, from = 0, to = Infinity): Ink {
  let count = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  const rows: string[] = [];
  const x0 = Math.floor(from * page.scale);
  const x1 = Math.min(page.width, Math.ceil(to * page.scale));
  for (let y = Math.floor(top * page.scale); y < Math.ceil(bottom * page.scale); y++) {
    let row = '';
    for (let x = 0; x < page.width; x++) {
      if (x < x0 || x >= x1) {
        row += '.';
        continue;
      }
      const ink = dark(page, x, y);
      row += ink ? '#' : '.';
      if (!ink) continue;
      count++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x + 1);
    }
    if (row.includes('#')) rows.push(row);
  }
  return {
    count,
    left: count ? minX / page.scale : NaN,
    right: count ? maxX / page.scale : NaN,
    pixels: rows.map((r) => r.slice(minX, maxX)).join('\n'),
  };
}

/** The lines of ink between two x, top to bottom: bands of rows with ink, in PDF points from the top. */
export function inkLines(page: RenderedPage, from: number, to: number): { top: number; bottom: number }[] {
  const lines: { top: number; bottom: number }[] = [];
  const x0 = Math.floor(from * page.scale);
  const x1 = Math.min(page.width, Math.ceil(to * page.scale));
  let start = -1;
  for (let y = 0; y <= page.height; y++) {
    let ink = false;
    for (let x = x0; y < page.height && x < x1 && !ink; x++) ink = dark(page, x, y);
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      const last = lines[lines.length - 1];
      // Dots and marks a little apart from their letters belong to the same line.
      if (last && start / page.scale - last.bottom < 2) last.bottom = y / page.scale;
      else lines.push({ top: start / page.scale, bottom: y / page.scale });
      start = -1;
    }
  }
  return lines;
}

/** How many pixels of the page have exactly this colour (give or take anti-aliasing's rounding). */
export function pixelsOfColour(page: RenderedPage, [r, g, b]: [number, number, number]): number {
  let n = 0;
  for (let i = 0; i < page.rgba.length; i += 4)
    if (
      Math.abs(page.rgba[i] - r) <= 2 &&
      Math.abs(page.rgba[i + 1] - g) <= 2 &&
      Math.abs(page.rgba[i + 2] - b) <= 2
    )
      n++;
  return n;
}
