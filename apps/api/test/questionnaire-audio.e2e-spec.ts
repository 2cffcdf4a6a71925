import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { openRoundForNewGroup } from './support/survey-round';
import { type Client, seedWorld, signIn, startTestApp, type TestApp, type World } from './support/test-app';

const BASE = '/api/questionnaires/end-of-group/versions/1/audio';

/** Half a second of a 440 Hz tone as 16-bit mono WAV: a real recording's bytes, as a phone would send them. */
function wav(seconds = 0.5, rate = 8000): Buffer {
  const n = Math.floor(seconds * rate);
  const b = Buffer.alloc(44 + n * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + n * 2, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++)
    b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return b;
}

describe('questionnaire audio (e2e)', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let token: string;
  const upload = (c: Client, path: string, data: Buffer, filename: string) =>
    c.agent.put(path).set('x-csrf-token', c.user.csrfToken).attach('file', data, { filename });
  const rows = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM questionnaire_audio'))[0].n as number;
  const blobs = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM file_blob WHERE key LIKE 'survey-audio/%'`))[0]
      .n as number;
  const audioOfSession = async () =>
    (await request(t.http).post('/api/public/surveys/session').send({ token })).body.audio as Record<
      string,
      Record<string, string>
    >;

  beforeAll(async () => {
    t = await startTestApp('questionnaireaudio');
    w = await seedWorld(t);
    staff = await signIn(t, w.users.staffA.email);
    token = (await openRoundForNewGroup(staff, w, { number: 8, names: ['Saba'] })).codes[0].token;
  });
  afterAll(() => t?.close());

  it('lists every text to read in the language, none recorded yet', async () => {
    const res = await staff.get(`${BASE}/ti`);
    expect(res.status).toBe(200);
    expect(res.body.map((x: { key: string }) => x.key)).toEqual([
      'intro',
      'question:overall',
      'question:lectures',
      'question:talks',
      'question:internship',
      'question:internship_rating',
      'question:time',
      'question:wants',
      'question:next',
      'question:comment',
      'message:thanks',
      'message:serverError',
      'message:fixAnswers',
      'message:code',
      'message:unknown',
      'message:used',
      'message:closed',
    ]);
    expect(res.body[2]).toEqual({
      key: 'question:lectures',
      text: 'እቶም መደረታት ክንደይ ጽቡቓት ነይሮም?\n1 ኣዝዩ ሕማቕ\n5 ኣዝዩ ጽቡቕ',
      recording: null,
    });
    expect(await audioOfSession()).toEqual({});
  });

  it('stores an upload, audits it, hands it to the survey site and streams it back byte for byte', async () => {
    const bytes = wav();
    const res = await upload(staff, `${BASE}/ti/question:lectures`, bytes, 'fraga2.wav');
    expect(res.status).toBe(200);
    expect(res.body.key).toBe('question:lectures');
    expect(res.body.recording).toMatchObject({
      contentType: 'audio/wav',
      size: bytes.length,
      uploadedBy: { id: w.users.staffA.id, displayName: staff.user.displayName },
    });
    const id = res.body.recording.id as string;
    expect(await audioOfSession()).toEqual({ ti: { 'question:lectures': id } });
    const audio = await request(t.http)
      .get(`/api/public/surveys/audio/${id}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(audio.status).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Buffer.compare(audio.body as Buffer, bytes)).toBe(0);
    const [event] = await t.dataSource.query(
      `SELECT actor_id, entity_id, details FROM audit_event WHERE action = 'survey.audio.upload'`,
    );
    expect(event).toEqual({
      actor_id: w.users.staffA.id,
      entity_id: 'end-of-group',
      details: {
        version: 1,
        language: 'ti',
        key: 'question:lectures',
        recordingId: id,
        contentType: 'audio/wav',
        size: bytes.length,
      },
    });
  });

  it('a new upload replaces the old: a new id, the old one gone with its bytes', async () => {
    const before = (await staff.get(`${BASE}/ti`)).body[2].recording.id as string;
    const res = await upload(staff, `${BASE}/ti/question:lectures`, wav(0.25), 'ny.wav');
    expect(res.status).toBe(200);
    expect(res.body.recording.id).not.toBe(before);
    expect((await request(t.http).get(`/api/public/surveys/audio/${before}`)).status).toBe(404);
    expect(await rows()).toBe(1);
    expect(await blobs()).toBe(1);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const cases: [string, Buffer, number, string][] = [
      [`${BASE}/fa/question:lectures`, wav(), 400, 'language'],
      [`${BASE}/ti/question:nope`, wav(), 400, 'key'],
      [`${BASE}/ti/question:talks`, Buffer.from('<html><script>alert(1)</script></html>'), 415, 'file'],
      ['/api/questionnaires/end-of-group/versions/x/audio/ti/question:talks', wav(), 400, 'version'],
    ];
    for (const [path, data, status, field] of cases) {
      const res = await upload(staff, path, data, 'a.mp3');
      expect([path, res.status, res.headers['content-type'], res.body.errors?.[0]?.field]).toEqual([
        path,
        status,
        'application/problem+json; charset=utf-8',
        field,
      ]);
    }
    const none = await staff.agent.put(`${BASE}/ti/question:talks`).set('x-csrf-token', staff.user.csrfToken);
    expect([none.status, none.body.errors?.[0]?.field]).toEqual([400, 'file']);
    expect((await staff.get('/api/questionnaires/nope/versions/1/audio/ti')).status).toBe(404);
    expect(await rows()).toBe(1);
    expect(await blobs()).toBe(1);
  });

  it('only staff who manage surveys list, upload or remove recordings', async () => {
    const evaluator = await signIn(t, w.users.evaluatorA.email);
    expect((await evaluator.get(`${BASE}/ti`)).status).toBe(403);
    expect((await upload(evaluator, `${BASE}/ti/intro`, wav(), 'a.wav')).status).toBe(403);
    expect((await evaluator.delete(`${BASE}/ti/question:lectures`)).status).toBe(403);
    expect((await request(t.http).get(`${BASE}/ti`)).status).toBe(401);
    expect(await rows()).toBe(1);
  });

  it('removing a recording audits it, and the survey site goes back to the phone’s voice', async () => {
    const id = (await staff.get(`${BASE}/ti`)).body[2].recording.id as string;
    expect((await staff.delete(`${BASE}/ti/question:lectures`)).status).toBe(204);
    expect((await staff.delete(`${BASE}/ti/question:lectures`)).status).toBe(404);
    expect(await audioOfSession()).toEqual({});
    expect((await request(t.http).get(`/api/public/surveys/audio/${id}`)).status).toBe(404);
    expect(await rows()).toBe(0);
    expect(await blobs()).toBe(0);
    const [event] = await t.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'survey.audio.delete'`,
    );
    expect(event.details).toEqual({ version: 1, language: 'ti', key: 'question:lectures', recordingId: id });
  });

  it('takes an MP4 from a browser recorder (brand "isom", file-type says video) as audio, not one with a picture', async () => {
    // Both recorded by Chromium's MediaRecorder from its fake devices: "audio/mp4" (Opus), and "video/mp4" (VP9 and
    // Opus) at 160×120. Safari's recorder writes the same generic brand.
    const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'audio', name));
    const sound = fixture('recorder-sound-only.mp4');
    expect(sound.subarray(4, 12).toString('latin1')).toBe('ftypisom');
    const res = await upload(staff, `${BASE}/ti/message:thanks`, sound, 'message-thanks-ti.mp4');
    expect([res.status, res.body.recording?.contentType, res.body.recording?.size]).toEqual([
      200,
      'audio/mp4',
      12837,
    ]);
    const served = await request(t.http).get(`/api/public/surveys/audio/${res.body.recording.id}`);
    expect([served.status, served.headers['content-type']]).toEqual([200, 'audio/mp4']);

    const picture = await upload(
      staff,
      `${BASE}/ti/intro`,
      fixture('recorder-with-picture.mp4'),
      'intro.mp4',
    );
    expect([picture.status, picture.body.errors?.[0]?.field, picture.body.code]).toEqual([
      415,
      'file',
      'file_type_not_allowed',
    ]);
    expect((await staff.get(`${BASE}/ti`)).body[0].recording).toBeNull();
    expect(await rows()).toBe(1);
    expect(await blobs()).toBe(1);
  });

  it("hands the site its own screens' recordings before any round is known, and only those", async () => {
    const site = () => request(t.http).get('/api/public/surveys/audio');
    const empty = await site();
    expect([empty.status, empty.headers['cache-control'], empty.body]).toEqual([
      200,
      'public, max-age=60',
      {},
    ]);
    const code = await upload(staff, `${BASE}/ti/message:code`, wav(), 'kodsidan.wav');
    const used = await upload(staff, `${BASE}/so/message:used`, wav(0.25), 'anvand.wav');
    expect([code.status, used.status]).toEqual([200, 200]);
    // The thank-you recorded above belongs to a round's questionnaire: the site gets it with the round, not here.
    expect((await site()).body).toEqual({
      ti: { 'message:code': code.body.recording.id },
      so: { 'message:used': used.body.recording.id },
    });
  });
});
