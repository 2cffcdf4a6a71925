import { UsersService } from '../src/modules/users/users.service';
import { binary, pdfText } from './support/files';
import {
  type Client,
  PASSWORD,
  seedWorld,
  signIn,
  startTestApp,
  type TestApp,
  type World,
} from './support/test-app';

/**
 * A meeting's own rules (issue 19): whom it may invite, who reads and writes its case discussions (never in the
 * minutes), action items carried to the next meeting, who got the minutes, and absence per meeting.
 */
describe('analysis-group meetings: invitees, case notes, action items, minutes (e2e)', () => {
  let t: TestApp;
  let w: World;
  let analyst: Client;
  let staff: Client;
  let otherAnalyst: Client;
  let otherAnalystId: string;
  let first: string;
  let second: string;
  const NOTE = 'Hodan vill börja i mars; Arbetsförmedlingen ordnar tolk till första träffen.';
  const audit = (action: string, entityId: string) =>
    t.dataSource.query(
      `SELECT actor_id, outcome, details FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY id`,
      [action, entityId],
    ) as Promise<{ actor_id: string; outcome: string; details: Record<string, unknown> | null }[]>;

  beforeAll(async () => {
    t = await startTestApp('meetings');
    w = await seedWorld(t);
    analyst = await signIn(t, w.users.analysisA.email);
    staff = await signIn(t, w.users.staffA.email);
    // An analysis member of the same programme, at the other organisation, who is not invited to the meetings.
    otherAnalystId = (
      await t.app.get(UsersService).createUser({
        email: 'analys.ifo@test.se',
        displayName: 'Ida Ifo',
        role: 'analysis_member',
        password: PASSWORD,
        programmeIds: [w.programmeA],
        organisationId: w.organisations.ifo,
      })
    ).id;
    otherAnalyst = await signIn(t, 'analys.ifo@test.se');
    for (const m of [
      {
        kind: 'analysis',
        name: 'Ali Analys',
        organisationId: w.organisations.af,
        roleTitle: 'Handläggare',
        userId: w.users.analysisA.id,
      },
      { kind: 'analysis', name: 'Berit Utan Konto', organisationId: w.organisations.ifo },
      {
        kind: 'steering',
        name: 'Stina Styr',
        organisationId: w.organisations.af,
        userId: w.users.steeringA.id,
      },
    ])
      expect((await staff.post(`/api/programmes/${w.programmeA}/committees`, m)).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('offers the analysis group as stored (checked), says who cannot be invited, and adds the programme staff', async () => {
    const res = await analyst.get(`/api/programmes/${w.programmeA}/meeting-invitees`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        userId: w.users.analysisA.id,
        name: 'Ali Analys',
        organisationName: 'Arbetsförmedlingen',
        roleTitle: 'Handläggare',
        source: 'analysis',
        invitedByDefault: true,
        unavailable: null,
      },
      {
        userId: null,
        name: 'Berit Utan Konto',
        organisationName: 'Ängelholms kommun, försörjningsstöd',
        roleTitle: '',
        source: 'analysis',
        invitedByDefault: false,
        unavailable: 'no_account',
      },
      {
        userId: w.users.staffA.id,
        name: 'staff.a',
        organisationName: 'Processpersonal',
        roleTitle: '',
        source: 'staff',
        invitedByDefault: false,
        unavailable: null,
      },
    ]);
    const evaluator = await signIn(t, w.users.evaluatorA.email);
    expect((await evaluator.get(`/api/programmes/${w.programmeA}/meeting-invitees`)).status).toBe(403);
    const staffB = await signIn(t, w.users.staffB.email);
    expect((await staffB.get(`/api/programmes/${w.programmeA}/meeting-invitees`)).status).toBe(404);
  });

  it('plans a meeting with the chosen invitees; an invitee outside the programme is a 400 naming the field', async () => {
    const bad = await staff.post('/api/meetings', {
      programmeId: w.programmeA,
      date: '2030-03-10',
      invitedUserIds: [w.users.analysisA.id, w.users.staffB.id],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        field: 'invitedUserIds.1',
        message: 'every invited user must work in this programme',
        code: 'not_in_programme',
        params: { entity: 'user' },
      },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM meeting')).toEqual([{ n: 0 }]);
    const m = await staff.post('/api/meetings', {
      programmeId: w.programmeA,
      date: '2030-03-10',
      invitedUserIds: [w.users.analysisA.id, w.users.staffA.id, w.users.steeringA.id],
    });
    expect(m.status).toBe(201);
    first = m.body.id;
    expect(m.body.invited.map((i: { name: string }) => i.name).sort()).toEqual([
      'analys.a',
      'staff.a',
      'styr.a',
    ]);
    expect(m.body).toMatchObject({
      caseNotes: '',
      caseNotesReadable: true,
      carriedActionItems: [],
      minutesSent: null,
    });
  });

  it('case notes: refuses bad input naming the field, and changes nothing', async () => {
    for (const [body, codes] of [
      [{}, ['required']],
      // A number is refused as not a string or as too long, whichever rule class-validator reports first.
      [{ caseNotes: 42 }, ['not_string', 'too_long']],
      [{ caseNotes: 'x'.repeat(20001) }, ['too_long']],
    ] as const) {
      const res = await analyst.patch(`/api/meetings/${first}/notes`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['caseNotes']);
      expect(codes).toContain(res.body.errors[0].code);
    }
    expect(await t.dataSource.query('SELECT case_notes FROM meeting WHERE id = $1', [first])).toEqual([
      { case_notes: '' },
    ]);
  });

  it('case notes: the invited analysis member writes them, staff read them, an uninvited analysis member neither reads nor writes', async () => {
    const saved = await analyst.patch(`/api/meetings/${first}/notes`, { caseNotes: NOTE });
    expect(saved.status).toBe(200);
    expect(saved.body.caseNotes).toBe(NOTE);
    expect((await staff.get(`/api/meetings/${first}`)).body).toMatchObject({
      caseNotes: NOTE,
      caseNotesReadable: true,
    });
    const other = await otherAnalyst.get(`/api/meetings/${first}`);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ caseNotes: '', caseNotesReadable: false });
    expect(other.text).not.toContain('tolk');
    const refused = await otherAnalyst.patch(`/api/meetings/${first}/notes`, { caseNotes: 'Mitt tillägg' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('case_notes_invited_only');
    expect(await t.dataSource.query('SELECT case_notes FROM meeting WHERE id = $1', [first])).toEqual([
      { case_notes: NOTE },
    ]);
    // Audited: the write, the refused write, and the reads of the notes (not the reader who got none).
    const notes = await audit('meeting.notes', first);
    expect(notes.map((a) => [a.actor_id, a.outcome])).toEqual([
      [w.users.analysisA.id, 'success'],
      [otherAnalystId, 'denied'],
    ]);
    const reads = await audit('meeting.read', first);
    expect(reads.every((a) => a.details?.caseNotes === true)).toBe(true);
    expect(reads.map((a) => a.actor_id)).toContain(w.users.staffA.id);
    expect(reads.map((a) => a.actor_id)).not.toContain(otherAnalystId);
  });

  it('case notes saved on an old version are refused (409) and write nothing over', async () => {
    const read = (await staff.get(`/api/meetings/${first}`)).body;
    const mine = await staff.patch(`/api/meetings/${first}/notes`, {
      caseNotes: `${NOTE} Staff lägger till: uppföljning i februari.`,
      version: read.version,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.version).toBe(read.version + 1);
    const theirs = await analyst.patch(`/api/meetings/${first}/notes`, {
      caseNotes: 'Skrivet på en gammal version',
      version: read.version,
    });
    expect(theirs.status).toBe(409);
    expect(theirs.body.code).toBe('stale_version');
    expect(await t.dataSource.query('SELECT case_notes FROM meeting WHERE id = $1', [first])).toEqual([
      { case_notes: `${NOTE} Staff lägger till: uppföljning i februari.` },
    ]);
    expect(
      (await analyst.patch(`/api/meetings/${first}/notes`, { caseNotes: NOTE, version: 0 })).status,
    ).toBe(400);
    expect((await analyst.patch(`/api/meetings/${first}/notes`, { caseNotes: NOTE })).status).toBe(200);
  });

  it('action items: refuses a blank text or owner, a bad date and a due date before the meeting; stores nothing', async () => {
    for (const [body, field, code] of [
      [{ text: '   ', owner: 'Ali', dueDate: '2030-03-20' }, 'text', 'required'],
      [{ text: 'Ring', owner: ' ', dueDate: '2030-03-20' }, 'owner', 'required'],
      [{ text: 'Ring', owner: 'Ali', dueDate: '2030-02-30' }, 'dueDate', 'invalid_date'],
      [{ text: 'Ring', owner: 'Ali' }, 'dueDate', 'required'],
    ] as const) {
      const res = await analyst.post(`/api/meetings/${first}/action-items`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toContainEqual([
        field,
        code,
      ]);
    }
    const early = await analyst.post(`/api/meetings/${first}/action-items`, {
      text: 'Ring',
      owner: 'Ali',
      dueDate: '2030-03-09',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      {
        field: 'dueDate',
        message: 'the due date is before the meeting (2030-03-10)',
        code: 'due_before_meeting',
        params: { meetingDate: '2030-03-10' },
      },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM action_item')).toEqual([{ n: 0 }]);
  });

  it('action items: added with owner and due date, audited, carried open to the next meeting until done', async () => {
    const added = await analyst.post(`/api/meetings/${first}/action-items`, {
      text: '  Boka tolk till första träffen ',
      owner: 'Ali Analys',
      dueDate: '2030-03-20',
    });
    expect(added.status).toBe(201);
    expect(added.body.actionItems).toEqual([
      {
        id: expect.any(String),
        text: 'Boka tolk till första träffen',
        owner: 'Ali Analys',
        dueDate: '2030-03-20',
        done: false,
      },
    ]);
    const itemId = added.body.actionItems[0].id as string;
    expect((await audit('meeting.manage', first)).map((a) => [a.actor_id, a.details])).toEqual([
      [w.users.analysisA.id, { actionItem: itemId, change: 'add' }],
    ]);
    const next = await staff.post('/api/meetings', {
      programmeId: w.programmeA,
      date: '2030-04-07',
      invitedUserIds: [w.users.analysisA.id],
    });
    expect(next.status).toBe(201);
    second = next.body.id;
    expect(next.body.actionItems).toEqual([]);
    expect(next.body.carriedActionItems).toEqual([
      {
        id: itemId,
        text: 'Boka tolk till första träffen',
        owner: 'Ali Analys',
        dueDate: '2030-03-20',
        done: false,
        meetingId: first,
        meetingDate: '2030-03-10',
      },
    ]);
    // An earlier meeting does not carry the later one's items.
    expect((await staff.get(`/api/meetings/${first}`)).body.carriedActionItems).toEqual([]);

    expect((await staff.patch(`/api/action-items/${itemId}`, { done: 'yes' })).status).toBe(400);
    expect(
      (await staff.patch('/api/action-items/00000000-0000-4000-8000-000000000000', { done: true })).status,
    ).toBe(404);
    const done = await staff.patch(`/api/action-items/${itemId}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.id).toBe(first);
    expect(done.body.actionItems[0].done).toBe(true);
    expect((await staff.get(`/api/meetings/${second}`)).body.carriedActionItems).toEqual([]);
    expect((await audit('meeting.manage', first)).map((a) => a.details)).toEqual([
      { actionItem: itemId, change: 'add' },
      { actionItem: itemId, change: 'done' },
    ]);
    await staff.patch(`/api/action-items/${itemId}`, { done: false });
    expect(
      (await staff.get(`/api/meetings/${second}`)).body.carriedActionItems.map((a: { id: string }) => a.id),
    ).toEqual([itemId]);
  });

  it('the minutes carry the action items but never the case notes; the next minutes list the carried items', async () => {
    const pdf = await binary(staff.get(`/api/meetings/${first}/minutes.pdf`));
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Boka tolk till första träffen – ansvarig Ali Analys, senast 2030-03-20');
    expect(text).not.toContain('Hodan');
    expect(text).not.toContain('Arbetsförmedlingen ordnar tolk');
    const later = await pdfText(
      (await binary(staff.get(`/api/meetings/${second}/minutes.pdf`))).body as Buffer,
    );
    expect(later).toContain('Öppna åtgärder från tidigare möten');
    expect(later).toContain(
      'Boka tolk till första träffen – ansvarig Ali Analys, senast 2030-03-20 (från mötet 2030-03-10)',
    );
  });

  it('sends the minutes to the invited who may read them, without the case notes, and shows whom they went to', async () => {
    await t.dataSource.query('DELETE FROM email_outbox');
    const sent = await analyst.post(`/api/meetings/${first}/minutes/send`);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: 2 });
    const mails: { recipient: string; body: string }[] = await t.dataSource.query(
      'SELECT recipient, body FROM email_outbox ORDER BY recipient',
    );
    expect(mails.map((m) => m.recipient)).toEqual(['analys.a@test.se', 'staff.a@test.se']);
    expect(JSON.stringify(mails)).not.toContain('tolk');
    const m = (await staff.get(`/api/meetings/${first}`)).body;
    expect(m.minutesSent).toEqual({
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sentBy: w.users.analysisA.id,
      recipients: expect.arrayContaining([
        { userId: w.users.analysisA.id, name: 'analys.a', organisationName: 'Arbetsförmedlingen' },
        { userId: w.users.staffA.id, name: 'staff.a', organisationName: 'Processpersonal' },
      ]),
    });
    expect(m.minutesSent.recipients).toHaveLength(2);
    expect((await audit('meeting.minutes', first)).map((a) => a.details)).toContainEqual({ sent: 2 });
  });

  it('reports attendance per organisation per meeting, oldest first', async () => {
    expect(
      (await analyst.post(`/api/meetings/${first}/attendance`, { presentUserIds: [w.users.analysisA.id] }))
        .status,
    ).toBe(200);
    const res = await staff.get(`/api/programmes/${w.programmeA}/meeting-attendance`);
    expect(res.status).toBe(200);
    expect(res.body.byMeeting).toEqual([
      {
        meetingId: first,
        date: '2030-03-10',
        organisationName: 'Arbetsförmedlingen',
        invited: 1,
        present: 1,
        absent: 0,
      },
      {
        meetingId: first,
        date: '2030-03-10',
        organisationName: 'Processpersonal',
        invited: 2,
        present: 0,
        absent: 2,
      },
      {
        meetingId: second,
        date: '2030-04-07',
        organisationName: 'Arbetsförmedlingen',
        invited: 1,
        present: 0,
        absent: 0,
      },
    ]);
  });
});
