import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TranslationReview1796690000000 implements MigrationInterface {
  name = 'TranslationReview1796690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "translation_review" ("questionnaire_id" text NOT NULL, "questionnaire_version" integer NOT NULL, "language" text NOT NULL, "reviewed_by" uuid NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_translation_review" PRIMARY KEY ("questionnaire_id", "questionnaire_version", "language"))`,
    );
    // True for every programme that exists: they offered all seven languages before review statuses existed.
    await queryRunner.query(
      `ALTER TABLE "programme" ADD "allow_unreviewed_translations" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "allow_unreviewed_translations"`);
    await queryRunner.query(`DROP TABLE "translation_review"`);
  }
}
