import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: an Idempotency-Key row keeps only what a replay needs. No time (it timed each survey answer), the key
 * and the request fingerprint only as hashes keyed by the client's key (idempotency-sql.ts), and the rows of
 * closed survey rounds gone. Kept rows are rewritten in place, so a retry under a key from before still replays.
 */
export class IdempotencyKeysReduced1796550787913 implements MigrationInterface {
  name = 'IdempotencyKeysReduced1796550787913';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A claim without an answer only survives from before claims shared the work's transaction.
    await queryRunner.query(`DELETE FROM "idempotency_key" WHERE "response_status" IS NULL`);
    // A closed round refuses every submission before its key is read: these can never be replayed.
    await queryRunner.query(
      `DELETE FROM "idempotency_key" k USING "survey_round" r WHERE k."scope" = 'survey:' || r."id" AND r."closes_at" < now()`,
    );
    await queryRunner.query(`ALTER TABLE "idempotency_key" DROP COLUMN "created_at"`);
    // requestHash = sha256(key \n sha256(body)), keyHash = sha256(scope \n key); the old request_hash is sha256(body).
    await queryRunner.query(
      `UPDATE "idempotency_key" SET
         "request_hash" = encode(sha256(convert_to("key" || chr(10) || "request_hash", 'UTF8')), 'hex'),
         "key" = encode(sha256(convert_to("scope" || chr(10) || "key", 'UTF8')), 'hex')`,
    );
    await queryRunner.query(`ALTER TABLE "idempotency_key" RENAME COLUMN "key" TO "key_hash"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ALTER COLUMN "key_hash" TYPE character(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The keys cannot be recovered from their hashes: the old shape, without the old rows.
    await queryRunner.query(`DELETE FROM "idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" ALTER COLUMN "key_hash" TYPE text`);
    await queryRunner.query(`ALTER TABLE "idempotency_key" RENAME COLUMN "key_hash" TO "key"`);
    await queryRunner.query(
      `ALTER TABLE "idempotency_key" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
  }
}
