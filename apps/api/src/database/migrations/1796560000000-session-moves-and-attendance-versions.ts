import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: a moved session remembers the day it was planned for, and an attendance mark has a version.
 *
 * - `group_session.moved_from` is new and empty: sessions moved before it show only their note.
 * - `attendance.version` starts at 1 for every stored mark; a save that read an older version (or an empty cell,
 *   sent as 0) is refused with 409 instead of silently overwriting a colleague's marks.
 */
export class SessionMovesAndAttendanceVersions1796560000000 implements MigrationInterface {
  name = 'SessionMovesAndAttendanceVersions1796560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "group_session" ADD "moved_from" date`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD "version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attendance" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "group_session" DROP COLUMN "moved_from"`);
  }
}
