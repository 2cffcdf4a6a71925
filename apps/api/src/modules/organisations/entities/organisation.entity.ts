import type { OrganisationKind } from '@stegvis/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A partner organisation: Arbetsförmedlingen, a municipality's income-support unit, SFI, … */
@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
