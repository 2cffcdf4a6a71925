import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { FileStorage } from './file-storage';

/** Bytes in the file_blob table: one backup holds everything, no second system to run. */
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, data: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO file_blob (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = EXCLUDED.data`,
      [key, data],
    );
  }

  async get(key: string): Promise<Readable | null> {
    // Sent in 1 MiB slices so a large video does not sit whole in one query result.
    const [row]: { size: number }[] = await this.dataSource.query(
      `SELECT octet_length(data) AS size FROM file_blob WHERE key = $1`,
      [key],
    );
    if (!row) return null;
    const size = Number(row.size);
    const slice = 1024 * 1024;
    const ds = this.dataSource;
    async function* chunks() {
      for (let offset = 0; offset < size; offset += slice) {
        const [part]: { chunk: Buffer }[] = await ds.query(
          `SELECT substring(data FROM $2 FOR $3) AS chunk FROM file_blob WHERE key = $1`,
          [key, offset + 1, slice],
        );
        yield part.chunk;
      }
    }
    return Readable.from(chunks());
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM file_blob WHERE key = $1`, [key]);
  }
}
