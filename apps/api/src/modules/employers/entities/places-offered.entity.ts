import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Employer } from './employer.entity';

/** Internship places an employer offers a programme for a period. */
@Entity('places_offered')
@Index('ix_places_offered_employer_id', ['employerId'])
export class PlacesOffered {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Relation<Employer>;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'int' })
  places: number;
}
