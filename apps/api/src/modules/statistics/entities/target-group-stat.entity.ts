import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from '../../organisations/entities/municipality.entity';

/** Arbetsförmedlingen's figures for the target group in a municipality on a date (typed in or imported). */
@Entity('target_group_stat')
export class TargetGroupStat {
  @PrimaryColumn({ type: 'uuid' })
  municipalityId: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  // Only for the foreign key: the organisations module owns municipalities.
  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<Municipality>;

  @Column({ type: 'int' })
  openlyUnemployed: number;

  @Column({ type: 'int' })
  inProgramme: number;
}
