import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { ProgrammeGoalRequest, Role } from '@stegvis/contracts';
import type { UserContext } from '../../common/context/request-context';
import { HandbookService } from '../../modules/handbook/handbook.service';
import { OrganisationsService } from '../../modules/organisations/organisations.service';
import { ProgrammesService } from '../../modules/programmes/programmes.service';
import { UsersService } from '../../modules/users/users.service';
import { seedDemoProgrammes, seedTargetGroupStats } from './demo-programmes';

export interface DemoCredential {
  email: string;
  role: Role;
  password: string;
}

const MUNICIPALITIES: [string, string][] = [
  ['Ängelholm', '1292'],
  ['Klippan', '1276'],
  ['Perstorp', '1275'],
  ['Örkelljunga', '1257'],
  ['Båstad', '1278'],
];

/**
 * Demo data for `npm start`: the association's municipalities and partners, one user per role, and two programmes
 * with people and figures: Nästa Steg, the reference programme of the seed progress report (its five groups, 51
 * participants, outcomes, attendance, internships and survey rounds), which the staff user leads, and Steg för
 * steg, another lead's, with a group in Perstorp, one in Klippan and a budget (demo-programmes.ts). Nästa Steg
 * sorts first, so it is the programme the admin's and the steering group's screens open with too. Runs only on an
 * empty user table; passwords are random and shown once.
 */
export async function seedDemo(app: INestApplicationContext): Promise<DemoCredential[] | null> {
  const users = app.get(UsersService);
  if ((await users.count()) > 0) return null;
  const orgs = app.get(OrganisationsService);
  const programmes = app.get(ProgrammesService);
  const m: Record<string, string> = {};
  for (const [name, code] of MUNICIPALITIES) m[name] = (await orgs.upsertMunicipality(name, code)).id;
  const af = await orgs.upsertOrganisation('Arbetsförmedlingen', 'employment_service');
  const ifo = await orgs.upsertOrganisation('Ängelholms kommun, försörjningsstöd', 'income_support');
  const sfi = await orgs.upsertOrganisation('SFI Ängelholm', 'adult_education');
  const lc = await orgs.upsertOrganisation('Lärcentrum Klippan', 'adult_education');

  const password = () => randomBytes(12).toString('base64url');
  const creds: DemoCredential[] = [];
  const mk = async (email: string, displayName: string, role: Role, organisationId: string | null = null) => {
    const pw = password();
    const u = await users.createUser({ email, displayName, role, password: pw, organisationId });
    creds.push({ email, role, password: pw });
    return u;
  };
  const admin = await mk('admin@stegvis.local', 'Systemadministratör', 'admin');
  const ctx = {
    user: { ...admin, sessionIdHash: '', csrfToken: '' },
    requestId: 'demo-seed',
    ip: '127.0.0.1',
  };
  const goals: ProgrammeGoalRequest[] = [
    { key: 'attendance', targetValue: 80 },
    { key: 'clear_plan', targetValue: 75, description: 'Som i ansökan till samordningsförbundet' },
    { key: 'work_or_studies', targetValue: 40 },
  ];
  const nastaSteg = await programmes.createProgramme(ctx, {
    name: 'Nästa Steg',
    ownerMunicipalityId: m['Ängelholm'],
    municipalityIds: [m['Ängelholm']],
    partnerOrganisationIds: [af.id, ifo.id, sfi.id],
    startDate: '2019-09-03',
    endDate: '2021-12-31',
    targetGroup:
      'Utrikes födda kvinnor och män som står långt från arbetsmarknaden, med svenska på minst SFI C-nivå.',
    goals,
  });
  const stegForSteg = await programmes.createProgramme(ctx, {
    name: 'Steg för steg',
    ownerMunicipalityId: m['Perstorp'],
    municipalityIds: [m['Perstorp'], m['Klippan']],
    partnerOrganisationIds: [af.id, lc.id],
    startDate: '2021-01-04',
    endDate: '2022-06-30',
    targetGroup: 'Utrikes födda kvinnor i Perstorp och Klippan.',
    goals,
  });
  const staff = await mk('personal@stegvis.local', 'Sara Processledare', 'staff');
  const analysis = await mk('analysgrupp@stegvis.local', 'Ali Handläggare', 'analysis_member', af.id);
  const steering = await mk('styrgrupp@stegvis.local', 'Stina Styrgrupp', 'steering');
  const evaluator = await mk('utvarderare@stegvis.local', 'Erik Utvärderare', 'evaluator');
  await users.allocate([staff.id, analysis.id, steering.id, evaluator.id], nastaSteg.id);
  await users.allocate([steering.id], stegForSteg.id);
  // The staff user is the lead (processledare) of her programme: sees its protected identities and decides who
  // is group staff. Steg för steg stays another programme's, so the demo shows what she may not see; its own lead,
  // whose password nobody is shown, typed its groups in.
  await users.setAllocation(staff.id, nastaSteg.id, true, async () => {});
  const otherLead = await users.createUser({
    email: 'processledare.perstorp@stegvis.local',
    displayName: 'Petra Processledare',
    role: 'staff',
    password: password(),
    leadProgrammeIds: [stegForSteg.id],
  });
  await seedDemoProgrammes(app, {
    reference: {
      id: nastaSteg.id,
      town: { id: m['Ängelholm'], name: 'Ängelholm' },
      lead: await signedIn(users, staff.id),
    },
    twoTowns: {
      id: stegForSteg.id,
      towns: [
        { id: m['Perstorp'], name: 'Perstorp' },
        { id: m['Klippan'], name: 'Klippan' },
      ],
      lead: await signedIn(users, otherLead.id),
    },
  });
  await seedTargetGroupStats(app, ctx, m);
  await seedHandbook(app.get(HandbookService), ctx, {
    ...ctx,
    user: { ...ctx.user, ...staff, programmeIds: [nastaSteg.id] },
  });
  return creds;
}

type SeedCtx = Parameters<HandbookService['create']>[0];

/** The context a signed-in request of the user would have: her programmes and the ones she leads. */
async function signedIn(users: UsersService, id: string): Promise<UserContext> {
  const u = (await users.findById(id))!;
  return {
    requestId: 'demo-seed',
    ip: '127.0.0.1',
    user: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      programmeIds: u.programmeIds,
      leadProgrammeIds: u.leadProgrammeIds,
      sessionIdHash: '',
      csrfToken: '',
    },
  };
}

/** A few handbook entries, so the handbook and the calendar's material are not empty in the demo. */
async function seedHandbook(handbook: HandbookService, adminCtx: SeedCtx, staffCtx: SeedCtx): Promise<void> {
  await handbook.setEditor(adminCtx, staffCtx.user.id, true);
  const base = { templateId: null, links: [] as { title: string; url: string }[] };
  const entries = [
    {
      ...base,
      title: 'Arbetsmarknadskunskap: så fungerar den svenska arbetsmarknaden',
      module: 'lectures' as const,
      week: 3,
      theme: 'Arbetsmarknadskunskap',
      alternative: 'Grundversion',
      whenToUse: 'De flesta grupper, SFI C och uppåt',
      body: 'Mål: deltagarna kan beskriva hur man söker arbete i Sverige och vilka vägar som finns.\n\n1. Inledning (15 min): vad är ett arbete för dig?\n2. Arbetsförmedlingen, bemanningsföretag och kontakter\n3. Övning i par: läs tre platsannonser och hitta kraven\n\nTänk på att många har arbetat informellt – ta vara på erfarenheten.',
      links: [
        { title: 'Arbetsförmedlingen: Hitta jobb', url: 'https://arbetsformedlingen.se/for-arbetssokande' },
      ],
    },
    {
      ...base,
      title: 'CV-träning: skriv ditt första svenska CV',
      module: 'lectures' as const,
      week: 4,
      theme: 'CV-träning',
      alternative: 'Grundversion',
      whenToUse: 'När de flesta skriver egna texter på svenska',
      body: 'Deltagarna skriver ett **eget CV** med mallen och övar på att presentera sig.\n\n- Personuppgifter: bara namn, telefon och e-post\n- Erfarenheter: också hemarbete och ideellt arbete\n- Språk: alla språk du talar',
    },
    {
      ...base,
      title: 'CV-träning på lättläst svenska',
      module: 'lectures' as const,
      week: 4,
      theme: 'CV-träning',
      alternative: 'Lättläst svenska',
      whenToUse: 'När gruppen mest har SFI B eller när tolk saknas',
      body: 'Korta meningar och bilder. Vi gör CV:t **tillsammans** på tavlan, en rad i taget.\n\nTa med: utskrivna CV-mallar med stora rutor.',
    },
    {
      ...base,
      title: 'Presentationsteknik: berätta om dig själv på två minuter',
      module: 'lectures' as const,
      week: 5,
      theme: 'Presentationsteknik',
      alternative: 'Digitalt pass',
      whenToUse: 'När gruppen träffas på distans',
      body: 'Varje deltagare spelar in en kort presentation i mobilen och delar i gruppen. Ge feedback med "två stjärnor och en önskan".',
    },
    {
      ...base,
      title: 'Kartläggningssamtal: stödfrågor',
      module: 'mapping' as const,
      week: 1,
      theme: '',
      alternative: '',
      whenToUse: 'Första och andra veckan',
      body: 'Stödfrågor för det individuella samtalet: utbildning, arbete, hälsa och energi, mål. Skriv inga anteckningar här – de hör till deltagarens akt.',
    },
  ];
  for (const e of entries) await handbook.create(staffCtx, e);
}
