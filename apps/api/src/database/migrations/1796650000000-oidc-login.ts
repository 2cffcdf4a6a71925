import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcLogin1796650000000 implements MigrationInterface {
  name = 'OidcLogin1796650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A sign-in through the identity provider between the redirect there and the way back: state, nonce and the
    // PKCE verifier stay on the server, under the hash of the browser's cookie.
    await queryRunner.query(
      `CREATE TABLE "oidc_login" ("id_hash" character(64) NOT NULL, "state" text NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "return_to" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_oidc_login" PRIMARY KEY ("id_hash"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oidc_login"`);
  }
}
