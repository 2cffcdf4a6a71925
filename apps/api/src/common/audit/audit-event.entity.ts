import type { AuditOutcome } from '@stegvis/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type { AuditOutcome };

/**
 * Append-only: the database itself refuses UPDATE and DELETE (trigger in the migration), so not even a bug in
 * the api can rewrite history.
 */
@Entity('audit_event')
@Index('ix_audit_event_entity', ['entityType', 'entityId', 'at'])
@Index('ix_audit_event_subject', ['subjectId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  /** e.g. programme.create, participant.read, auth.login */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  /** The participant whose personal data was read or changed, for data-subject extracts. */
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
