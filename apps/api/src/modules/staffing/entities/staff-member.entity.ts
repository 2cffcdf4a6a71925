import type { StaffRole } from '@stegvis/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who works in the programmes; linked to a user account when they log in. */
@Entity('staff_member')
export class StaffMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  staffRole: StaffRole;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'uuid', nullable: true, unique: true })
  userId: string | null;

  @Column({ type: 'text', default: '' })
  email: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
