import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the lead mark on a programme allocation, the worker who registered a participant (null for existing
 * rows: only the lead sees them until they are placed), and "active in at most one group of a programme at a time"
 * held by the database. The enrolment gets its group's programme, copied by a trigger, so a partial unique index
 * can name it. Where the old rules let someone be active twice in one programme, the later enrolment stays active
 * and the earlier ones end on its start as a move does ('left_early', 'other_effort'), each change audited.
 */
export class IdentityRules1796551093714 implements MigrationInterface {
  name = 'IdentityRules1796551093714';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_programme" ADD "lead" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "registered_by" uuid`);
    await queryRunner.query(`ALTER TABLE "enrolment" ADD "programme_id" uuid`);
    await queryRunner.query(
      `UPDATE "enrolment" e SET "programme_id" = g."programme_id" FROM "programme_group" g WHERE g."id" = e."group_id"`,
    );
    await queryRunner.query(`
      WITH ranked AS (
        SELECT e.id, e.participant_id, e.start_date,
               first_value(e.start_date) OVER w AS kept_start,
               row_number() OVER w AS n
          FROM enrolment e
         WHERE e.status = 'active'
        WINDOW w AS (PARTITION BY e.participant_id, e.programme_id ORDER BY e.start_date DESC, e.created_at DESC, e.id DESC)
      ), ended AS (
        UPDATE enrolment e
           SET status = 'left_early', left_reason = 'other_effort', end_date = greatest(r.kept_start, e.start_date)
          FROM ranked r
         WHERE r.id = e.id AND r.n > 1
        RETURNING e.id, e.participant_id
      )
      INSERT INTO audit_event (actor_id, actor_role, action, entity_type, entity_id, subject_id, outcome, details)
      SELECT NULL, NULL, 'enrolment.update', 'enrolment', id::text, participant_id, 'success',
             '{"status": "left_early", "reason": "one active enrolment per programme (migration)"}'::jsonb
        FROM ended`);
    await queryRunner.query(`ALTER TABLE "enrolment" ALTER COLUMN "programme_id" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION enrolment_programme() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.programme_id := (SELECT programme_id FROM programme_group WHERE id = NEW.group_id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER enrolment_programme BEFORE INSERT OR UPDATE OF group_id, programme_id ON "enrolment"
       FOR EACH ROW EXECUTE FUNCTION enrolment_programme()`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_enrolment_one_active_per_programme" ON "enrolment"  ("participant_id", "programme_id") WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_enrolment_one_active_per_programme"`);
    await queryRunner.query(`DROP TRIGGER enrolment_programme ON "enrolment"`);
    await queryRunner.query(`DROP FUNCTION enrolment_programme()`);
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "programme_id"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "registered_by"`);
    await queryRunner.query(`ALTER TABLE "user_programme" DROP COLUMN "lead"`);
  }
}
