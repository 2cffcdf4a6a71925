import PDFDocument from 'pdfkit';
import { UsersService } from '../src/modules/users/users.service';
import { binary, docxText, pdfText } from './support/files';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

/** A real, small PDF with the given text, padded by a PDF comment to at least `minBytes`. */
function pdf(text: string, minBytes = 0): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const body = Buffer.concat(chunks);
      resolve(
        body.length >= minBytes
          ? body
          : Buffer.concat([body, Buffer.from(`%${'x'.repeat(minBytes - body.length)}\n`)]),
      );
    });
    doc.text(text);
    doc.end();
  });
}

// 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const entry = (over: Record<string, unknown> = {}) => ({
  title: 'CV-träning: ditt första CV',
  body: 'Deltagarna **skriver** ett CV och övar på presentationer inför arbetsgivare.',
  module: 'lectures',
  week: 4,
  theme: 'CV-träning',
  templateId: null,
  alternative: 'Grundversion',
  whenToUse: 'De flesta grupper',
  links: [{ title: 'Arbetsförmedlingen om CV', url: 'https://arbetsformedlingen.se/for-arbetssokande/cv' }],
  ...over,
});

describe('method handbook (e2e)', () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let staffA: Client;
  let staffB: Client;
  let entryId: string;

  beforeAll(async () => {
    t = await startTestApp('handbook', { HANDBOOK_MAX_FILE_MB: '1', HANDBOOK_REVIEW_MONTHS: '6' });
    w = await seedWorld(t);
    admin = await signIn(t, w.users.admin.email);
    staffA = await signIn(t, w.users.staffA.email);
    staffB = await signIn(t, w.users.staffB.email);
    expect((await admin.put(`/api/handbook/editors/${w.users.staffA.id}`, { editor: true })).status).toBe(
      204,
    );
    const created = await staffA.post('/api/handbook/entries', entry());
    expect(created.status).toBe(201);
    entryId = created.body.id;
  });
  afterAll(() => t.close());

  it('is shared: staff of another programme read the entry, but only editors change it (403 otherwise, audited)', async () => {
    expect((await staffB.get('/api/handbook/me')).body.editor).toBe(false);
    const read = await staffB.get(`/api/handbook/entries/${entryId}`);
    expect(read.status).toBe(200);
    expect(read.body.title).toBe('CV-träning: ditt första CV');
    expect(read.body.updatedBy).toBe('staff.a');
    const denied = await staffB.put(`/api/handbook/entries/${entryId}`, {
      ...entry({ title: 'Ändrad' }),
      version: read.body.version,
    });
    expect(denied.status).toBe(403);
    expect(denied.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await staffB.post('/api/handbook/entries', entry())).status).toBe(403);
    expect((await staffA.get(`/api/handbook/entries/${entryId}`)).body.title).toBe(
      'CV-träning: ditt första CV',
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'handbook.edit' AND outcome = 'denied' AND actor_id = $1`,
      [w.users.staffB.id],
    );
    expect(n).toBe(2);
    // Roles outside programme work have no business in the handbook.
    const analyst = await signIn(t, w.users.analysisA.email);
    expect((await analyst.get('/api/handbook/entries')).status).toBe(403);
  });

  it('refuses a bad entry with the field named and stores nothing', async () => {
    const before = (await staffA.get('/api/handbook/entries')).body.length;
    const res = await staffA.post(
      '/api/handbook/entries',
      entry({ module: 'lunch', links: [{ title: 'x', url: 'javascript:alert(1)' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['links.0.url', 'module']);
    expect((await staffA.get('/api/handbook/entries')).body.length).toBe(before);
  });

  it('renders Markdown without scripts', async () => {
    const res = await staffA.post(
      '/api/handbook/entries',
      entry({
        title: 'Farlig text',
        module: 'other',
        week: null,
        theme: 'Övrigt',
        body: 'Hej <script>alert(1)</script> [klicka](javascript:alert(2)) <img src="https://x.se/a.png" onerror="alert(3)">',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.bodyHtml).not.toMatch(/<script|javascript:|onerror/i);
    expect(res.body.bodyHtml).toContain('<img src="https://x.se/a.png" />');
    expect(res.body.warnings).toEqual([]);
  });

  it('refuses a personal number in an entry with 400 at its field, and the text never reaches the history', async () => {
    const versionsWith = async (text: string) =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM handbook_entry_version
            WHERE title LIKE $1 OR body LIKE $1 OR theme LIKE $1 OR alternative LIKE $1 OR when_to_use LIKE $1 OR links::text LIKE $1`,
          [`%${text}%`],
        )
      )[0].n as number;
    const before = (await staffA.get('/api/handbook/entries')).body.length;
    const created = await staffA.post(
      '/api/handbook/entries',
      entry({ title: 'Samtal med Anna', body: 'Anna 19121212-1212 berättade om sitt CV.' }),
    );
    expect(created.status).toBe(400);
    expect(created.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(created.body.code).toBe('personal_number_in_text');
    expect(created.body.errors).toEqual([
      {
        field: 'body',
        message: expect.stringContaining('personnummer (191212…)'),
        code: 'personal_number_in_text',
        params: { excerpt: '191212' },
      },
    ]);
    expect((await staffA.get('/api/handbook/entries')).body.length).toBe(before);

    const current = (await staffA.get(`/api/handbook/entries/${entryId}`)).body;
    const changed = await staffA.put(`/api/handbook/entries/${entryId}`, {
      ...entry({
        whenToUse: 'Som för 121212-1212',
        links: [{ title: 'Lista 1212121212', url: 'https://x.se/' }],
      }),
      version: current.version,
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'whenToUse',
      'links.0.title',
    ]);
    const after = (await staffA.get(`/api/handbook/entries/${entryId}`)).body;
    expect(after.version).toBe(current.version);
    expect(after.whenToUse).toBe(current.whenToUse);
    expect(await versionsWith('1212-1212')).toBe(0);
    expect(await versionsWith('121212-1212')).toBe(0);
    expect(await versionsWith('1212121212')).toBe(0);
    // The live check before saving still warns, at the field.
    const preview = await staffA.post('/api/handbook/preview', { body: 'Ring 19121212-1212' });
    expect(preview.body.warnings.map((w: { field: string }) => w.field)).toEqual(['body']);
  });

  it('keeps every version and restores an earlier one exactly; a stale version is refused with 409', async () => {
    const v1 = (await staffA.get(`/api/handbook/entries/${entryId}`)).body;
    const changed = await staffA.put(`/api/handbook/entries/${entryId}`, {
      ...entry({ title: 'CV-träning, ny', body: 'Helt ny text.', alternative: 'Ny', links: [] }),
      version: v1.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(v1.version + 1);
    const stale = await admin.put(`/api/handbook/entries/${entryId}`, {
      ...entry({ title: 'Krock' }),
      version: v1.version,
    });
    expect(stale.status).toBe(409);
    const restored = await staffA.post(`/api/handbook/entries/${entryId}/versions/${v1.version}/restore`);
    expect(restored.status).toBe(200);
    const pick = (e: Record<string, unknown>) => ({
      title: e.title,
      body: e.body,
      module: e.module,
      week: e.week,
      theme: e.theme,
      templateId: e.templateId,
      alternative: e.alternative,
      whenToUse: e.whenToUse,
      links: e.links,
    });
    expect(pick(restored.body)).toEqual(pick(v1));
    expect(restored.body.version).toBe(v1.version + 2);
    const versions = await staffB.get(`/api/handbook/entries/${entryId}/versions`);
    expect(versions.body.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [3, 'CV-träning: ditt första CV'],
      [2, 'CV-träning, ny'],
      [1, 'CV-träning: ditt första CV'],
    ]);
    expect(versions.body.every((v: { changedBy: string }) => v.changedBy === 'staff.a')).toBe(true);
    expect((await staffA.post(`/api/handbook/entries/${entryId}/versions/9/restore`)).status).toBe(404);
    expect(
      (await staffA.post(`/api/handbook/entries/${entryId}/versions/x/restore`)).body.errors[0].field,
    ).toBe('version');
  });

  it('accepts files by their content only: a script named .pdf → 415, an oversized file → 413, a real PDF streams back with its name', async () => {
    const fake = await staffA.agent
      .post(`/api/handbook/entries/${entryId}/files`)
      .set('x-csrf-token', staffA.user.csrfToken)
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), {
        filename: 'bildspel.pdf',
        contentType: 'application/pdf',
      });
    expect(fake.status).toBe(415);
    expect(fake.body.errors[0].field).toBe('file');
    const exe = await staffA.agent
      .post(`/api/handbook/entries/${entryId}/files`)
      .set('x-csrf-token', staffA.user.csrfToken)
      .attach('file', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), {
        filename: 'film.mp4',
        contentType: 'video/mp4',
      });
    expect(exe.status).toBe(415);
    const big = await staffA.agent
      .post(`/api/handbook/entries/${entryId}/files`)
      .set('x-csrf-token', staffA.user.csrfToken)
      .attach('file', await pdf('stor', 1024 * 1024 + 10), { filename: 'stor.pdf' });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].field).toBe('file');
    expect((await staffA.get(`/api/handbook/entries/${entryId}`)).body.files).toEqual([]);

    const doc = await pdf('Intervjufrågor för övning');
    const ok = await staffA.agent
      .post(`/api/handbook/entries/${entryId}/files`)
      .set('x-csrf-token', staffA.user.csrfToken)
      .attach('file', doc, { filename: 'Intervjuövning-frågekort.pdf', contentType: 'text/plain' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      fileName: 'Intervjuövning-frågekort.pdf',
      contentType: 'application/pdf',
      size: doc.length,
    });
    const png = await staffA.agent
      .post(`/api/handbook/entries/${entryId}/files`)
      .set('x-csrf-token', staffA.user.csrfToken)
      .attach('file', PNG, { filename: 'bild.txt' });
    expect(png.body.contentType).toBe('image/png');

    const down = await binary(staffB.get(`/api/handbook/files/${ok.body.id}`));
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Intervjuovning-fragekort.pdf"; filename*=UTF-8''${encodeURIComponent('Intervjuövning-frågekort.pdf')}`,
    );
    expect(Buffer.compare(down.body as Buffer, doc)).toBe(0);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM file_blob`);
    expect(n).toBe(2);
    expect((await staffB.delete(`/api/handbook/files/${png.body.id}`)).status).toBe(403);
    expect((await staffA.delete(`/api/handbook/files/${png.body.id}`)).status).toBe(204);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM file_blob`))[0].n).toBe(1);
  });

  it('finds entries by an inflected Swedish word in the text and by a word of an attached file name', async () => {
    const inflected = await staffB.get('/api/handbook/search?q=presentation');
    expect(inflected.status).toBe(200);
    expect(inflected.body.map((h: { id: string }) => h.id)).toEqual([entryId]);
    expect(inflected.body[0].excerpt).toContain('«presentationer»');
    const byFile = await staffB.get(`/api/handbook/search?q=${encodeURIComponent('frågekort')}`);
    expect(byFile.body.map((h: { id: string }) => h.id)).toEqual([entryId]);
    expect((await staffB.get('/api/handbook/search?q=trädgårdsskötsel')).body).toEqual([]);
    expect((await staffB.get('/api/handbook/search?q=')).status).toBe(400);
  });

  it('finds inflected and compound Swedish forms from the base word: samtal → samtalet, arbetsmarknad → arbetsmarknaden', async () => {
    const talk = await staffA.post(
      '/api/handbook/entries',
      entry({
        title: 'Det första mötet',
        body: 'Samtalet leds av handledaren.',
        module: 'mapping',
        theme: 'Möte',
      }),
    );
    const market = await staffA.post(
      '/api/handbook/entries',
      entry({
        title: 'Studiebesök',
        body: 'Vi lär oss om arbetsmarknaden i Skåne.',
        module: 'lectures',
        theme: 'Besök',
      }),
    );
    expect([talk.status, market.status]).toEqual([201, 201]);
    const ids = async (q: string) =>
      ((await staffB.get(`/api/handbook/search?q=${encodeURIComponent(q)}`)).body as { id: string }[]).map(
        (h) => h.id,
      );
    expect(await ids('samtal')).toEqual([talk.body.id]);
    expect(await ids('arbetsmarknad')).toEqual([market.body.id]);
    expect(await ids('Arbetsmarknaden')).toEqual([market.body.id]);
    expect(await ids('samtalet')).toEqual([talk.body.id]);
    const hit = (await staffB.get('/api/handbook/search?q=arbetsmarknad')).body[0];
    expect(hit.excerpt).toContain('«arbetsmarknaden»');
    // A phrase and an excluded word keep their meaning.
    expect(await ids('samtal -handledaren')).toEqual([]);
    expect(await ids('"arbetsmarknaden i Skåne"')).toEqual([market.body.id]);
  });

  it('shows a session the entries of its theme, and the alternative the presenter chose, to a substitute at once', async () => {
    const tpl = await staffA.post(`/api/programmes/${w.programmeA}/templates`, {
      name: '13 veckor',
      phases: [
        { kind: 'mapping', weeks: 2, lectures: true },
        { kind: 'lectures', weeks: 7, lectures: true },
        { kind: 'internship', weeks: 4, lectures: false },
      ],
      themes: ['Arbetsmarknadskunskap', 'CV-träning'],
      lectureCount: 4,
      lectureWeekdays: [1, 2, 3, 4],
      lectureStart: '13:00',
      lectureEnd: '15:30',
      computerDayWeekday: null,
    });
    const g = await staffA.post('/api/groups', {
      programmeId: w.programmeA,
      municipalityId: w.municipalities.angelholm,
      number: 7,
      startDate: '2020-08-24',
      capacity: 10,
      overIntake: 0,
      deliveryMode: 'on_site',
      templateId: tpl.body.id,
    });
    expect(g.status).toBe(201);
    const session = g.body.calendar.sessions.find((s: { theme: string }) => s.theme === 'CV-träning');
    const easy = await staffA.post(
      '/api/handbook/entries',
      entry({
        title: 'CV-träning på lättläst svenska',
        alternative: 'Lättläst',
        whenToUse: 'SFI A–B',
        templateId: tpl.body.id,
      }),
    );
    await staffA.post('/api/handbook/entries', entry({ title: 'Intervjuträning', theme: 'Intervju' }));

    const material = await staffA.get(`/api/sessions/${session.id}/handbook`);
    expect(material.status).toBe(200);
    expect(material.body.theme).toBe('CV-träning');
    expect(material.body.entries.map((e: { title: string }) => e.title).sort()).toEqual([
      'CV-träning på lättläst svenska',
      'CV-träning: ditt första CV',
    ]);
    expect(material.body.chosenEntryId).toBeNull();

    const chosen = await staffA.put(`/api/sessions/${session.id}/handbook`, { entryId: easy.body.id });
    expect(chosen.status).toBe(200);
    expect(chosen.body.chosenEntryId).toBe(easy.body.id);
    const other = (await staffA.get('/api/handbook/search?q=intervjuträning')).body[0].id;
    const wrongTheme = await staffA.put(`/api/sessions/${session.id}/handbook`, { entryId: other });
    expect(wrongTheme.status).toBe(422);
    expect(wrongTheme.body.errors[0].field).toBe('entryId');

    // The substitute: another staff member of the same programme, not the group's own staff.
    const sub = await signIn(
      t,
      (
        await t.app.get(UsersService).createUser({
          email: 'vikarie@test.se',
          displayName: 'Vikarie',
          role: 'staff',
          password: 'a-long-test-password-1',
          programmeIds: [w.programmeA],
        })
      ).email,
    );
    expect((await sub.get(`/api/sessions/${session.id}/handbook`)).body.chosenEntryId).toBe(easy.body.id);
    // A session of another programme's group is not found for staff of programme B.
    expect((await staffB.get(`/api/sessions/${session.id}/handbook`)).status).toBe(404);
  });

  it('lists entries not reviewed in time as stale until someone reviews them', async () => {
    await t.dataSource.query(
      `UPDATE handbook_entry SET created_at = now() - interval '7 months' WHERE id = $1`,
      [entryId],
    );
    const stale = await staffB.get('/api/handbook/stale');
    expect(stale.body.map((e: { id: string }) => e.id)).toEqual([entryId]);
    expect(stale.body[0].stale).toBe(true);
    const reviewed = await staffA.post(`/api/handbook/entries/${entryId}/review`);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.reviewedBy).toBe('staff.a');
    expect(reviewed.body.stale).toBe(false);
    expect((await staffB.get('/api/handbook/stale')).body).toEqual([]);
  });

  it('lists the staff who can be made editors, and who is, to the admin only', async () => {
    const list = await admin.get('/api/handbook/editors');
    expect(list.status).toBe(200);
    const row = (id: string) => list.body.find((r: { userId: string }) => r.userId === id);
    expect(row(w.users.staffA.id)).toEqual({
      userId: w.users.staffA.id,
      displayName: 'staff.a',
      email: w.users.staffA.email,
      editor: true,
    });
    expect(row(w.users.staffB.id).editor).toBe(false);
    expect(row(w.users.admin.id)).toBeUndefined();
    expect(row(w.users.analysisA.id)).toBeUndefined();
    expect((await staffA.get('/api/handbook/editors')).status).toBe(403);
  });

  it('exports the handbook and one module as PDF and DOCX', async () => {
    const whole = await binary(staffB.get('/api/handbook/export.pdf'));
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(whole.body as Buffer);
    expect(text).toContain('Metodhandbok');
    expect(text).toContain('Föreläsningar, vecka 4');
    expect(text).toContain('CV-träning på lättläst svenska');
    expect(text).toContain('Intervjuövning-frågekort.pdf');
    const docx = await binary(staffB.get('/api/handbook/export.docx?module=lectures'));
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Metodhandbok – Föreläsningar.docx')}`,
    );
    const words = docxText(docx.body as Buffer);
    expect(words).toContain('Metodhandbok – Föreläsningar');
    expect(words).toContain('Alternativ: Lättläst');
    expect(words).not.toContain('Farlig text');
  });
});
