import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The body of a DOCX (word/document.xml), as Word reads it. */
export function docxXmlOf(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-'));
  writeFileSync(join(dir, 'f.docx'), docx);
  return execFileSync('unzip', ['-p', join(dir, 'f.docx'), 'word/document.xml']).toString('utf8');
}
