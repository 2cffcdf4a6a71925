import type { TemplatePhase } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Programme } from './programme.entity';

/**
 * The plan a group follows: phases with weeks, lecture themes and lecture days. A row is one version and is never
 * changed: an edit saves a new row of the same lineage and marks the old one superseded, so a group keeps the
 * version it was started from. Names are unique among a programme's current versions.
 */
@Entity('method_template')
@Index('ix_method_template_programme_name', ['programmeId', 'name'], {
  unique: true,
  where: 'superseded_at IS NULL',
})
@Index('ix_method_template_lineage_version', ['lineageId', 'version'], { unique: true })
export class MethodTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The first version's id, shared by every version of the template. */
  @Column({ type: 'uuid' })
  lineageId: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  phases: TemplatePhase[];

  @Column({ type: 'jsonb' })
  themes: string[];

  @Column({ type: 'int' })
  lectureCount: number;

  @Column({ type: 'int', array: true })
  lectureWeekdays: number[];

  @Column({ type: 'time' })
  lectureStart: string;

  @Column({ type: 'time' })
  lectureEnd: string;

  @Column({ type: 'int', nullable: true })
  computerDayWeekday: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
