import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a group is its municipality and its number, and an outcome may carry a detail code.
 *
 * - Group numbers become unique per municipality of a programme (two towns may each have a "Grupp 4").
 * - Existing groups: every group already has a municipality (the column has been NOT NULL since it was made). A
 *   group whose municipality is not one of its programme's (neither the owner nor a participating one) gets the
 *   programme's owner municipality; the migration says how many with a NOTICE. The old unique index
 *   (programme, number) still holds while it does, so the new index cannot meet a duplicate.
 * - `outcome.detail_code` is new and empty: existing outcomes keep their free text and are reported as "okodad"
 *   (uncoded) until a worker codes them.
 * - Down: the old index comes back, and fails if two municipalities of a programme now share a group number.
 */
export class GroupNumbersPerMunicipalityAndDetailCodes1796553425371 implements MigrationInterface {
  name = 'GroupNumbersPerMunicipalityAndDetailCodes1796553425371';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$
DECLARE moved integer;
BEGIN
  UPDATE "programme_group" g SET "municipality_id" = p."owner_municipality_id"
    FROM "programme" p
   WHERE p."id" = g."programme_id"
     AND g."municipality_id" <> p."owner_municipality_id"
     AND NOT EXISTS (SELECT 1 FROM "programme_municipality" pm
                      WHERE pm."programme_id" = g."programme_id" AND pm."municipality_id" = g."municipality_id");
  GET DIAGNOSTICS moved = ROW_COUNT;
  RAISE NOTICE 'Groups given their programme''s owner municipality (theirs was not one of the programme''s): %', moved;
END $$`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_group_programme_number"`);
    await queryRunner.query(`ALTER TABLE "outcome" ADD "detail_code" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_programme_group_programme_municipality_number" ON "programme_group"  ("programme_id", "municipality_id", "number") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_programme_group_programme_municipality_number"`);
    await queryRunner.query(`ALTER TABLE "outcome" DROP COLUMN "detail_code"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_programme_group_programme_number" ON "programme_group" USING btree ("programme_id", "number") `,
    );
  }
}
