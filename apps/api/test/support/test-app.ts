import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CSRF_HEADER, type CurrentUserResponse, type Role } from '@stegvis/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { createRootLogger } from '../../src/common/logging/logger';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { OrganisationsService } from '../../src/modules/organisations/organisations.service';
import { UsersService } from '../../src/modules/users/users.service';
import { createApp as createHttpApp } from '../../src/setup-app';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  db: TestDatabase;
  dataSource: DataSource;
  openapi: OpenAPIObject;
  config: AppConfig;
  close(): Promise<void>;
}

async function createApp(db: TestDatabase, env: Record<string, string>) {
  // The suites sign staff in with passwords only; a test about two-factor login passes its own TOTP_REQUIRED_ROLES.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    TOTP_REQUIRED_ROLES: '',
    ...env,
  });
  const { app, openapi } = await createHttpApp(
    AppModule.forRoot(config, db.url),
    config,
    createRootLogger(config),
    false,
  );
  return { app, http: app.getHttpServer(), db, dataSource: app.get(DataSource), openapi, config };
}

export async function startTestApp(suite: string, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(suite);
  const t = await createApp(db, env);
  return {
    ...t,
    close: async () => {
      await t.app.close();
      await db.drop();
    },
  };
}

/** Another instance of the api on the same database, as a second replica behind a load balancer would be. */
export async function startReplica(of: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createApp(of.db, env);
  // The database belongs to `of`, which drops it.
  return { ...t, close: () => t.app.close() };
}

export const PASSWORD = 'a-long-test-password-1';

/** A signed-in client: a cookie jar plus the CSRF header on unsafe requests. */
export interface Client {
  agent: TestAgent;
  user: CurrentUserResponse;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Client> {
  const agent = request.agent(t.http);
  const res = await agent.post('/api/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`login of ${email} gave ${res.status}: ${JSON.stringify(res.body)}`);
  const user = res.body as CurrentUserResponse;
  const csrf = { [CSRF_HEADER]: user.csrfToken };
  return {
    agent,
    user,
    get: (p) => agent.get(p),
    post: (p, b) => agent.post(p).set(csrf).send(b),
    patch: (p, b) => agent.patch(p).set(csrf).send(b),
    put: (p, b) => agent.put(p).set(csrf).send(b),
    delete: (p) => agent.delete(p).set(csrf),
  };
}

export interface World {
  municipalities: { angelholm: string; klippan: string; perstorp: string };
  organisations: { af: string; ifo: string; sfi: string };
  programmeA: string;
  programmeB: string;
  users: Record<
    'admin' | 'staffA' | 'staffB' | 'analysisA' | 'steeringA' | 'evaluatorA',
    { id: string; email: string; role: Role }
  >;
}

/** Two programmes, A and B, and one user per role (allocated to A; staffB to B). */
export async function seedWorld(t: TestApp): Promise<World> {
  const orgs = t.app.get(OrganisationsService);
  const users = t.app.get(UsersService);
  const [angelholm, klippan, perstorp] = await Promise.all([
    orgs.upsertMunicipality('Ängelholm', '1292'),
    orgs.upsertMunicipality('Klippan', '1276'),
    orgs.upsertMunicipality('Perstorp', '1275'),
  ]);
  const [af, ifo, sfi] = await Promise.all([
    orgs.upsertOrganisation('Arbetsförmedlingen', 'employment_service'),
    orgs.upsertOrganisation('Ängelholms kommun, försörjningsstöd', 'income_support'),
    orgs.upsertOrganisation('SFI Ängelholm', 'adult_education'),
  ]);
  const admin = await users.createUser({
    email: 'admin@test.se',
    displayName: 'Ada Admin',
    role: 'admin',
    password: PASSWORD,
  });
  const adminClient = await signIn(t, admin.email);
  const mk = async (name: string, owner: string, municipalityIds: string[]) => {
    const res = await adminClient.post('/api/programmes', {
      name,
      ownerMunicipalityId: owner,
      municipalityIds,
      partnerOrganisationIds: [af.id, ifo.id],
      startDate: '2019-09-03',
      endDate: '2021-12-31',
      targetGroup: 'Utrikes födda kvinnor och män',
      goals: [{ key: 'attendance', description: 'Närvaro minst 80 %', targetValue: 80 }],
    });
    if (res.status !== 201) throw new Error(`seed programme: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const programmeA = await mk('Nästa Steg', angelholm.id, [angelholm.id]);
  const programmeB = await mk('Första Steget', perstorp.id, [perstorp.id, klippan.id]);
  const mkUser = async (
    email: string,
    role: Role,
    programmeIds: string[],
    organisationId: string | null = null,
  ) => {
    const u = await users.createUser({
      email,
      displayName: email.split('@')[0],
      role,
      password: PASSWORD,
      programmeIds,
      organisationId,
    });
    return { id: u.id, email, role };
  };
  return {
    municipalities: { angelholm: angelholm.id, klippan: klippan.id, perstorp: perstorp.id },
    organisations: { af: af.id, ifo: ifo.id, sfi: sfi.id },
    programmeA,
    programmeB,
    users: {
      admin: { id: admin.id, email: admin.email, role: 'admin' },
      staffA: await mkUser('staff.a@test.se', 'staff', [programmeA]),
      staffB: await mkUser('staff.b@test.se', 'staff', [programmeB]),
      analysisA: await mkUser('analys.a@test.se', 'analysis_member', [programmeA], af.id),
      steeringA: await mkUser('styr.a@test.se', 'steering', [programmeA]),
      evaluatorA: await mkUser('utv.a@test.se', 'evaluator', [programmeA]),
    },
  };
}
