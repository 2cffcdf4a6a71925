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

  /** Off when the organisation's staff must sign in through the municipality's identity provider. */
  @Column({ type: 'boolean', default: true })
  localPasswordAllowed: boolean;

  /** On when the identity provider's MFA claim stands in for our own TOTP. */
  @Column({ type: 'boolean', default: false })
  idpMfaAccepted: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
