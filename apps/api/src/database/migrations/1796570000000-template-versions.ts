import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a method template is kept in versions, so a group keeps the version it was started from.
 *
 * - Every existing template becomes version 1 of its own lineage (`lineage_id` = its id), current.
 * - Names stay unique per programme, but only among current versions: an edit keeps the name.
 * - Down: superseded versions are deleted (groups that pointed at them lose their template link, as the foreign
 *   key says), then the columns go.
 */
export class TemplateVersions1796570000000 implements MigrationInterface {
  name = 'TemplateVersions1796570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "method_template" ADD "lineage_id" uuid`);
    await queryRunner.query(`UPDATE "method_template" SET "lineage_id" = "id"`);
    await queryRunner.query(`ALTER TABLE "method_template" ALTER COLUMN "lineage_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "method_template" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "method_template" ADD "superseded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`DROP INDEX "public"."ix_method_template_programme_name"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_method_template_programme_name" ON "method_template" ("programme_id", "name") WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_method_template_lineage_version" ON "method_template" ("lineage_id", "version") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "method_template" WHERE "superseded_at" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."ix_method_template_lineage_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_method_template_programme_name"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_method_template_programme_name" ON "method_template" ("programme_id", "name") `,
    );
    await queryRunner.query(`ALTER TABLE "method_template" DROP COLUMN "superseded_at"`);
    await queryRunner.query(`ALTER TABLE "method_template" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "method_template" DROP COLUMN "lineage_id"`);
  }
}
