import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActionPlanSteps1796580000000 implements MigrationInterface {
  name = 'ActionPlanSteps1796580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "action_plan_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "text" text NOT NULL, "owner" text NOT NULL, "due_date" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_action_plan_step" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_action_plan_step_enrolment_id" ON "action_plan_step"  ("enrolment_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan_step" ADD CONSTRAINT "fk_action_plan_step_enrolment_id" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "action_plan_step" DROP CONSTRAINT "fk_action_plan_step_enrolment_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_action_plan_step_enrolment_id"`);
    await queryRunner.query(`DROP TABLE "action_plan_step"`);
  }
}
