import { Client } from 'pg';
import { ADMIN } from './api-process';

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string, email: string, password: string): Promise<Session> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { csrfToken: string };
  return {
    cookie: r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: body.csrfToken,
  };
}

async function post<T>(url: string, s: Session, path: string, body: object): Promise<T> {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

export interface SurveyWorld {
  /** Opens a round for the group; one link token per enrolled participant. */
  openRound(): Promise<{ id: string; tokens: string[] }>;
}

/**
 * A programme, a staff member and one group with `participants` enrolled. The people are inserted with SQL (the
 * faults are about submitting, and 400 participants through the api would take most of the time budget); the
 * round and its codes come from the api, as staff would open them.
 */
export async function seedSurveyWorld(
  apiUrl: string,
  databaseUrl: string,
  participants: number,
): Promise<SurveyWorld> {
  const admin = await login(apiUrl, ADMIN.email, ADMIN.password);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const m = (
      await db.query("INSERT INTO municipality (name, code) VALUES ('Ängelholm', '1292') RETURNING id")
    ).rows[0].id as string;
    const programme = await post<{ id: string }>(apiUrl, admin, '/api/programmes', {
      name: 'Nästa Steg',
      ownerMunicipalityId: m,
      municipalityIds: [m],
      partnerOrganisationIds: [],
      startDate: '2019-09-03',
      endDate: '2030-12-31',
      goals: [],
    });
    const staffPassword = 'another-long-secret-43';
    await post(apiUrl, admin, '/api/users', {
      email: 'staff@faults.local',
      displayName: 'Staff',
      role: 'staff',
      password: staffPassword,
      programmeIds: [programme.id],
    });
    const staff = await login(apiUrl, 'staff@faults.local', staffPassword);
    const group = await post<{ id: string }>(apiUrl, staff, '/api/groups', {
      programmeId: programme.id,
      municipalityId: m,
      number: 1,
      startDate: '2020-01-06',
      endDate: '2020-04-03',
      capacity: 100,
      overIntake: 0,
      deliveryMode: 'on_site',
    });
    await db.query(
      `WITH p AS (
         INSERT INTO participant (id, programme_id, first_name, last_name, gender, pseudonym, version)
         SELECT gen_random_uuid(), $1, 'P' || i, 'Test', CASE WHEN i % 2 = 0 THEN 'woman' ELSE 'man' END, 'Deltagare ' || i, 1 FROM generate_series(1, $3::int) i
         RETURNING id)
       INSERT INTO enrolment (id, participant_id, group_id, start_date, end_date, status)
       SELECT gen_random_uuid(), p.id, $2, date '2020-01-06', date '2020-04-03', 'completed' FROM p`,
      [programme.id, group.id, participants],
    );
    return {
      openRound: async () => {
        const opensAt = new Date(Date.now() - 3_600_000).toISOString();
        const closesAt = new Date(Date.now() + 86_400_000).toISOString();
        const round = await post<{ id: string; codes: { token: string }[] }>(
          apiUrl,
          staff,
          '/api/survey-rounds',
          { groupId: group.id, questionnaireId: 'end-of-group', opensAt, closesAt },
        );
        return { id: round.id, tokens: round.codes.map((c) => c.token) };
      },
    };
  } finally {
    await db.end();
  }
}
