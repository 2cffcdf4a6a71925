import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from '../../organisations/entities/municipality.entity';
import { Programme } from './programme.entity';

/** A municipality taking part in a programme. */
@Entity('programme_municipality')
export class ProgrammeMunicipality {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Programme, (p) => p.municipalities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Relation<Municipality>;
}
