import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';
import { StaffMember } from './staff-member.entity';

/** Who works how much (per cent of full time) in which programme and period. */
@Entity('staff_allocation')
@Index('ix_staff_allocation_programme_id', ['programmeId'])
@Index('ix_staff_allocation_staff_member_id', ['staffMemberId'])
export class StaffAllocation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  staffMemberId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id' })
  staffMember?: Relation<StaffMember>;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'int' })
  percent: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;
}
