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

/** The plan a group follows: phases with weeks, lecture themes and lecture days. */
@Entity('method_template')
@Index('ix_method_template_programme_name', ['programmeId', 'name'], { unique: true })
export class MethodTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
