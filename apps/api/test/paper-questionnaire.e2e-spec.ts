import { formatStockholm } from '@stegvis/contracts';
import { binary, pdfText } from './support/files';
import { openRoundForNewGroup } from './support/survey-round';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

describe('the paper questionnaire (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let roundId: string;
  const closesAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const path = (id: string, language?: string) =>
    `/api/survey-rounds/${id}/paper-questionnaire.pdf${language === undefined ? '' : `?language=${language}`}`;

  beforeAll(async () => {
    t = await startTestApp('paper_questionnaire');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    ({ roundId } = await openRoundForNewGroup(staff, w, { number: 4, names: ['Amina'], closesAt }));
  });
  afterAll(() => t?.close());

  it('gives staff the Arabic form as a PDF download named after the programme and the language', async () => {
    const res = await binary(staff.get(path(roundId, 'ar')));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="pappersenkat-nasta-steg-ar.pdf"; filename*=UTF-8\'\'pappersenkat-nasta-steg-ar.pdf',
    );
    const lines = (await pdfText(res.body as Buffer)).split('\n');
    // The title names the round's programme ("Nästa Steg", seedWorld's programme A).
    expect(lines[0]).toBe('ما رأيك في Nästa Steg؟');
    expect(lines).toContain('الرمز من الورقة');
    expect(lines).toContain('السؤال 1 من 9');
    expect(lines).toContain('ما مدى رضاك عن البرنامج بشكل عام؟');
    expect(lines).toContain('السؤال 9 من 9');
  });

  it('prints the round’s closing time in Swedish time on the Swedish form', async () => {
    const res = await binary(staff.get(path(roundId, 'sv')));
    expect(res.status).toBe(200);
    const lines = (await pdfText(res.body as Buffer)).split('\n');
    expect(lines[0]).toBe('Vad tyckte du om Nästa Steg?');
    expect(lines).toContain(
      `Lämna enkäten till personalen eller lägg den i lådan senast ${formatStockholm(closesAt)}.`,
    );
    expect(lines).toContain('Fråga 2 av 9');
    expect(lines).toContain('Hur bra var föreläsningarna?');
  });

  it('answers 400 naming `language` when it is missing or not a questionnaire language', async () => {
    for (const [language, code] of [
      [undefined, 'required'],
      ['de', 'not_allowed'],
      ['fa', 'not_allowed'],
      ['SV', 'not_allowed'],
    ] as const) {
      const res = await staff.get(path(roundId, language));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
        ['language', code],
      ]);
    }
  });

  it('answers 400 naming `language` for a language the programme does not offer (unreviewed)', async () => {
    const admin = await signIn(t, w.users.admin.email);
    const programme = (await admin.get(`/api/programmes/${w.programmeA}`)).body;
    const off = await admin.patch(`/api/programmes/${w.programmeA}`, {
      version: programme.version,
      allowUnreviewedTranslations: false,
    });
    expect(off.status).toBe(200);
    try {
      const res = await staff.get(path(roundId, 'ti'));
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        field: 'language',
        code: 'not_allowed',
        params: { allowed: ['sv', 'sv-easy', 'en'] },
      });
      expect((await binary(staff.get(path(roundId, 'en')))).status).toBe(200);
    } finally {
      const now = (await admin.get(`/api/programmes/${w.programmeA}`)).body;
      await admin.patch(`/api/programmes/${w.programmeA}`, {
        version: now.version,
        allowUnreviewedTranslations: true,
      });
    }
  });

  it('answers 404 for an unknown round and for another programme’s round', async () => {
    const unknown = await staff.get(path('7a1d5f4e-3c2b-4a19-8e6d-5b4c3a291807', 'sv'));
    expect(unknown.status).toBe(404);
    const other = await signIn(t, w.users.staffB.email);
    expect((await other.get(path(roundId, 'sv'))).status).toBe(404);
  });

  it('answers 403 to a role without survey.manage', async () => {
    for (const who of [w.users.steeringA, w.users.evaluatorA, w.users.admin]) {
      const res = await (await signIn(t, who.email)).get(path(roundId, 'sv'));
      expect(res.status).toBe(403);
    }
  });
});
