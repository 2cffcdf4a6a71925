import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

const BATCH = 1000;

/**
 * The keyed hash of a personal number (HMAC-SHA256 under PERSONAL_NUMBER_KEY, hex). One person's records in
 * several programmes share it, so the association's counts find her once; without the key, which lives in the
 * deployment and not in the database, the hash does not give the number back.
 */
@Injectable()
export class PersonalNumberHasher implements OnApplicationBootstrap {
  private readonly logger = new Logger('PersonalNumberHash');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  hash(digits: string): string;
  hash(digits: string | null): string | null;
  hash(digits: string | null): string | null {
    return digits === null
      ? null
      : createHmac('sha256', this.config.personalNumberKey).update(digits).digest('hex');
  }

  /**
   * The migration that added the column cannot know the key, so the api fills it at start: every row with a number
   * and no hash, and every row when the key has changed (one stored hash that no longer matches tells). Replicas
   * starting together write the same values.
   */
  async onApplicationBootstrap(): Promise<void> {
    const n = await this.backfill();
    if (n > 0) this.logger.log(`Hashed the personal numbers of ${n} participants`);
  }

  async backfill(): Promise<number> {
    const [sample]: { personal_number: string; personal_number_hash: string }[] = await this.dataSource.query(
      `SELECT personal_number, personal_number_hash FROM participant
        WHERE personal_number IS NOT NULL AND personal_number_hash IS NOT NULL LIMIT 1`,
    );
    const rekey = sample !== undefined && sample.personal_number_hash !== this.hash(sample.personal_number);
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; personal_number: string }[] = await this.dataSource.query(
        `SELECT id, personal_number FROM participant
          WHERE personal_number IS NOT NULL AND ($1 OR personal_number_hash IS NULL) AND id > $2
          ORDER BY id LIMIT ${BATCH}`,
        [rekey, after],
      );
      if (rows.length === 0) return done;
      await this.dataSource.query(
        `UPDATE participant p SET personal_number_hash = v.h
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, pn, h)
          WHERE p.id = v.id AND p.personal_number = v.pn`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.personal_number),
          rows.map((r) => this.hash(r.personal_number)),
        ],
      );
      done += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
}
