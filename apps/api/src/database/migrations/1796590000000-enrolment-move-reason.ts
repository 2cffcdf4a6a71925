import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrolmentMoveReason1796590000000 implements MigrationInterface {
  name = 'EnrolmentMoveReason1796590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Moves made before this have no recorded reason: null, as for an enrolment that was not a move.
    await queryRunner.query(`ALTER TABLE "enrolment" ADD "move_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "move_reason"`);
  }
}
