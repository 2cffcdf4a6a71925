import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The handbook's file bytes become the files module's, shared with recorded questionnaire audio. */
export class FileBlob1796700000000 implements MigrationInterface {
  name = 'FileBlob1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handbook_blob" RENAME TO "file_blob"`);
    await queryRunner.query(`ALTER TABLE "file_blob" RENAME CONSTRAINT "pk_handbook_blob" TO "pk_file_blob"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_blob" RENAME CONSTRAINT "pk_file_blob" TO "pk_handbook_blob"`);
    await queryRunner.query(`ALTER TABLE "file_blob" RENAME TO "handbook_blob"`);
  }
}
