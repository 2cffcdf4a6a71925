import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionnaireAudio1796700000001 implements MigrationInterface {
  name = 'QuestionnaireAudio1796700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "questionnaire_audio" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" text NOT NULL, "questionnaire_version" integer NOT NULL, "language" text NOT NULL, "text_key" text NOT NULL, "storage_key" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_questionnaire_audio_text" UNIQUE ("questionnaire_id", "questionnaire_version", "language", "text_key"), CONSTRAINT "pk_questionnaire_audio" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "questionnaire_audio"`);
  }
}
