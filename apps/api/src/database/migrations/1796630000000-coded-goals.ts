import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Goals were free-text keys, and a report looked only for "attendance", "clear_plan" and "work_or_studies": a goal
 * typed "narvaro 80" was dropped and the default printed instead. From here goals are chosen from that list; this
 * maps what was typed, and keeps what it cannot map in `unmapped_goals` for the admin to fix on the programme's page.
 * The rules are frozen here (not imported) so that the migration means the same thing whenever it runs.
 */
export class CodedGoals1796630000000 implements MigrationInterface {
  name = 'CodedGoals1796630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme" ADD "unmapped_goals" jsonb NOT NULL DEFAULT '[]'`);
    const rows: { id: string; goals: LegacyGoal[] }[] = await queryRunner.query(
      `SELECT "id", "goals" FROM "programme" WHERE jsonb_array_length("goals") > 0`,
    );
    for (const row of rows) {
      const { goals, unmapped } = mapLegacyGoals(row.goals);
      await queryRunner.query(`UPDATE "programme" SET "goals" = $2, "unmapped_goals" = $3 WHERE "id" = $1`, [
        row.id,
        JSON.stringify(goals),
        JSON.stringify(unmapped),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to free-text goals: the coded ones as percent goals, the unmapped ones as they were typed.
    await queryRunner.query(
      `UPDATE "programme" SET "goals" = (
         SELECT coalesce(jsonb_agg(g || '{"unit":"percent"}'::jsonb), '[]'::jsonb) FROM jsonb_array_elements("goals") g
       ) || "unmapped_goals"`,
    );
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "unmapped_goals"`);
  }
}

export interface LegacyGoal {
  key: string;
  description: string;
  targetValue: number;
  unit: string;
}

type Key = 'attendance' | 'clear_plan' | 'work_or_studies';

/** Lower case, no accents, words separated by one space: "Närvaro_80 %" → "narvaro 80". */
function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The coded goal a typed key (or, failing that, its description) names, in Swedish or English. */
function keyOf(text: string): Key | null {
  const w = ` ${words(text)} `;
  const has = (...xs: string[]) => xs.some((x) => w.includes(` ${x} `) || w.includes(` ${x}`));
  const work = has('work', 'arbete', 'jobb', 'anstallning', 'sysselsattning');
  const studies = has('studies', 'studier', 'utbildning', 'study');
  if (has('attendance', 'narvaro')) return 'attendance';
  if (has('clear plan', 'clearplan', 'tydlig plan', 'tydlig planering', 'planering')) return 'clear_plan';
  if (work && studies) return 'work_or_studies';
  return null;
}

/**
 * Each typed goal becomes the coded one its key names (else its description), when its target is a whole per cent
 * and no earlier goal already took that key; every other goal is kept, unchanged, as unmapped.
 */
export function mapLegacyGoals(legacy: readonly LegacyGoal[]): {
  goals: { key: Key; targetValue: number; description: string }[];
  unmapped: LegacyGoal[];
} {
  const goals: { key: Key; targetValue: number; description: string }[] = [];
  const unmapped: LegacyGoal[] = [];
  for (const g of legacy) {
    const key = keyOf(String(g.key ?? '')) ?? keyOf(String(g.description ?? ''));
    const target = g.targetValue;
    const percent =
      (g.unit ?? 'percent') === 'percent' && Number.isInteger(target) && target >= 0 && target <= 100;
    if (key && percent && !goals.some((x) => x.key === key))
      goals.push({ key, targetValue: target, description: String(g.description ?? '') });
    else unmapped.push(g);
  }
  return { goals, unmapped };
}
