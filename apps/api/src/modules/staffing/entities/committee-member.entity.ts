import type { CommitteeKind } from '@stegvis/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';

/** A member of a programme's steering group or analysis group. */
@Entity('committee_member')
@Index('ix_committee_member_programme_kind', ['programmeId', 'kind'])
export class CommitteeMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'text' })
  kind: CommitteeKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text', default: '' })
  roleTitle: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** The day the membership ended; null while it lasts. An ended membership is kept, not deleted. */
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;
}
