import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CodeAttemptPrefix1796680000000 implements MigrationInterface {
  name = 'CodeAttemptPrefix1796680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Wrong survey codes are slowed per address and per code prefix (modules/surveys/code-guard.ts).
    await queryRunner.query(`ALTER TABLE "survey_code_attempt" ADD "prefix" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_survey_code_attempt_prefix_at" ON "survey_code_attempt" ("prefix", "at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_survey_code_attempt_prefix_at"`);
    await queryRunner.query(`ALTER TABLE "survey_code_attempt" DROP COLUMN "prefix"`);
  }
}
