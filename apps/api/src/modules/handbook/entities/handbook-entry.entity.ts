import type { HandbookLink, HandbookModule } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { MethodTemplate } from '../../programmes/entities/method-template.entity';

/**
 * One piece of teaching material for a theme. Several entries of one theme are alternatives (easy Swedish, a digital
 * session…). It belongs to the association, not to a programme: no programme id on purpose.
 */
@Entity('handbook_entry')
@Index('ix_handbook_entry_place', ['module', 'week', 'theme'])
// A GIN index over to_tsvector('swedish', search_text), made by the migration: TypeORM cannot express it.
@Index('ix_handbook_entry_search', { synchronize: false })
export class HandbookEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text' })
  module: HandbookModule;

  @Column({ type: 'int', nullable: true })
  week: number | null;

  @Column({ type: 'text', default: '' })
  theme: string;

  @Column({ type: 'uuid', nullable: true })
  templateId: string | null;

  @ManyToOne(() => MethodTemplate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<MethodTemplate>;

  @Column({ type: 'text', default: '' })
  alternative: string;

  @Column({ type: 'text', default: '' })
  whenToUse: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links: HandbookLink[];

  /**
   * Title, text and attached file names, kept by the service on every change; the GIN index over its Swedish
   * tsvector (migration) makes search find inflected words and file names.
   */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'text' })
  updatedBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewedBy: string | null;
}
