import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';

/** A programme's money per municipality and year: approved, invoiced per tertial (kronor), and the forecast. */
@Entity('budget')
export class Budget {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ type: 'uuid' })
  municipalityId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'bigint' })
  approved: string;

  @Column({ type: 'bigint', array: true })
  invoiced: string[];

  @Column({ type: 'bigint' })
  forecast: string;
}
