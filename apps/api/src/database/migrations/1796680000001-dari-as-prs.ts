import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DariAsPrs1796680000001 implements MigrationInterface {
  name = 'DariAsPrs1796680000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Dari answers were tagged `fa` (Iranian Persian); the questionnaires now name Dari `prs` (ISO 639-3). Nobody
    // answered in Iranian Persian: it was never offered.
    await queryRunner.query(`UPDATE "survey_response" SET "language" = 'prs' WHERE "language" = 'fa'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "survey_response" SET "language" = 'fa' WHERE "language" = 'prs'`);
  }
}
