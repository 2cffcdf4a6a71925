import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Handbook1795975206130 implements MigrationInterface {
  name = 'Handbook1795975206130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "handbook_blob" ("key" text NOT NULL, "data" bytea NOT NULL, CONSTRAINT "pk_handbook_blob" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "handbook_editor" ("user_id" uuid NOT NULL, "granted_by" uuid NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_handbook_editor" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "handbook_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "module" text NOT NULL, "week" integer, "theme" text NOT NULL DEFAULT '', "template_id" uuid, "alternative" text NOT NULL DEFAULT '', "when_to_use" text NOT NULL DEFAULT '', "links" jsonb NOT NULL DEFAULT '[]', "search_text" text NOT NULL DEFAULT '', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" text NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" text, CONSTRAINT "pk_handbook_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_handbook_entry_place" ON "handbook_entry"  ("module", "week", "theme") `,
    );
    // Swedish stemming, so "presentationer" finds "presentation"; search_text is kept by HandbookService.
    await queryRunner.query(
      `CREATE INDEX "ix_handbook_entry_search" ON "handbook_entry" USING gin (to_tsvector('swedish', "search_text"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "handbook_entry_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "module" text NOT NULL, "week" integer, "theme" text NOT NULL, "template_id" uuid, "alternative" text NOT NULL, "when_to_use" text NOT NULL, "links" jsonb NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by" text NOT NULL, CONSTRAINT "pk_handbook_entry_version" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_handbook_entry_version" ON "handbook_entry_version"  ("entry_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "handbook_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_handbook_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_handbook_file_entry" ON "handbook_file"  ("entry_id") `);
    await queryRunner.query(
      `CREATE TABLE "session_material" ("session_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "chosen_by" uuid NOT NULL, "chosen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_session_material" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "handbook_editor" ADD CONSTRAINT "fk_handbook_editor_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handbook_entry" ADD CONSTRAINT "fk_handbook_entry_template_id" FOREIGN KEY ("template_id") REFERENCES "method_template"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handbook_entry_version" ADD CONSTRAINT "fk_handbook_entry_version_entry_id" FOREIGN KEY ("entry_id") REFERENCES "handbook_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handbook_file" ADD CONSTRAINT "fk_handbook_file_entry_id" FOREIGN KEY ("entry_id") REFERENCES "handbook_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_material" ADD CONSTRAINT "fk_session_material_session_id" FOREIGN KEY ("session_id") REFERENCES "group_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_material" ADD CONSTRAINT "fk_session_material_entry_id" FOREIGN KEY ("entry_id") REFERENCES "handbook_entry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_material" DROP CONSTRAINT "fk_session_material_entry_id"`);
    await queryRunner.query(
      `ALTER TABLE "session_material" DROP CONSTRAINT "fk_session_material_session_id"`,
    );
    await queryRunner.query(`ALTER TABLE "handbook_file" DROP CONSTRAINT "fk_handbook_file_entry_id"`);
    await queryRunner.query(
      `ALTER TABLE "handbook_entry_version" DROP CONSTRAINT "fk_handbook_entry_version_entry_id"`,
    );
    await queryRunner.query(`ALTER TABLE "handbook_entry" DROP CONSTRAINT "fk_handbook_entry_template_id"`);
    await queryRunner.query(`ALTER TABLE "handbook_editor" DROP CONSTRAINT "fk_handbook_editor_user_id"`);
    await queryRunner.query(`DROP TABLE "session_material"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handbook_file_entry"`);
    await queryRunner.query(`DROP TABLE "handbook_file"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handbook_entry_version"`);
    await queryRunner.query(`DROP TABLE "handbook_entry_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handbook_entry_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handbook_entry_place"`);
    await queryRunner.query(`DROP TABLE "handbook_entry"`);
    await queryRunner.query(`DROP TABLE "handbook_editor"`);
    await queryRunner.query(`DROP TABLE "handbook_blob"`);
  }
}
