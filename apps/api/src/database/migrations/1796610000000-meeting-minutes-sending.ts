import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingMinutesSending1796610000000 implements MigrationInterface {
  name = 'MeetingMinutesSending1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who each sending of a meeting's minutes went to. Minutes sent before this were not recorded: the meeting
    // page says "not sent" for them, which the outbox can correct if anyone asks.
    await queryRunner.query(
      `CREATE TABLE "meeting_minutes_sending" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "meeting_id" uuid NOT NULL,
         "user_id" uuid NOT NULL,
         "sent_at" timestamptz NOT NULL,
         "sent_by" uuid NOT NULL,
         CONSTRAINT "pk_meeting_minutes_sending" PRIMARY KEY ("id"),
         CONSTRAINT "fk_meeting_minutes_sending_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_minutes_sending_meeting_id" ON "meeting_minutes_sending" ("meeting_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meeting_minutes_sending"`);
  }
}
