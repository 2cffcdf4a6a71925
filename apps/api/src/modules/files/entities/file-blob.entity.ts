import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * File bytes when the storage is PostgreSQL (the default), so a database backup holds the files too: handbook
 * attachments and recorded questionnaire audio. Keys start with their owner's name (`handbook/…`, `survey-audio/…`).
 */
@Entity('file_blob')
export class FileBlob {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'bytea' })
  data: Buffer;
}
