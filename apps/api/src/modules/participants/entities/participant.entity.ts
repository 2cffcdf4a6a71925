import type { Gender } from '@stegvis/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('participant')
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  gender: Gender;

  @Column({ type: 'int', nullable: true })
  birthYear: number | null;

  /** Identity and address are secret: shown only to staff allocated to the participant's group. */
  @Column({ type: 'boolean', default: false })
  protectedIdentity: boolean;

  /** Stable stand-in name used wherever the real identity may not be shown. */
  @Column({ type: 'text' })
  pseudonym: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
