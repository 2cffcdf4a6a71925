// Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy next to every text file of a built site, once,
// at build time. The api serves them as they are (@fastify/static `preCompressed`), with a Content-Length:
// smaller than compressing on each request (Brotli at its best is too slow for that) and no CPU per download.
// Usage: node scripts/precompress.mjs <dist folder>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|ico)$/;
const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/precompress.mjs <dist folder>');

function* files(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const path of files(dir)) {
  const raw = readFileSync(path);
  // Below about 1 KB the headers outweigh what compression saves.
  if (raw.length < 1024) continue;
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  count++;
  before += raw.length;
  after += br.length;
}
process.stdout.write(
  `precompress: ${count} files in ${dir}, ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with Brotli\n`,
);
