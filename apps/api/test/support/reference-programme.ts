import {
  REFERENCE_REPORT_PERIOD,
  referenceProgramme as fixture,
} from '../../src/database/seeds/reference-programme-data';
import type { Client, World } from './test-app';

export { fixture as referenceProgramme };

/** The report period the fixture's expected figures are for. */
export const REFERENCE_PERIOD = `from=${REFERENCE_REPORT_PERIOD.from}&to=${REFERENCE_REPORT_PERIOD.to}&internshipGroups=1,2,3`;

/** Names and personal numbers the tests give the fixture's people, to scan every output for. */
const personOf = (i: number) => ({
  firstName: `Fnamn${String(i).padStart(2, '0')}`,
  lastName: `Enamn${String(i).padStart(2, '0')}`,
  personalNumber: null as string | null,
});

const TEMPLATE = {
  name: '13 veckor',
  phases: [
    { kind: 'mapping', weeks: 2, lectures: true },
    { kind: 'lectures', weeks: 7, lectures: true },
    { kind: 'internship', weeks: 4, lectures: false },
  ],
  themes: ['Arbetsmarknadskunskap', 'Utbildning', 'CV-träning'],
  lectureCount: 31,
  lectureWeekdays: [1, 2, 3, 4],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
};

/** Fails the load at once with what the api said, instead of letting a later figure be wrong. */
function check(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Loads the reference programme (src/database/seeds/reference-programme-data.ts, which the demo seed loads too)
 * into programme A through the api, as staff would type it in: groups from the 13-week template, participants,
 * attendance, outcomes, internships and paper survey answers.
 */
export async function loadReferenceProgramme(staff: Client, w: World): Promise<void> {
  const p = w.programmeA;
  await staff.patch(`/api/programmes/${p}`, {
    version: (await staff.get(`/api/programmes/${p}`)).body.version,
    goals: [
      { key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80 },
      { key: 'clear_plan', description: 'Tydlig planering', targetValue: 75 },
    ],
  });
  const tpl = (await staff.post(`/api/programmes/${p}/templates`, TEMPLATE)).body;
  const employers: Record<string, string> = {};
  let orgNo = 0;
  const validOrgNos = [
    '556703-7485',
    '212000-1355',
    '556036-0793',
    '556012-5790',
    '202100-5489',
    '556677-8899',
    '556000-0000',
    '212000-0142',
  ];
  const employerFor = async (industry: string) => {
    if (!employers[industry]) {
      for (;;) {
        const res = await staff.post('/api/employers', {
          name: `Arbetsplats ${industry}`,
          organisationNumber: validOrgNos[orgNo++ % validOrgNos.length],
          sector: 'private',
          industry,
          municipalityId: w.municipalities.angelholm,
        });
        if (res.status === 201) {
          employers[industry] = res.body.id;
          break;
        }
        if (orgNo > 40) throw new Error(`employer ${industry}: ${JSON.stringify(res.body)}`);
      }
    }
    return employers[industry];
  };
  let n = 0;
  for (const g of fixture.groups) {
    const group = (
      await staff.post('/api/groups', {
        programmeId: p,
        municipalityId: w.municipalities.angelholm,
        number: g.number,
        startDate: g.start,
        endDate: g.end,
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'on_site',
        templateId: tpl.id,
      })
    ).body;
    const lectures = (group.calendar.sessions as { id: string; date: string; kind: string }[]).filter(
      (s) => s.kind === 'lecture',
    );
    const marks: { sessionId: string; enrolmentId: string; status: string }[] = [];
    const people = fixture.participants.filter((x) => x.group === g.number);
    const enrolled: { e: string; row: (typeof people)[number] }[] = [];
    for (const row of people) {
      const created = (
        await staff.post('/api/participants', { programmeId: p, ...personOf(n++), gender: row.gender })
      ).body;
      const e = (
        await staff.post(`/api/participants/${created.id}/enrolments`, {
          groupId: group.id,
          startDate: g.start,
        })
      ).body.id as string;
      enrolled.push({ e, row });
      lectures.slice(0, row.attendance.held).forEach((s, i) =>
        marks.push({
          sessionId: s.id,
          enrolmentId: e,
          status: i < row.attendance.present ? 'present' : 'unexcused',
        }),
      );
    }
    check(
      await staff
        .put(`/api/groups/${group.id}/attendance`, { marks })
        .set('Idempotency-Key', `ref-group-${g.number}-marks`),
      200,
      `attendance of group ${g.number}`,
    );
    for (const { e, row } of enrolled) {
      if (row.enrolment === 'completed')
        await staff.patch(`/api/enrolments/${e}`, { status: 'completed', endDate: g.end });
      if (row.enrolment === 'left early') {
        // Left after the last lecture they were there for.
        await staff.patch(`/api/enrolments/${e}`, {
          status: 'left_early',
          endDate: lectures[row.attendance.held - 1].date,
          leftReason: 'other_effort',
        });
      }
      if (row.outcome) {
        const res = await staff.put(`/api/enrolments/${e}/outcome`, {
          category: row.outcome.category,
          detail: row.outcome.detail,
          date: row.enrolment === 'left early' ? lectures[row.attendance.held - 1].date : g.end,
        });
        check(res, 200, 'outcome');
      }
      if (row.internship) {
        const res = await staff.post('/api/internships', {
          enrolmentId: e,
          employerId: await employerFor(row.internship.sector),
          periodNumber: 1,
          startDate: lectures[30].date,
          endDate: g.end,
          wishedSector: true,
          result: row.internship.ledToOffer ? 'offer_hourly' : 'completed',
        });
        check(res, 201, 'internship');
      }
    }
    const round = fixture.surveyRounds.find((r) => r.group === g.number);
    if (round) {
      const opened = await staff.post('/api/survey-rounds', {
        groupId: group.id,
        questionnaireId: 'end-of-group',
        opensAt: `${g.end}T08:00:00Z`,
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      if (opened.body.codes?.length !== round.eligible)
        throw new Error(
          `survey round of group ${g.number}: ${opened.body.codes?.length} codes, expected ${round.eligible}`,
        );
      for (const [i, c] of opened.body.codes.slice(0, round.answered).entries()) {
        const res = await staff
          .post(`/api/survey-rounds/${opened.body.id}/paper-responses`, {
            code: c.shortCode,
            language: 'sv',
            answers: {
              overall: 5,
              lectures: 4,
              talks: 5,
              internship: 'no',
              time: 'right',
              wants: ['language_support'],
              next: 'work',
            },
          })
          .set('Idempotency-Key', `ref-survey-${g.number}-${i}`);
        check(res, 201, 'paper survey answer');
      }
    }
  }
}
