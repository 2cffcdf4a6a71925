import type { DeliveryMode } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Municipality } from '../../organisations/entities/municipality.entity';
import { MethodTemplate } from '../../programmes/entities/method-template.entity';
import { Programme } from '../../programmes/entities/programme.entity';

/**
 * One cohort of a programme in one municipality ("Grupp 3"). Numbers are unique per municipality: two towns may
 * each have a "Grupp 4". `group` is an SQL keyword, hence the table name.
 */
@Entity('programme_group')
@Index('ix_programme_group_programme_municipality_number', ['programmeId', 'municipalityId', 'number'], {
  unique: true,
})
export class Group {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<Municipality>;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'int', default: 10 })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  overIntake: number;

  @Column({ type: 'text', default: 'on_site' })
  deliveryMode: DeliveryMode;

  @Column({ type: 'text', default: '' })
  place: string;

  @Column({ type: 'uuid', nullable: true })
  templateId: string | null;

  @ManyToOne(() => MethodTemplate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'template_id' })
  template?: Relation<MethodTemplate>;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  staffMemberIds: string[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
