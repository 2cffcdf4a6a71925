import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Statistics1795359989820 implements MigrationInterface {
  name = 'Statistics1795359989820';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "budget" ("programme_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "year" integer NOT NULL, "approved" bigint NOT NULL, "invoiced" bigint array NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "pk_budget" PRIMARY KEY ("programme_id", "municipality_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_group_stat" ("municipality_id" uuid NOT NULL, "date" date NOT NULL, "openly_unemployed" integer NOT NULL, "in_programme" integer NOT NULL, CONSTRAINT "pk_target_group_stat" PRIMARY KEY ("municipality_id", "date"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget" ADD CONSTRAINT "fk_budget_programme_id" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target_group_stat" ADD CONSTRAINT "fk_target_group_stat_municipality_id" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "target_group_stat" DROP CONSTRAINT "fk_target_group_stat_municipality_id"`,
    );
    await queryRunner.query(`ALTER TABLE "budget" DROP CONSTRAINT "fk_budget_programme_id"`);
    await queryRunner.query(`DROP TABLE "target_group_stat"`);
    await queryRunner.query(`DROP TABLE "budget"`);
  }
}
