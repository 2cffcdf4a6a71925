import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TwoFactor1795361989332 implements MigrationInterface {
  name = 'TwoFactor1795361989332';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_enabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "session" ADD "mfa_pending" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "mfa_pending"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_enabled"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_secret"`);
  }
}
