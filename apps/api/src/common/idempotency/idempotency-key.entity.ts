import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a write sent with an Idempotency-Key, so a repeat (a retry after a dropped connection)
 * gets the same answer and changes nothing.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** Who may replay it (user id or survey round) + the endpoint, so keys of different callers never meet. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of the request body: the same key with another body is a client error (422). */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
