import type { AfStatus, EducationLevel, Gender, SwedishLevel } from '@stegvis/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Programme } from '../../programmes/entities/programme.entity';

@Entity('participant')
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The programme that registered the person; their enrolments may add others. */
  @Index('ix_participant_programme_id')
  @Column({ type: 'uuid' })
  programmeId: string;

  // Only for the foreign key: the programmes module owns the programme table.
  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'text' })
  firstName: string;

  @Column({ type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  gender: Gender;

  @Column({ type: 'int', nullable: true })
  birthYear: number | null;

  /**
   * 12 digits, YYYYMMDDNNNN; personnummer or samordningsnummer. Not unique: a person registered where a user may
   * not see her gets a second record rather than an answer that she exists (docs/security.md).
   */
  @Column({ type: 'text', nullable: true })
  personalNumber: string | null;

  /**
   * HMAC-SHA256 of `personalNumber` under PERSONAL_NUMBER_KEY (hex): finds one person's records across programmes
   * for the association's counts and for the scoped duplicate check. Null when the number is; filled at start for
   * rows written before it existed (PersonalNumberHasher).
   */
  @Index('ix_participant_personal_number_hash')
  @Column({ type: 'text', nullable: true })
  personalNumberHash: string | null;

  @Column({ type: 'text', default: '' })
  countryOfBirth: string;

  @Column({ type: 'int', nullable: true })
  yearOfArrival: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'boolean', default: false })
  interpreterNeeded: boolean;

  @Column({ type: 'text', nullable: true })
  swedishLevel: SwedishLevel | null;

  @Column({ type: 'text', nullable: true })
  educationLevel: EducationLevel | null;

  @Column({ type: 'text', default: '' })
  educationField: string;

  @Column({ type: 'text', default: '' })
  workExperience: string;

  @Column({ type: 'boolean', default: false })
  drivingLicence: boolean;

  @Column({ type: 'boolean', default: false })
  computerAtHome: boolean;

  @Column({ type: 'boolean', default: false })
  incomeSupport: boolean;

  @Column({ type: 'text', nullable: true })
  afStatus: AfStatus | null;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  email: string;

  @Column({ type: 'text', default: '' })
  address: string;

  /** Set when retention or an erasure request replaced the identity with the pseudonym; statistics remain. */
  @Column({ type: 'timestamptz', nullable: true })
  pseudonymisedAt: Date | null;

  /**
   * The user who registered the person: they see her protected identity and health data until she is first placed
   * in a group (PolicyService). Null for records from before it was kept, from a referral or from an import.
   */
  @Column({ type: 'uuid', nullable: true })
  registeredBy: string | null;

  /** Identity and address are secret: shown only to those PolicyService's identity rule names. */
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
