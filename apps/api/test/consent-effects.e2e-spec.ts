import { binary, pdfText } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/**
 * Issue 16, "Consent takes effect": a withdrawn "share with partner" consent stops her name reaching referrals,
 * meetings and minutes from then on; a withdrawn "national follow-up" consent takes her out of the person-level
 * file, while the anonymous counts still count her.
 */
describe('consents take effect (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let analyst: Client;
  let groupId: string;

  const pseudonymOf = (id: string) => `Deltagare ${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    t = await startTestApp('consent-effects');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    analyst = await signIn(t, w.users.analysisA.email);
    groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 2,
        startDate: '2020-08-24',
        endDate: '2020-11-20',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
  }, 120_000);
  afterAll(() => t?.close());

  describe('sharing with partners', () => {
    let referralId: string;
    let meetingId: string;
    let participantId: string;
    let consentId: string;

    const views = async () => {
      const queue = await analyst.get(`/api/referrals?programmeId=${w.programmeA}&status=accepted`);
      const one = await analyst.get(`/api/referrals/${referralId}`);
      const meeting = await analyst.get(`/api/meetings/${meetingId}`);
      const pdf = await binary(analyst.get(`/api/meetings/${meetingId}/minutes.pdf`));
      expect([queue.status, one.status, meeting.status, pdf.status]).toEqual([200, 200, 200, 200]);
      return {
        queue: queue.body.items.map((r: { candidateName: string }) => r.candidateName),
        one: one.body.candidateName,
        agenda: meeting.body.agenda.map((r: { candidateName: string }) => r.candidateName),
        texts: [queue.text, one.text, meeting.text],
        minutes: await pdfText(pdf.body as Buffer),
      };
    };

    beforeAll(async () => {
      const r = await analyst.post('/api/referrals', {
        programmeId: w.programmeA,
        firstName: 'Nadia',
        lastName: 'Delningsdotter',
        gender: 'woman',
        swedishLevel: 'sfi_c',
        organisationId: w.organisations.af,
        referrerName: 'Ali Handläggare',
        reason: 'Vill arbeta inom vården',
        foreignBorn: true,
        age: 29,
        registeredAtAf: true,
        consentToShare: true,
      });
      referralId = r.body.id;
      await analyst.post(`/api/referrals/${referralId}/status`, {
        status: 'screened',
        version: r.body.version,
      });
      const m = (
        await staff.post('/api/meetings', {
          programmeId: w.programmeA,
          date: '2020-08-10',
          invitedUserIds: [w.users.analysisA.id, w.users.staffA.id],
        })
      ).body;
      meetingId = m.id;
      const decided = await analyst.post(`/api/meetings/${meetingId}/decisions`, {
        decisions: [{ referralId, decision: 'accept', groupId, version: m.agenda[0].version }],
      });
      expect(decided.status).toBe(200);
      participantId = (await staff.get(`/api/referrals/${referralId}`)).body.participantId;
      const c = await staff.post(`/api/participants/${participantId}/consents`, {
        purpose: 'share_with_partner',
        organisationId: w.organisations.af,
        givenOn: '2020-08-10',
      });
      expect(c.status).toBe(201);
      consentId = c.body.id;
    });

    it('while she consents, the queue, the agenda and the minutes name her', async () => {
      const v = await views();
      expect(v.queue).toEqual(['Nadia Delningsdotter']);
      expect(v.one).toBe('Nadia Delningsdotter');
      expect(v.agenda).toEqual(['Nadia Delningsdotter']);
      expect(v.minutes).toContain('Nadia Delningsdotter (Arbetsförmedlingen): Antagen');
    });

    it('once she withdraws it, they show her pseudonym and never her name', async () => {
      expect((await staff.post(`/api/consents/${consentId}/withdraw`)).status).toBe(200);
      const v = await views();
      const pseudonym = pseudonymOf(referralId);
      expect(v.queue).toEqual([pseudonym]);
      expect(v.one).toBe(pseudonym);
      expect(v.agenda).toEqual([pseudonym]);
      expect(v.minutes).toContain(`${pseudonym} (Arbetsförmedlingen): Antagen`);
      for (const text of [...v.texts, v.minutes]) expect(text).not.toMatch(/Nadia|Delningsdotter/);
      // The minutes sent from now on carry the pseudonym too.
      expect((await staff.post(`/api/meetings/${meetingId}/minutes/send`)).status).toBe(202);
      const mails: { attachment: Buffer | null }[] = await t.dataSource.query(
        'SELECT attachment FROM email_outbox',
      );
      expect(mails.length).toBe(2);
      for (const m of mails) {
        const text = await pdfText(m.attachment!);
        expect(text).toContain(pseudonym);
        expect(text).not.toMatch(/Nadia|Delningsdotter/);
      }
    });

    it('given again for that organisation, her name comes back', async () => {
      await staff.post(`/api/participants/${participantId}/consents`, {
        purpose: 'share_with_partner',
        organisationId: w.organisations.af,
        givenOn: '2020-09-01',
      });
      const v = await views();
      expect(v.queue).toEqual(['Nadia Delningsdotter']);
      expect(v.agenda).toEqual(['Nadia Delningsdotter']);
    });
  });

  describe('national follow-up', () => {
    let consentId: string;
    const sus = async () => {
      const res = await staff.get(`/api/programmes/${w.programmeA}/reports/sus.csv?year=2020`);
      expect(res.status).toBe(200);
      return res.text;
    };
    const finsam = async () =>
      (await staff.get(`/api/programmes/${w.programmeA}/reports/finsam?year=2020`)).body;

    beforeAll(async () => {
      const p = (
        await staff.post('/api/participants', {
          programmeId: w.programmeA,
          firstName: 'Filippa',
          lastName: 'Uppföljd',
          gender: 'woman',
          personalNumber: '19850312-1017',
        })
      ).body;
      await staff.post(`/api/participants/${p.id}/enrolments`, { groupId, startDate: '2020-08-24' });
      consentId = (
        await staff.post(`/api/participants/${p.id}/consents`, {
          purpose: 'national_followup',
          givenOn: '2020-08-24',
        })
      ).body.id;
    });

    it('with consent she is a row of the person-level file', async () => {
      const csv = await sus();
      expect(csv).toContain('19850312-1017;Kvinna;2020-08-24;;Pågående;;;;\r\n');
      // Nadia, accepted from the referral, never consented: she is counted anonymously.
      expect(csv).toContain('Startår;Kön;Antal\r\n2020;Kvinna;1');
      expect(await finsam()).toEqual({
        year: 2020,
        effort: 'Nästa Steg',
        women: 2,
        men: 0,
        other: 0,
        total: 2,
      });
    });

    it('withdrawn, she leaves the person-level file and is still counted, anonymously and in Finsam', async () => {
      expect((await staff.post(`/api/consents/${consentId}/withdraw`)).status).toBe(200);
      const csv = await sus();
      expect(csv).not.toContain('19850312');
      expect(csv).not.toContain('Filippa');
      expect(csv).toContain('Startår;Kön;Antal\r\n2020;Kvinna;2');
      expect(await finsam()).toEqual({
        year: 2020,
        effort: 'Nästa Steg',
        women: 2,
        men: 0,
        other: 0,
        total: 2,
      });
    });
  });
});
