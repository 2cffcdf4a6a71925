import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Participants1795356244648 implements MigrationInterface {
  name = 'Participants1795356244648';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "progress_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "stage" text NOT NULL, "date" date NOT NULL, "ratings" jsonb NOT NULL, CONSTRAINT "pk_progress_assessment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_progress_assessment_participant_stage" ON "progress_assessment"  ("participant_id", "stage") `,
    );
    await queryRunner.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "purpose" text NOT NULL, "organisation_id" uuid, "scope" text NOT NULL DEFAULT '', "given_on" date NOT NULL, "recorded_by" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_consent" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_consent_participant_id" ON "consent"  ("participant_id") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "months" integer NOT NULL, "date" date NOT NULL, "category" text NOT NULL, "detail" text NOT NULL DEFAULT '', CONSTRAINT "pk_follow_up" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_follow_up_enrolment_months" ON "follow_up"  ("enrolment_id", "months") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_need" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "kind" text NOT NULL, "note" text NOT NULL DEFAULT '', "care_contact" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_participant_need" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_participant_need_participant_id" ON "participant_need"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outcome" ("enrolment_id" uuid NOT NULL, "category" text NOT NULL, "detail" text NOT NULL DEFAULT '', "date" date NOT NULL, "employment_before" text NOT NULL DEFAULT '', "employment_after" text NOT NULL DEFAULT '', "support_before" text, "support_after" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_outcome" PRIMARY KEY ("enrolment_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "individual_talk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "date" date NOT NULL, "notes" text NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_individual_talk" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_individual_talk_participant_id" ON "individual_talk"  ("participant_id") `,
    );
    await queryRunner.query(`ALTER TABLE "participant" ADD "programme_id" uuid NOT NULL`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "personal_number" text`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "country_of_birth" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "year_of_arrival" integer`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "languages" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "participant" ADD "interpreter_needed" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "participant" ADD "swedish_level" text`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "education_level" text`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "education_field" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "work_experience" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "driving_licence" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "participant" ADD "computer_at_home" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "participant" ADD "income_support" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "af_status" text`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "phone" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "email" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "address" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "pseudonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_participant_programme_id" ON "participant"  ("programme_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_participant_personal_number" ON "participant"  ("personal_number") WHERE personal_number IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "fk_participant_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_assessment" ADD CONSTRAINT "fk_progress_assessment_participant_id" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "fk_consent_participant_id" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up" ADD CONSTRAINT "fk_follow_up_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_need" ADD CONSTRAINT "fk_participant_need_participant_id" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcome" ADD CONSTRAINT "fk_outcome_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "individual_talk" ADD CONSTRAINT "fk_individual_talk_participant_id" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "individual_talk" DROP CONSTRAINT "fk_individual_talk_participant_id"`,
    );
    await queryRunner.query(`ALTER TABLE "outcome" DROP CONSTRAINT "fk_outcome_enrolment_id"`);
    await queryRunner.query(
      `ALTER TABLE "participant_need" DROP CONSTRAINT "fk_participant_need_participant_id"`,
    );
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "fk_follow_up_enrolment_id"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "fk_consent_participant_id"`);
    await queryRunner.query(
      `ALTER TABLE "progress_assessment" DROP CONSTRAINT "fk_progress_assessment_participant_id"`,
    );
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "fk_participant_programme_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participant_personal_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participant_programme_id"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "pseudonymised_at"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "email"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "af_status"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "income_support"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "computer_at_home"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "driving_licence"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "work_experience"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "education_field"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "education_level"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "swedish_level"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "interpreter_needed"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "languages"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "year_of_arrival"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "country_of_birth"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "personal_number"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "programme_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_individual_talk_participant_id"`);
    await queryRunner.query(`DROP TABLE "individual_talk"`);
    await queryRunner.query(`DROP TABLE "outcome"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participant_need_participant_id"`);
    await queryRunner.query(`DROP TABLE "participant_need"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_enrolment_months"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_participant_id"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_assessment_participant_stage"`);
    await queryRunner.query(`DROP TABLE "progress_assessment"`);
  }
}
