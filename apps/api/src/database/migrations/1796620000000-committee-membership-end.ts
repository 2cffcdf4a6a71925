import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommitteeMembershipEnd1796620000000 implements MigrationInterface {
  name = 'CommitteeMembershipEnd1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A membership ends rather than disappears: who sat in the steering or analysis group stays known.
    await queryRunner.query(`ALTER TABLE "committee_member" ADD "ended_on" date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "committee_member" DROP COLUMN "ended_on"`);
  }
}
