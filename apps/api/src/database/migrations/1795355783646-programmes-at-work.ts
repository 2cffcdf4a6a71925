import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammesAtWork1795355783646 implements MigrationInterface {
  name = 'ProgrammesAtWork1795355783646';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_idempotency_key" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "employer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "organisation_number" text NOT NULL, "sector" text NOT NULL, "industry" text NOT NULL, "municipality_id" uuid NOT NULL, "contacts" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_employer" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_employer_name" ON "employer"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "employer_contact_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "date" date NOT NULL, "outcome" text NOT NULL, "reason" text, "note" text NOT NULL DEFAULT '', "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_employer_contact_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_employer_contact_log_employer_id" ON "employer_contact_log"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "method_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" text NOT NULL, "phases" jsonb NOT NULL, "themes" jsonb NOT NULL, "lecture_count" integer NOT NULL, "lecture_weekdays" integer array NOT NULL, "lecture_start" TIME NOT NULL, "lecture_end" TIME NOT NULL, "computer_day_weekday" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_method_template" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_method_template_programme_name" ON "method_template"  ("programme_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "number" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "capacity" integer NOT NULL DEFAULT '10', "over_intake" integer NOT NULL DEFAULT '0', "delivery_mode" text NOT NULL DEFAULT 'on_site', "place" text NOT NULL DEFAULT '', "template_id" uuid, "staff_member_ids" uuid array NOT NULL DEFAULT '{}', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_programme_group" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_programme_group_programme_number" ON "programme_group"  ("programme_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text NOT NULL, "last_name" text NOT NULL, "gender" text NOT NULL, "birth_year" integer, "protected_identity" boolean NOT NULL DEFAULT false, "pseudonym" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_participant" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "enrolment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "group_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "status" text NOT NULL DEFAULT 'active', "left_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_enrolment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_enrolment_participant_id" ON "enrolment"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "ix_enrolment_group_id" ON "enrolment"  ("group_id") `);
    await queryRunner.query(
      `CREATE TABLE "internship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "period_number" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "workplace" text NOT NULL DEFAULT '', "supervisor" text NOT NULL DEFAULT '', "wished_sector" boolean NOT NULL, "result" text NOT NULL DEFAULT 'ongoing', "version" integer NOT NULL, CONSTRAINT "pk_internship" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_internship_employer_id" ON "internship"  ("employer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_internship_enrolment_id" ON "internship"  ("enrolment_id") `);
    await queryRunner.query(
      `CREATE TABLE "places_offered" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "places" integer NOT NULL, CONSTRAINT "pk_places_offered" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_places_offered_employer_id" ON "places_offered"  ("employer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "group_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "date" date NOT NULL, "start_time" TIME NOT NULL, "end_time" TIME NOT NULL, "kind" text NOT NULL, "theme" text NOT NULL DEFAULT '', "mode" text NOT NULL DEFAULT 'on_site', "presenter_staff_id" uuid, "presenter_absent" boolean NOT NULL DEFAULT false, "substitute_staff_id" uuid, "status" text NOT NULL DEFAULT 'scheduled', "note" text NOT NULL DEFAULT '', "version" integer NOT NULL, CONSTRAINT "pk_group_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_group_session_group_date" ON "group_session"  ("group_id", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attendance" ("session_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "status" text NOT NULL, "reason" text, "recorded_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_attendance" PRIMARY KEY ("session_id", "enrolment_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_attendance_enrolment_id" ON "attendance"  ("enrolment_id") `);
    await queryRunner.query(
      `CREATE TABLE "committee_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "organisation_id" uuid NOT NULL, "role_title" text NOT NULL DEFAULT '', "user_id" uuid, CONSTRAINT "pk_committee_member" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_committee_member_programme_kind" ON "committee_member"  ("programme_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "staff_role" text NOT NULL, "organisation_id" uuid, "user_id" uuid, "email" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_staff_member_user_id" UNIQUE ("user_id"), CONSTRAINT "pk_staff_member" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_member_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "percent" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, CONSTRAINT "pk_staff_allocation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_allocation_staff_member_id" ON "staff_allocation"  ("staff_member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_allocation_programme_id" ON "staff_allocation"  ("programme_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_contact_log" ADD CONSTRAINT "fk_employer_contact_log_employer_id" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "method_template" ADD CONSTRAINT "fk_method_template_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_group" ADD CONSTRAINT "fk_programme_group_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_group" ADD CONSTRAINT "fk_programme_group_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_group" ADD CONSTRAINT "fk_programme_group_template_id" FOREIGN KEY ("template_id") REFERENCES "method_template"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrolment" ADD CONSTRAINT "fk_enrolment_participant_id" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrolment" ADD CONSTRAINT "fk_enrolment_group_id" FOREIGN KEY ("group_id") REFERENCES "programme_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internship" ADD CONSTRAINT "fk_internship_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "internship" ADD CONSTRAINT "fk_internship_employer_id" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "places_offered" ADD CONSTRAINT "fk_places_offered_employer_id" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_session" ADD CONSTRAINT "fk_group_session_group_id" FOREIGN KEY ("group_id") REFERENCES "programme_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_session_id" FOREIGN KEY ("session_id") REFERENCES "group_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_member" ADD CONSTRAINT "fk_committee_member_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_allocation" ADD CONSTRAINT "fk_staff_allocation_staff_member_id" FOREIGN KEY ("staff_member_id") REFERENCES "staff_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_allocation" ADD CONSTRAINT "fk_staff_allocation_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "staff_allocation" DROP CONSTRAINT "fk_staff_allocation_programme_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_allocation" DROP CONSTRAINT "fk_staff_allocation_staff_member_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_member" DROP CONSTRAINT "fk_committee_member_programme_id"`,
    );
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_enrolment_id"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_session_id"`);
    await queryRunner.query(`ALTER TABLE "group_session" DROP CONSTRAINT "fk_group_session_group_id"`);
    await queryRunner.query(`ALTER TABLE "places_offered" DROP CONSTRAINT "fk_places_offered_employer_id"`);
    await queryRunner.query(`ALTER TABLE "internship" DROP CONSTRAINT "fk_internship_employer_id"`);
    await queryRunner.query(`ALTER TABLE "internship" DROP CONSTRAINT "fk_internship_enrolment_id"`);
    await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "fk_enrolment_group_id"`);
    await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "fk_enrolment_participant_id"`);
    await queryRunner.query(`ALTER TABLE "programme_group" DROP CONSTRAINT "fk_programme_group_template_id"`);
    await queryRunner.query(
      `ALTER TABLE "programme_group" DROP CONSTRAINT "fk_programme_group_municipality_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_group" DROP CONSTRAINT "fk_programme_group_programme_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "method_template" DROP CONSTRAINT "fk_method_template_programme_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "employer_contact_log" DROP CONSTRAINT "fk_employer_contact_log_employer_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_staff_allocation_programme_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_allocation_staff_member_id"`);
    await queryRunner.query(`DROP TABLE "staff_allocation"`);
    await queryRunner.query(`DROP TABLE "staff_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_committee_member_programme_kind"`);
    await queryRunner.query(`DROP TABLE "committee_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attendance_enrolment_id"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."ix_group_session_group_date"`);
    await queryRunner.query(`DROP TABLE "group_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_places_offered_employer_id"`);
    await queryRunner.query(`DROP TABLE "places_offered"`);
    await queryRunner.query(`DROP INDEX "public"."ix_internship_enrolment_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_internship_employer_id"`);
    await queryRunner.query(`DROP TABLE "internship"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrolment_group_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrolment_participant_id"`);
    await queryRunner.query(`DROP TABLE "enrolment"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_group_programme_number"`);
    await queryRunner.query(`DROP TABLE "programme_group"`);
    await queryRunner.query(`DROP INDEX "public"."ix_method_template_programme_name"`);
    await queryRunner.query(`DROP TABLE "method_template"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employer_contact_log_employer_id"`);
    await queryRunner.query(`DROP TABLE "employer_contact_log"`);
    await queryRunner.query(`DROP INDEX "public"."ix_employer_name"`);
    await queryRunner.query(`DROP TABLE "employer"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
