import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../../organisations/entities/organisation.entity';
import { Programme } from './programme.entity';

/** A partner organisation of a programme. */
@Entity('programme_partner')
export class ProgrammePartner {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Programme, (p) => p.partners, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;
}
