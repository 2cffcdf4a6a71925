import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Outgoing e-mail, written in the same transaction as what it reports and sent afterwards by the pluggable
 * sender, so a crash between the two loses nothing and sends nothing twice.
 */
@Entity('email_outbox')
@Index('ix_email_outbox_unsent', ['sentAt', 'createdAt'])
export class OutboxEmail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  attachmentName: string | null;

  @Column({ type: 'bytea', nullable: true })
  attachment: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', default: '' })
  lastError: string;
}
