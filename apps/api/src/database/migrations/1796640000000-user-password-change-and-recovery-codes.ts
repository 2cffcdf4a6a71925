import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPasswordChangeAndRecoveryCodes1796640000000 implements MigrationInterface {
  name = 'UserPasswordChangeAndRecoveryCodes1796640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A password the admin was shown (a new account, a reset) must be replaced at the next sign-in.
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`,
    );
    // A session opened with such a password may only change it (a sign-in through the identity provider never is).
    await queryRunner.query(
      `ALTER TABLE "session" ADD "password_change_pending" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_recovery_code" ("code_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_user_recovery_code" PRIMARY KEY ("code_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_user_recovery_code_user_id" ON "user_recovery_code"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "user_recovery_code" ADD CONSTRAINT "fk_user_recovery_code_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_recovery_code"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "password_change_pending"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
