import { UsersService } from '../src/modules/users/users.service';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** The follow-ups at 3, 6 and 12 months fall due counted from the outcome date; none may be dated before its window. */
describe('follow-ups (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let enrolment: string;

  beforeAll(async () => {
    t = await startTestApp('follow_ups');
    w = await seedWorld(t);
    await t.app.get(UsersService).setAllocation(w.users.staffA.id, w.programmeA, true, async () => {});
    staff = await signIn(t, w.users.staffA.email);
    const sara = (
      await staff.post('/api/staff-members', {
        name: 'Sara',
        staffRole: 'programme_lead',
        userId: w.users.staffA.id,
      })
    ).body;
    const groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 5,
        startDate: '2030-02-11',
        endDate: '2030-05-10',
        capacity: 10,
        overIntake: 2,
        deliveryMode: 'on_site',
        staffMemberIds: [sara.id],
      })
    ).body.id as string;
    const person = (
      await staff.post('/api/participants', {
        programmeId: w.programmeA,
        firstName: 'Hodan',
        lastName: 'Ali',
        gender: 'woman',
      })
    ).body.id as string;
    enrolment = (
      await staff.post(`/api/participants/${person}/enrolments`, { groupId, startDate: '2030-02-11' })
    ).body.id;
    await staff.patch(`/api/enrolments/${enrolment}`, { status: 'completed', endDate: '2030-05-10' });
    const outcome = await staff.put(`/api/enrolments/${enrolment}/outcome`, {
      category: 'work',
      detailCode: 'introduction_job',
      detail: 'Barnskötare',
      date: '2030-05-10',
    });
    expect(outcome.status).toBe(200);
  });
  afterAll(() => t?.close());

  const stored = () =>
    t.dataSource.query(
      'SELECT months, date::text AS date, category FROM follow_up WHERE enrolment_id = $1 ORDER BY months',
      [enrolment],
    );
  const audited = async () =>
    (
      await t.dataSource.query(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'followup.write' AND entity_id = $1",
        [enrolment],
      )
    )[0].n as number;

  it('refuses a follow-up dated before its window (a month before it is due) at the field, storing nothing', async () => {
    for (const [months, date, windowStart, dueDate] of [
      [3, '2030-07-09', '2030-07-10', '2030-08-10'],
      [6, '2030-08-10', '2030-10-10', '2030-11-10'],
      [12, '2030-05-10', '2031-04-10', '2031-05-10'],
    ] as const) {
      const res = await staff.post(`/api/enrolments/${enrolment}/follow-ups`, {
        months,
        date,
        category: 'work',
      });
      expect([months, res.status, res.headers['content-type']]).toEqual([
        months,
        400,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(res.body.errors).toEqual([
        {
          field: 'date',
          message: `date must not be before ${windowStart}, a month before the follow-up is due`,
          code: 'follow_up_before_window',
          params: { months, windowStart, dueDate },
        },
      ]);
    }
    expect(await stored()).toEqual([]);
    expect(await audited()).toBe(0);
  });

  it('records a follow-up from the first day of its window, and one past its due date', async () => {
    const early = await staff.post(`/api/enrolments/${enrolment}/follow-ups`, {
      months: 3,
      date: '2030-07-10',
      category: 'work',
      detail: 'Barnskötare, kvar på förskolan',
    });
    expect(early.status).toBe(200);
    const late = await staff.post(`/api/enrolments/${enrolment}/follow-ups`, {
      months: 6,
      date: '2030-12-01',
      category: 'studies',
    });
    expect(late.status).toBe(200);
    expect(await stored()).toEqual([
      { months: 3, date: '2030-07-10', category: 'work' },
      { months: 6, date: '2030-12-01', category: 'studies' },
    ]);
    expect(await audited()).toBe(2);
  });
});
