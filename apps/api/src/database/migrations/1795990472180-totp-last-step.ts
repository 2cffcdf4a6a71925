import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TotpLastStep1795990472180 implements MigrationInterface {
  name = 'TotpLastStep1795990472180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_last_step" bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_last_step"`);
  }
}
