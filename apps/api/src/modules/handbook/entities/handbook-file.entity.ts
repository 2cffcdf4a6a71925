import {
  Column,
  JoinColumn,
  ManyToOne,
  type Relation,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HandbookEntry } from './handbook-entry.entity';

/** A file attached to an entry; its bytes live in the configured FileStorage under storageKey. */
@Entity('handbook_file')
@Index('ix_handbook_file_entry', ['entryId'])
export class HandbookFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => HandbookEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Relation<HandbookEntry>;

  @Column({ type: 'text' })
  fileName: string;

  /** As recognised from the content, never as claimed by the uploader. */
  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
