import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a write sent with an Idempotency-Key, so a repeat (a retry after a dropped connection)
 * gets the same answer and changes nothing. Only what a replay needs: no time, no body, not the key itself
 * (issue 16: a survey answer's key row must not time or describe the answer). Survey rounds' rows go when the
 * round closes, since a closed round refuses every submission before its key is looked at.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  /** Who may replay it (user id or survey round) + the endpoint, so keys of different callers never meet. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  /** SHA-256 of scope and key (idempotency-sql.ts `keyHash`): the client's key is never stored. */
  @PrimaryColumn({ type: 'char', length: 64 })
  keyHash: string;

  /**
   * SHA-256 of the key and the body's hash (`requestHash`): the same key with another body is a client error
   * (422). Keyed by the client's random key, so it cannot be checked against guessed answers.
   */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;
}
