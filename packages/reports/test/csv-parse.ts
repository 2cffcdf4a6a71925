import assert from 'node:assert/strict';

/**
 * A strict reader for what the writer promises (RFC 4180 with ; and CRLF), written independently of the writer
 * so the tests read the file the way a spreadsheet does. A bare CR or LF outside quotes is an error.
 */
export function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'starts with the UTF-8 byte order mark');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (ch === ';') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (ch === '\r' || ch === '\n' || ch === '"') {
      throw new Error(`Unexpected ${JSON.stringify(ch)} at ${i}`);
    } else {
      field += ch;
    }
  }
  assert.equal(quoted, false, 'no open quote at the end');
  assert.equal(field === '' && row.length === 0, true, 'the last record ends with CRLF');
  return rows;
}
