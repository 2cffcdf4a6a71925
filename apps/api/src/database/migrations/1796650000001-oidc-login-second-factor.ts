import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcLoginSecondFactor1796650000001 implements MigrationInterface {
  name = 'OidcLoginSecondFactor1796650000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The user the provider vouched for, while the sign-in waits for our own second factor.
    await queryRunner.query(`ALTER TABLE "oidc_login" ADD "user_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oidc_login" DROP COLUMN "user_id"`);
  }
}
