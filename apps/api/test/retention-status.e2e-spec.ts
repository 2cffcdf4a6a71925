import { stockholmDate } from '@stegvis/contracts';
import { RetentionService } from '../src/modules/participants/retention.service';
import { seedWorld, signIn, startTestApp, type TestApp } from './support/test-app';

const HEADER =
  'grupp;gruppstart;gruppslut;kommunkod;fornamn;efternamn;personnummer;kon;inskrivning_start;inskrivning_slut;status;avbrottsorsak;resultat;resultat_detalj;praktik_bransch;praktik_erbjudande';

describe('the retention page’s status (e2e)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('shows the rule, what is due, the next day more fall due, and the last run once it has run', async () => {
    t = await startTestApp('retentionstatus');
    const w = await seedWorld(t);
    const admin = await signIn(t, w.users.admin.email);
    const staff = await signIn(t, w.users.staffA.email);
    // Two enrolments that ended in 2019, long past the default two years; one person registered today.
    const imported = await admin.post(`/api/programmes/${w.programmeA}/imports`, {
      content: [
        HEADER,
        '1;2019-09-23;2019-12-20;1292;Amina;Exempel;;kvinna;2019-09-23;2019-12-20;fullföljd;;;;;',
        '1;2019-09-23;2019-12-20;1292;Omar;Exempel;;man;2019-09-23;2019-10-04;avbrott;arbete;;;;',
      ].join('\r\n'),
    });
    expect(imported.status).toBe(201);
    const today = (
      await t.dataSource.query<{ d: string }[]>(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS d`)
    )[0].d;
    expect(
      (
        await staff.post('/api/participants', {
          programmeId: w.programmeA,
          firstName: 'Ny',
          lastName: 'Person',
          gender: 'woman',
        })
      ).status,
    ).toBe(201);

    expect((await staff.get('/api/retention')).status).toBe(403);
    const before = await admin.get('/api/retention');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      years: 2,
      scheduled: false,
      lastRun: null,
      nextRunAt: null,
      dueNow: 2,
      nextDue: {
        date: stockholmDate(Date.parse(`${today}T00:00:00Z`) + 86_400_000 + 2 * 365.25 * 86_400_000),
        count: 1,
      },
    });

    const at = new Date();
    await t.app.get(RetentionService).run(at);
    const after = await admin.get('/api/retention');
    expect(after.body.lastRun).toEqual({
      at: at.toISOString(),
      outcome: 'success',
      pseudonymised: 2,
      cutoff: new Date(at.getTime() - 2 * 365.25 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(after.body.dueNow).toBe(0);
  });
});
