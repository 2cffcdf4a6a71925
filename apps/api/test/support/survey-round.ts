import type { IssuedCode } from '../../src/modules/surveys/surveys.service';
import type { Client, World } from './test-app';

/**
 * What survey specs start from: a new group of programme A (its `number` keeps it apart from the other specs'
 * groups), the people `names` enrolled in it, and an end-of-group round open since an hour ago, with their codes.
 */
export async function openRoundForNewGroup(
  staff: Client,
  w: World,
  o: { number: number; names: readonly string[]; closesAt?: string },
): Promise<{ groupId: string; roundId: string; codes: IssuedCode[] }> {
  const group = await staff.post('/api/groups', {
    programmeId: w.programmeA,
    municipalityId: w.municipalities.angelholm,
    number: o.number,
    startDate: '2020-08-17',
    endDate: '2020-11-13',
    capacity: 10,
    overIntake: 0,
    deliveryMode: 'on_site',
  });
  if (group.status !== 201) throw new Error(`group: ${group.status} ${group.text}`);
  const groupId = group.body.id as string;
  for (const firstName of o.names) {
    const p = await staff.post('/api/participants', {
      programmeId: w.programmeA,
      firstName,
      lastName: 'Test',
      gender: 'woman',
    });
    await staff.post(`/api/participants/${p.body.id}/enrolments`, { groupId, startDate: '2020-08-17' });
  }
  const round = await staff.post('/api/survey-rounds', {
    groupId,
    questionnaireId: 'end-of-group',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: o.closesAt ?? new Date(Date.now() + 86_400_000).toISOString(),
  });
  if (round.status !== 201) throw new Error(`round: ${round.status} ${round.text}`);
  return { groupId, roundId: round.body.id as string, codes: round.body.codes as IssuedCode[] };
}
