import type { Readable } from 'node:stream';

/**
 * Where handbook file bytes live. PostgreSQL by default (backed up with the database); an S3-compatible object
 * store for larger installations. The handbook never talks to either directly.
 */
export interface FileStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes as a stream, or null when the key is unknown. */
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
