import { Column, Entity, PrimaryColumn } from 'typeorm';

/** File bytes when the storage is PostgreSQL (the default), so a database backup holds the handbook too. */
@Entity('handbook_blob')
export class HandbookBlob {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'bytea' })
  data: Buffer;
}
