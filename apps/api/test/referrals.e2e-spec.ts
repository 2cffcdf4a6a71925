import { binary, pdfText } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';
import { withoutRandomIds } from './support/without-random-ids';

describe('referrals and analysis-group meetings (e2e)', () => {
  let t: TestApp;
  let w: World;
  let analyst: Client;
  let staff: Client;
  let groupId: string;
  const ids: Record<string, string> = {};

  const referral = (firstName: string, extra: object = {}) => ({
    programmeId: w.programmeA,
    firstName,
    lastName: 'Kandidat',
    gender: 'woman',
    swedishLevel: 'sfi_c',
    languages: ['somaliska'],
    organisationId: w.organisations.af,
    referrerName: 'Ali Handläggare',
    wishedStart: '2020-08-24',
    reason: 'Behöver stöd mot arbete inom vården',
    foreignBorn: true,
    age: 34,
    registeredAtAf: true,
    consentToShare: true,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp('referrals');
    w = await seedWorld(t);
    analyst = await signIn(t, w.users.analysisA.email);
    staff = await signIn(t, w.users.staffA.email);
    groupId = (
      await staff.post('/api/groups', {
        programmeId: w.programmeA,
        municipalityId: w.municipalities.angelholm,
        number: 3,
        startDate: '2020-08-24',
        endDate: '2020-11-20',
        capacity: 10,
        overIntake: 0,
        deliveryMode: 'on_site',
      })
    ).body.id;
    for (const [k, extra] of [
      ['Amal', {}],
      ['Bahar', { swedishLevel: 'sfi_b' }],
      ['Cawo', { priority: 'high' }],
      ['Dilan', { protectedIdentity: true, lastName: 'Skyddadsson', personalNumber: '19811218-9876' }],
    ] as const) {
      const r = await analyst.post('/api/referrals', referral(k, extra));
      expect(r.status).toBe(201);
      ids[k] = r.body.id;
    }
  });
  afterAll(() => t?.close());

  it('an analysis member refers from their own organisation only, with consent, and sees screening against the criteria', async () => {
    const other = await analyst.post(
      '/api/referrals',
      referral('Eva', { organisationId: w.organisations.ifo }),
    );
    expect(other.status).toBe(403);
    const noConsent = await analyst.post('/api/referrals', referral('Eva', { consentToShare: false }));
    expect(noConsent.status).toBe(422);
    const bahar = await analyst.get(`/api/referrals/${ids.Bahar}`);
    expect(bahar.body.screening[0]).toEqual({
      criterion: 'swedish_level',
      ok: false,
      message: 'Svenskanivå SFI B (kravet är minst SFI C)',
      code: 'screening_swedish_level',
      params: { level: 'sfi_b', min: 'sfi_c' },
    });
    expect(bahar.body.screening.slice(1).every((f: { ok: boolean }) => f.ok)).toBe(true);
    expect(bahar.body.history).toEqual([
      expect.objectContaining({ from: null, to: 'received', by: 'analys.a' }),
    ]);
  });

  it('orders the queue urgent first, then by received date, filters, and pages by keyset', async () => {
    const q = await analyst.get(`/api/referrals?programmeId=${w.programmeA}`);
    expect(q.body.items.map((r: { candidateName: string }) => r.candidateName.split(' ')[0])).toEqual([
      'Cawo',
      'Amal',
      'Bahar',
      expect.stringMatching(/^Deltagare/),
    ]);
    const lvl = await analyst.get(`/api/referrals?programmeId=${w.programmeA}&swedishLevel=sfi_b`);
    expect(lvl.body.items.map((r: { id: string }) => r.id)).toEqual([ids.Bahar]);
    const p1 = await analyst.get(`/api/referrals?programmeId=${w.programmeA}&limit=3`);
    const p2 = await analyst.get(
      `/api/referrals?programmeId=${w.programmeA}&limit=3&after=${p1.body.nextCursor}`,
    );
    expect([...p1.body.items, ...p2.body.items].map((r: { id: string }) => r.id)).toEqual(
      q.body.items.map((r: { id: string }) => r.id),
    );
    expect(p2.body.nextCursor).toBeNull();
  });

  it('refuses transitions that make no sense (422)', async () => {
    const r = (await analyst.get(`/api/referrals/${ids.Amal}`)).body;
    const res = await analyst.post(`/api/referrals/${ids.Amal}/status`, {
      status: 'withdrawn',
      version: r.version,
      reason: 'x',
    });
    expect(res.status).toBe(201);
    const again = await analyst.post(`/api/referrals/${ids.Amal}/status`, {
      status: 'screened',
      version: res.body.version,
    });
    expect(again.status).toBe(422);
  });

  describe('a meeting', () => {
    let meetingId: string;

    beforeAll(async () => {
      for (const k of ['Bahar', 'Cawo', 'Dilan']) {
        const r = (await staff.get(`/api/referrals/${ids[k]}`)).body;
        expect(
          (await staff.post(`/api/referrals/${ids[k]}/status`, { status: 'screened', version: r.version }))
            .status,
        ).toBe(201);
      }
      const m = await staff.post('/api/meetings', {
        programmeId: w.programmeA,
        date: '2020-08-10',
        invitedUserIds: [w.users.analysisA.id, w.users.staffA.id],
      });
      expect(m.status).toBe(201);
      meetingId = m.body.id;
      expect(m.body.agenda.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
        [ids.Cawo, 'on_agenda'],
        [ids.Bahar, 'on_agenda'],
        [ids.Dilan, 'on_agenda'],
      ]);
    });

    it('decline without a reason is a 400 and changes nothing', async () => {
      const a = (await analyst.get(`/api/meetings/${meetingId}`)).body.agenda;
      const res = await analyst.post(`/api/meetings/${meetingId}/decisions`, {
        decisions: [{ referralId: ids.Bahar, decision: 'decline', version: a[1].version }],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'decisions.0.reason', message: 'reason is required when declining', code: 'required' },
      ]);
      expect((await analyst.get(`/api/referrals/${ids.Bahar}`)).body.status).toBe('on_agenda');
    });

    it('decides three referrals in one call; the group gets the participant and each history shows the meeting', async () => {
      const agenda = (await analyst.get(`/api/meetings/${meetingId}`)).body.agenda as {
        id: string;
        version: number;
      }[];
      const v = (id: string) => agenda.find((a) => a.id === id)!.version;
      await analyst.post(`/api/meetings/${meetingId}/attendance`, { presentUserIds: [w.users.analysisA.id] });
      const res = await analyst.post(`/api/meetings/${meetingId}/decisions`, {
        decisions: [
          { referralId: ids.Cawo, decision: 'accept', groupId, version: v(ids.Cawo) },
          { referralId: ids.Dilan, decision: 'wait_list', version: v(ids.Dilan) },
          {
            referralId: ids.Bahar,
            decision: 'decline',
            reason: 'Svenskanivån är för låg just nu; pröva igen efter SFI C',
            version: v(ids.Bahar),
          },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('held');
      const cawo = (await staff.get(`/api/referrals/${ids.Cawo}`)).body;
      expect(cawo).toMatchObject({ status: 'accepted', groupId, participantId: expect.any(String) });
      const enrolled = await staff.get(`/api/groups/${groupId}/attendance`);
      expect(enrolled.body.rows.map((r: { displayName: string }) => r.displayName)).toEqual([
        'Cawo Kandidat',
      ]);
      for (const k of ['Cawo', 'Dilan', 'Bahar']) {
        const h = (await staff.get(`/api/referrals/${ids[k]}`)).body.history;
        expect(h[h.length - 1].meetingId).toBe(meetingId);
      }
      expect((await staff.get(`/api/referrals/${ids.Bahar}`)).body.declineReason).toBe(
        'Svenskanivån är för låg just nu; pröva igen efter SFI C',
      );
    });

    it('two people deciding the same referral concurrently: exactly one succeeds, the other gets 409', async () => {
      const m2 = (
        await staff.post('/api/meetings', {
          programmeId: w.programmeA,
          date: '2020-09-10',
          invitedUserIds: [w.users.analysisA.id],
        })
      ).body;
      expect(m2.agenda.map((a: { id: string }) => a.id)).toEqual([ids.Dilan]);
      const version = m2.agenda[0].version;
      const [a, b] = await Promise.all([
        analyst.post(`/api/meetings/${m2.id}/decisions`, {
          decisions: [{ referralId: ids.Dilan, decision: 'accept', groupId, version }],
        }),
        staff.post(`/api/meetings/${m2.id}/decisions`, {
          decisions: [{ referralId: ids.Dilan, decision: 'decline', reason: 'Flyttar', version }],
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const events = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM referral_event WHERE referral_id = $1 AND meeting_id = $2 AND to_status IN ('accepted', 'declined')",
        [ids.Dilan, m2.id],
      );
      expect(events).toEqual([{ n: 1 }]);
    });

    it('shows protected identities as pseudonyms in queue, agenda and minutes PDF; minutes go out without personal numbers', async () => {
      const queue = await analyst.get(`/api/referrals?programmeId=${w.programmeA}`);
      const meeting = await analyst.get(`/api/meetings/${meetingId}`);
      for (const body of [queue.text, meeting.text]) {
        expect(body).not.toContain('Skyddadsson');
        expect(withoutRandomIds(body)).not.toContain('9876');
      }
      const pdf = await binary(analyst.get(`/api/meetings/${meetingId}/minutes.pdf`));
      expect(pdf.status).toBe(200);
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain('Protokoll');
      expect(text).toContain('Cawo Kandidat');
      expect(text).toMatch(/Deltagare [0-9A-F]{6}/);
      expect(text).not.toContain('Skyddadsson');
      expect(text).not.toContain('19811218');
      expect(text).toContain('Svenskanivån är för låg');
      const sent = await staff.post(`/api/meetings/${meetingId}/minutes/send`);
      expect(sent.status).toBe(202);
      expect(sent.body).toEqual({ queued: 2 });
      const mails = await t.dataSource.query(
        'SELECT recipient, subject, body FROM email_outbox ORDER BY recipient',
      );
      expect(mails.map((x: { recipient: string }) => x.recipient)).toEqual([
        'analys.a@test.se',
        'staff.a@test.se',
      ]);
      expect(JSON.stringify(mails)).not.toMatch(/\d{6,8}-?\d{4}|Skyddadsson|Cawo/);
    });

    it('reports inflow per organisation and tertial, and absence per organisation', async () => {
      const inflow = await staff.get(`/api/programmes/${w.programmeA}/inflow`);
      const thisTertial = inflow.body.byTertial;
      expect(
        thisTertial.map((x: { organisationName: string; referrals: number }) => [
          x.organisationName,
          x.referrals,
        ]),
      ).toEqual([['Arbetsförmedlingen', 4]]);
      expect(inflow.body.daysToDecision.decided).toBe(3);
      const absence = await staff.get(`/api/programmes/${w.programmeA}/meeting-attendance`);
      expect(absence.body.byOrganisation).toEqual(
        expect.arrayContaining([
          { organisationName: 'Arbetsförmedlingen', invited: 2, present: 1, absent: 0 },
          { organisationName: 'Processpersonal', invited: 1, present: 0, absent: 1 },
        ]),
      );
      const intake = await staff.get(`/api/programmes/${w.programmeA}/intake?from=2020-01-01`);
      expect(intake.body.groups[0]).toMatchObject({
        name: 'Grupp 3',
        capacity: 10,
        accepted: expect.any(Number),
      });
    });

    it('e-mails the minutes only to the analysis group and the programme staff; case notes never go into them', async () => {
      const m = await staff.post('/api/meetings', {
        programmeId: w.programmeA,
        date: '2020-10-01',
        invitedUserIds: [
          w.users.analysisA.id,
          w.users.staffA.id,
          w.users.steeringA.id,
          w.users.evaluatorA.id,
        ],
      });
      expect(m.status).toBe(201);
      const notes = 'Ärendet Amal: orolig över boendet, följs upp av IFO';
      expect((await analyst.patch(`/api/meetings/${m.body.id}/notes`, { caseNotes: notes })).status).toBe(
        200,
      );
      // Those invited who may not read the minutes cannot read the meeting either.
      for (const email of [w.users.steeringA.email, w.users.evaluatorA.email]) {
        const c = await signIn(t, email);
        expect((await c.get(`/api/meetings/${m.body.id}/minutes.pdf`)).status).toBe(403);
      }
      const sent = await staff.post(`/api/meetings/${m.body.id}/minutes/send`);
      expect(sent.status).toBe(202);
      expect(sent.body).toEqual({ queued: 2 });
      const mails: { recipient: string; body: string; attachment: Buffer }[] = await t.dataSource.query(
        `SELECT recipient, body, attachment FROM email_outbox WHERE subject = 'Protokoll från analysgruppens möte 2020-10-01' ORDER BY recipient`,
      );
      expect(mails.map((x) => x.recipient)).toEqual(['analys.a@test.se', 'staff.a@test.se']);
      const pdf = await binary(analyst.get(`/api/meetings/${m.body.id}/minutes.pdf`));
      for (const text of [
        await pdfText(pdf.body as Buffer),
        await pdfText(mails[0].attachment),
        mails[0].body,
      ]) {
        expect(text).not.toContain('orolig');
        expect(text).not.toContain('Amal');
      }
      expect(await pdfText(pdf.body as Buffer)).toContain('Protokoll – analysgruppens möte 2020-10-01');
      // The members still read their notes in the meeting itself.
      expect((await analyst.get(`/api/meetings/${m.body.id}`)).body.caseNotes).toBe(notes);
    });
  });

  it('prints an action item in Arabic, its line still Swedish: the text, then who is responsible and when', async () => {
    const m = await staff.post('/api/meetings', {
      programmeId: w.programmeA,
      date: '2020-10-08',
      invitedUserIds: [],
    });
    const item = await staff.post(`/api/meetings/${m.body.id}/action-items`, {
      text: 'اتصل بصاحب العمل',
      owner: 'Sara',
      dueDate: '2020-10-15',
    });
    expect(item.status).toBe(201);
    const pdf = await binary(staff.get(`/api/meetings/${m.body.id}/minutes.pdf`));
    expect(await pdfText(pdf.body as Buffer)).toContain(
      'اتصل بصاحب العمل – ansvarig Sara, senast 2020-10-15',
    );
  });

  it('an analysis member of programme A gets 404 for programme B’s queue and meetings, and never health data', async () => {
    const b = await signIn(t, w.users.staffB.email);
    const mB = await b.post('/api/meetings', {
      programmeId: w.programmeB,
      date: '2020-08-11',
      invitedUserIds: [],
    });
    expect(mB.status).toBe(201);
    expect((await analyst.get(`/api/referrals?programmeId=${w.programmeB}`)).status).toBe(404);
    expect((await analyst.get(`/api/meetings?programmeId=${w.programmeB}`)).status).toBe(404);
    expect((await analyst.get(`/api/meetings/${mB.body.id}`)).status).toBe(404);
    expect((await analyst.get(`/api/meetings/${mB.body.id}/minutes.pdf`)).status).toBe(404);
    const participantId = (await staff.get(`/api/referrals/${ids.Cawo}`)).body.participantId;
    await staff.post(`/api/participants/${participantId}/needs`, {
      kind: 'health_physical',
      note: 'Ryggbesvär',
    });
    expect((await analyst.get(`/api/participants/${participantId}/needs`)).status).toBe(404);
    expect((await analyst.get(`/api/participants/${participantId}`)).status).toBe(403);
  });
});
