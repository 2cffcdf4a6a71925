import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionRun1796670000000 implements MigrationInterface {
  name = 'RetentionRun1796670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The retention job's runs: when it last ran and with what result, for the admin's retention page.
    await queryRunner.query(
      `CREATE TABLE "retention_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" text NOT NULL, "pseudonymised" integer NOT NULL DEFAULT '0', "cutoff" date NOT NULL, "error" text NOT NULL DEFAULT '', CONSTRAINT "pk_retention_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_retention_run_at" ON "retention_run" ("at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_retention_run_at"`);
    await queryRunner.query(`DROP TABLE "retention_run"`);
  }
}
