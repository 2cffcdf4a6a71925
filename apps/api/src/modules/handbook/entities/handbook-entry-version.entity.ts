import type { HandbookLink, HandbookModule } from '@stegvis/contracts';
import { Column, JoinColumn, ManyToOne, type Relation, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { HandbookEntry } from './handbook-entry.entity';

/** The content of an entry as it was at one version; written before every change, never altered. */
@Entity('handbook_entry_version')
@Index('ix_handbook_entry_version', ['entryId', 'version'], { unique: true })
export class HandbookEntryVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => HandbookEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: Relation<HandbookEntry>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  module: HandbookModule;

  @Column({ type: 'int', nullable: true })
  week: number | null;

  @Column({ type: 'text' })
  theme: string;

  @Column({ type: 'uuid', nullable: true })
  templateId: string | null;

  @Column({ type: 'text' })
  alternative: string;

  @Column({ type: 'text' })
  whenToUse: string;

  @Column({ type: 'jsonb' })
  links: HandbookLink[];

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'text' })
  changedBy: string;
}
