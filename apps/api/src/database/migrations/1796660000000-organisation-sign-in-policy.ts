import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationSignInPolicy1796660000000 implements MigrationInterface {
  name = 'OrganisationSignInPolicy1796660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Per organisation: partner organisations' staff are not in the municipality's identity provider, so local
    // passwords stay allowed unless the admin switches them off; the provider's MFA counts only where the admin says.
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "local_password_allowed" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD "idp_mfa_accepted" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "idp_mfa_accepted"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "local_password_allowed"`);
  }
}
