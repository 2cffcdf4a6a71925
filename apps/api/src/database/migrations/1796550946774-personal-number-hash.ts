import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A personal number is no longer unique across the association: a user who may not see the first record of a
 * person gets a second one instead of an answer that she exists. Her records are found together by a keyed hash.
 * The key lives in the deployment (PERSONAL_NUMBER_KEY), not in the database, so this migration cannot compute
 * it: the api fills the hash at start for every row that has a number and no hash (PersonalNumberHasher).
 */
export class PersonalNumberHash1796550946774 implements MigrationInterface {
  name = 'PersonalNumberHash1796550946774';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_participant_personal_number"`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "personal_number_hash" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_participant_personal_number_hash" ON "participant" ("personal_number_hash") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_participant_personal_number_hash"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "personal_number_hash"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_participant_personal_number" ON "participant" ("personal_number") WHERE personal_number IS NOT NULL`,
    );
  }
}
