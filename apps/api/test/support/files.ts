import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { extractText } from 'unpdf';

/** A response body as raw bytes, whatever its content type. */
export const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/**
 * Text of a PDF as pdf.js reads it (what an evaluator's copy-paste would give): one line per printed line, table
 * cells of a row on one line in column order, separated by single spaces, pages joined by a newline. Spacing
 * between columns is not kept; assert on order.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await extractText(new Uint8Array(pdf), { mergePages: true })).text;
}

/** The XML of a DOCX's main document. */
export function docxXml(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-'));
  writeFileSync(join(dir, 'f.docx'), docx);
  return execFileSync('unzip', ['-p', join(dir, 'f.docx'), 'word/document.xml']).toString('utf8');
}

/** The text runs of a DOCX's main document. */
export function docxText(docx: Buffer): string {
  return [...docxXml(docx).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}
