import type { EmployerContact, EmployerSector, Industry } from '@stegvis/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** The association's shared register of workplaces offering internships and jobs. */
@Entity('employer')
@Index('ix_employer_name', ['name'])
export class Employer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** NNNNNN-NNNN; unique together with the name, since one organisation has many workplaces. */
  @Column({ type: 'text' })
  organisationNumber: string;

  @Column({ type: 'text' })
  sector: EmployerSector;

  @Column({ type: 'text' })
  industry: Industry;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: EmployerContact[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
