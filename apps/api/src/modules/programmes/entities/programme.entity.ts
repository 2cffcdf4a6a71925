import type { ProgrammeGoal, UnmappedGoal } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Municipality } from '../../organisations/entities/municipality.entity';
import { ProgrammeMunicipality } from './programme-municipality.entity';
import { ProgrammePartner } from './programme-partner.entity';

@Entity('programme')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_programme_name', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid' })
  ownerMunicipalityId: string;

  // Only for the foreign key: the organisations module owns the municipality table.
  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_municipality_id' })
  ownerMunicipality?: Relation<Municipality>;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'text', default: '' })
  targetGroup: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  goals: ProgrammeGoal[];

  /** Goals from before goals were coded that the migration could not map (1796630000000-coded-goals.ts). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  unmappedGoals: UnmappedGoal[];

  /**
   * Whether the survey site offers languages whose texts are an unreviewed machine draft. True by default so the
   * programmes that ran before review statuses existed keep every language (docs/security.md, "Unreviewed
   * translations").
   */
  @Column({ type: 'boolean', default: true })
  allowUnreviewedTranslations: boolean;

  @OneToMany(() => ProgrammeMunicipality, (m) => m.programme, { cascade: true })
  municipalities: Relation<ProgrammeMunicipality[]>;

  @OneToMany(() => ProgrammePartner, (p) => p.programme, { cascade: true })
  partners: Relation<ProgrammePartner[]>;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
