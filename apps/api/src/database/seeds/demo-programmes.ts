import type { INestApplicationContext } from '@nestjs/common';
import type {
  EmployerSector,
  FollowUpMonths,
  Gender,
  Industry,
  InternshipResult,
  LeftReason,
  OutcomeCategory,
  OutcomeDetailCode,
  SwedishLevel,
} from '@stegvis/contracts';
import type { UserContext } from '../../common/context/request-context';
import { EmployersService } from '../../modules/employers/employers.service';
import { GroupsService } from '../../modules/groups/groups.service';
import { OutcomesService } from '../../modules/participants/outcomes.service';
import { ParticipantsService } from '../../modules/participants/participants.service';
import { TemplatesService } from '../../modules/programmes/templates.service';
import { StatisticsService } from '../../modules/statistics/statistics.service';
import { SurveysService } from '../../modules/surveys/surveys.service';
import { referenceProgramme } from './reference-programme-data';

/**
 * The demo's programmes with their people, typed in through the services as staff would: Nästa Steg is the
 * reference programme (reference-programme-data.ts, the figures of the seed progress report), and "Steg för steg"
 * runs in Perstorp and Klippan with a group in each and a budget. Every value is fixed, so every start shows the
 * same figures; only ids, survey codes and passwords differ.
 */

/** The method the seed report describes: 13 weeks, 31 lectures four afternoons a week, 4 weeks of internship. */
const TEMPLATE = {
  // Not "13 veckor": the browser journeys add a template of that name to Nästa Steg (names are unique per programme).
  name: 'Tretton veckor',
  phases: [
    { kind: 'mapping' as const, weeks: 2, lectures: true },
    { kind: 'lectures' as const, weeks: 7, lectures: true },
    { kind: 'internship' as const, weeks: 4, lectures: false },
  ],
  themes: [
    'Arbetsmarknadskunskap',
    'Utbildning',
    'CV-träning',
    'Presentationsteknik',
    'Motivation',
    'Samhällskunskap',
    'Jämställdhet',
    'Hälsa',
  ],
  lectureCount: 31,
  lectureWeekdays: [1, 2, 3, 4],
  lectureStart: '13:00',
  lectureEnd: '15:30',
  computerDayWeekday: null,
};

/** Invented people, by the countries the target group mostly comes from; nobody real. */
const ORIGINS = [
  {
    country: 'Eritrea',
    language: 'tigrinja',
    women: ['Rahel', 'Selam', 'Senait', 'Hiwot', 'Mebrat'],
    men: ['Yonas', 'Tesfay', 'Dawit', 'Haile'],
    surnames: ['Tesfaye', 'Gebremedhin', 'Berhane', 'Kidane', 'Habte'],
  },
  {
    country: 'Somalia',
    language: 'somaliska',
    women: ['Ayan', 'Sagal', 'Rukia', 'Saida', 'Nimco'],
    men: ['Abdi', 'Abdirahman', 'Bashir', 'Farhan'],
    surnames: ['Mohamud', 'Abdullahi', 'Jama', 'Farah', 'Osman'],
  },
  {
    country: 'Syrien',
    language: 'arabiska',
    women: ['Hanan', 'Samira', 'Nour', 'Rana', 'Huda'],
    men: ['Khalid', 'Mustafa', 'Nabil', 'Samir'],
    surnames: ['Haddad', 'Khalil', 'Mansour', 'Saleh', 'Mahmoud'],
  },
  {
    country: 'Afghanistan',
    language: 'dari',
    women: ['Zahra', 'Parisa', 'Soraya', 'Farida', 'Roya'],
    men: ['Ahmad', 'Hamid', 'Javad', 'Reza'],
    surnames: ['Ahmadi', 'Rahimi', 'Hosseini', 'Nazari', 'Amiri'],
  },
  {
    country: 'Irak',
    language: 'kurdiska',
    women: ['Dilan', 'Rojin', 'Asma', 'Shirin', 'Nasrin'],
    men: ['Aram', 'Dler', 'Rashid', 'Bilal'],
    surnames: ['Barzani', 'Qasim', 'Ibrahim', 'Sharifi', 'Noori'],
  },
];

/** A participant's record: the i-th person of the demo gets the same name, age and languages at every start. */
function personFactory() {
  const seen = new Map<string, number>();
  let i = 0;
  return (gender: Gender) => {
    const origin = ORIGINS[i % ORIGINS.length];
    const names = gender === 'man' ? origin.men : origin.women;
    const key = `${origin.country}:${gender}`;
    const c = seen.get(key) ?? 0;
    seen.set(key, c + 1);
    const levels: SwedishLevel[] = ['sfi_c', 'sfi_d', 'sfi_c', 'gruv'];
    const person = {
      firstName: names[c % names.length],
      lastName: origin.surnames[(c + Math.floor(c / names.length)) % origin.surnames.length],
      gender,
      birthYear: 1968 + ((i * 7) % 31),
      countryOfBirth: origin.country,
      yearOfArrival: 2011 + ((i * 3) % 8),
      languages: [origin.language],
      swedishLevel: levels[i % levels.length],
    };
    i++;
    return person;
  };
}

/** Workplaces of the internships, one per industry and town; organisation numbers with a valid check digit. */
const EMPLOYERS: Record<Industry, { name: string; organisationNumber: string; sector: EmployerSector }> = {
  'pre-school/school': {
    name: 'Förskolan Regnbågen',
    organisationNumber: '212000-1363',
    sector: 'municipal',
  },
  retail: { name: 'Livs & Lunch i centrum AB', organisationNumber: '556810-1231', sector: 'private' },
  care: {
    name: 'Solgårdens vård- och omsorgsboende',
    organisationNumber: '212000-1488',
    sector: 'municipal',
  },
  'bakery/café': { name: 'Stenugnsbageriet', organisationNumber: '556820-4563', sector: 'private' },
  'production/warehouse': {
    name: 'Lagerhuset Nordväst AB',
    organisationNumber: '556830-7895',
    sector: 'private',
  },
  'hotel/restaurant': { name: 'Hotell Kronan', organisationNumber: '556840-2464', sector: 'private' },
  'hair/beauty': { name: 'Salong Lugna', organisationNumber: '556850-3576', sector: 'private' },
  'language café': { name: 'Språkcaféet', organisationNumber: '802480-1352', sector: 'non_profit' },
  cleaning: { name: 'Städpoolen AB', organisationNumber: '556860-4689', sector: 'private' },
  other: { name: 'Bärgårdens odlingar', organisationNumber: '556870-5791', sector: 'private' },
};

/** The reference programme's free text (English in the fixture) as staff would have typed it. */
const DETAIL_SV: Record<string, string> = {
  'labour-market training: bricklayer': 'Arbetsmarknadsutbildning, murare',
  'child-minder training (distance)': 'Barnskötarutbildning (distans)',
  'GRUV with CSN': 'GRUV med CSN',
  'GRUV without CSN': 'GRUV utan CSN',
  'assistant-nurse training with language support': 'Undersköterskeutbildning med språkstöd',
  'sales training': 'Säljarutbildning',
  'Swedish 1-3': 'Svenska 1, 2 och 3',
  bakery: 'Bageri',
  cleaning: 'Lokalvård',
  warehouse: 'Lagerarbete',
  'child minder': 'Barnskötare',
  'assistant nurse': 'Undersköterska',
  'purchasing assistant': 'Inköpsassistent',
  'shop assistant': 'Butiksmedarbetare',
  care: 'Inom vården',
  'plan towards work or studies': 'Handlingsplan mot arbete eller studier',
  'health care in focus': 'Vården påkopplad',
  'left in week 1 for an hourly job (not counted as a result)':
    'Slutade vecka 1 för en timanställning (räknas inte som resultat)',
  'moved to another effort before the survey': 'Bytte insats till ARCUS före enkäten',
};

/** Why the reference programme's two early leavers left: the seed report's footnote. */
const LEFT_REASON: Record<string, LeftReason> = { P38: 'got_job', P39: 'other_effort' };

/** The five offers the seed report counts were "anställning/säsongsanställning/timanställning". */
const OFFERS: InternshipResult[] = ['offer_employment', 'offer_seasonal', 'offer_hourly'];

type SurveyAnswers = Record<string, unknown>;

/** Paper answers of the end-of-group questionnaire; in group 4, three of seven had no internship (seed report). */
function paperAnswers(n: number, withoutInternship: number): SurveyAnswers[] {
  const wants = [
    ['digital_skills'],
    ['language_support'],
    ['study_visits'],
    [],
    ['digital_skills', 'more_time'],
    ['meeting_places'],
  ];
  const next = ['work', 'studies', 'studies', 'plan', 'work', 'dont_know'];
  return Array.from({ length: n }, (_, i) => {
    const intern = i >= withoutInternship;
    return {
      overall: [5, 4, 5, 5, 3, 4][i % 6],
      lectures: [4, 5, 4, 3, 5, 4][i % 6],
      talks: [5, 5, 4, 4, 5, 3][i % 6],
      internship: intern ? 'yes' : 'no',
      ...(intern ? { internship_rating: [5, 4, 5, 3][i % 4] } : {}),
      time: i % 5 === 2 ? 'too_short' : 'right',
      wants: wants[i % wants.length],
      next: next[i % next.length],
    };
  });
}

interface Services {
  templates: TemplatesService;
  groups: GroupsService;
  participants: ParticipantsService;
  outcomes: OutcomesService;
  employers: EmployersService;
  surveys: SurveysService;
  statistics: StatisticsService;
}

function servicesOf(app: INestApplicationContext): Services {
  return {
    templates: app.get(TemplatesService),
    groups: app.get(GroupsService),
    participants: app.get(ParticipantsService),
    outcomes: app.get(OutcomesService),
    employers: app.get(EmployersService),
    surveys: app.get(SurveysService),
    statistics: app.get(StatisticsService),
  };
}

/** One participant of a demo group, whatever the programme. */
interface DemoPerson {
  gender: Gender;
  enrolment: 'completed' | 'left_early' | 'active';
  /** Lectures held while enrolled (all of the group's for a completer) and those attended. */
  held: number | 'all';
  present: number | ((held: number) => number);
  leftReason?: LeftReason;
  outcome: { category: OutcomeCategory; detailCode: OutcomeDetailCode | null; detail: string } | null;
  internship: { industry: Industry; result: InternshipResult } | null;
  followUps?: { months: FollowUpMonths; category: OutcomeCategory; detail: string }[];
}

/** A municipality of a programme, by id and name. */
export interface Town {
  id: string;
  name: string;
}

interface DemoGroup {
  town: Town;
  number: number;
  start: string;
  end: string;
  people: DemoPerson[];
  survey: { answered: number; withoutInternship: number } | null;
}

const addMonths = (date: string, months: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * Types one group in: the group from the template, its people enrolled, a register of the lectures they attended,
 * how they left, their outcomes and follow-ups, internships and the paper survey at the end.
 */
async function seedGroup(
  s: Services,
  ctx: UserContext,
  programmeId: string,
  templateId: string,
  g: DemoGroup,
  person: (gender: Gender) => ReturnType<ReturnType<typeof personFactory>>,
  employerFor: (industry: Industry, town: Town) => Promise<string>,
): Promise<void> {
  const group = await s.groups.createGroup(ctx, {
    programmeId,
    municipalityId: g.town.id,
    number: g.number,
    startDate: g.start,
    endDate: g.end,
    capacity: 10,
    overIntake: 2,
    deliveryMode: 'on_site',
    templateId,
  });
  const lectures = (group.calendar?.sessions ?? []).filter((x) => x.kind === 'lecture');
  // Names are handed out in the group's order before the writes, which run side by side to keep the seed fast.
  const records = g.people.map((p) => person(p.gender));
  const enrolled = await Promise.all(
    g.people.map(async (p, i) => {
      const created = await s.participants.createParticipant(ctx, { programmeId, ...records[i] });
      const e = await s.participants.enrol(ctx, created.id, group.id, g.start);
      return { id: e.id, p, held: p.held === 'all' ? lectures.length : p.held };
    }),
  );
  const marks = enrolled.flatMap(({ id, p, held }) => {
    const present = typeof p.present === 'function' ? p.present(held) : p.present;
    return lectures.slice(0, held).map((l, i) => ({
      sessionId: l.id,
      enrolmentId: id,
      status: i < present ? ('present' as const) : ('unexcused' as const),
    }));
  });
  await s.groups.saveAttendance(ctx, group.id, { marks }, `demo-seed-${group.id}`);
  await Promise.all(
    enrolled.map(async ({ id, p, held }) => {
      // An early leaver left after the last lecture she was there for.
      const left = lectures[Math.max(held, 1) - 1].date;
      if (p.enrolment === 'completed')
        await s.participants.updateEnrolment(ctx, id, { status: 'completed', endDate: g.end });
      if (p.enrolment === 'left_early')
        await s.participants.updateEnrolment(ctx, id, {
          status: 'left_early',
          endDate: left,
          leftReason: p.leftReason ?? 'other',
        });
      if (p.outcome)
        await s.outcomes.setOutcome(ctx, id, {
          ...p.outcome,
          date: p.enrolment === 'left_early' ? left : g.end,
        });
      for (const f of p.followUps ?? [])
        await s.outcomes.addFollowUp(ctx, id, { ...f, date: addMonths(g.end, f.months) });
      if (p.internship)
        await s.employers.createInternship(ctx, {
          enrolmentId: id,
          employerId: await employerFor(p.internship.industry, g.town),
          periodNumber: 1,
          startDate: lectures[lectures.length - 1].date,
          endDate: g.end,
          wishedSector: true,
          result: p.internship.result,
        });
    }),
  );
  if (g.survey) {
    // Paper slips typed in after the last day. The round closes half a minute after the seed opened it, so its
    // results are released (closed, at least k answers) by the time anyone has signed in.
    const round = await s.surveys.openRound(ctx, {
      groupId: group.id,
      questionnaireId: 'end-of-group',
      opensAt: `${g.end}T08:00:00Z`,
      closesAt: new Date(Date.now() + 30_000).toISOString(),
    });
    await Promise.all(
      paperAnswers(g.survey.answered, g.survey.withoutInternship).map((answers, i) =>
        s.surveys.paper(ctx, round.id, round.codes[i].shortCode, `demo-seed-${round.id}-${i}`, {
          language: i % 4 === 3 ? 'ar' : 'sv',
          answers,
        }),
      ),
    );
  }
}

function employerLookup(s: Services, ctx: UserContext) {
  // The promise is kept, so two internships asking at once share one employer.
  const made = new Map<string, Promise<string>>();
  return (industry: Industry, town: Town) => {
    const key = `${industry}:${town.id}`;
    let id = made.get(key);
    if (!id) {
      const e = EMPLOYERS[industry];
      id = s.employers
        .createEmployer(ctx, {
          name: `${e.name}, ${town.name}`,
          organisationNumber: e.organisationNumber,
          sector: e.sector,
          industry,
          municipalityId: town.id,
        })
        .then((x) => x.id);
      made.set(key, id);
    }
    return id;
  };
}

export interface DemoProgrammes {
  /** Nästa Steg: the reference programme, in Ängelholm, typed in by its lead. */
  reference: { id: string; town: Town; lead: UserContext };
  /** Steg för steg: Perstorp (owner) and Klippan, typed in by its own lead. */
  twoTowns: { id: string; towns: [Town, Town]; lead: UserContext };
}

/** Both demo programmes' groups, people and figures; the target-group statistics of the seed report. */
export async function seedDemoProgrammes(
  app: INestApplicationContext,
  programmes: DemoProgrammes,
): Promise<void> {
  const s = servicesOf(app);
  const person = personFactory();

  // Nästa Steg, exactly as the reference programme: the seed report's groups, people and figures.
  const ref = programmes.reference;
  const ctx = ref.lead;
  const employerFor = employerLookup(s, ctx);
  const tpl = await s.templates.createTemplate(ctx, ref.id, TEMPLATE);
  let offers = 0;
  for (const g of referenceProgramme.groups) {
    const rows = referenceProgramme.participants.filter((p) => p.group === g.number);
    const round = referenceProgramme.surveyRounds.find((r) => r.group === g.number);
    await seedGroup(
      s,
      ctx,
      ref.id,
      tpl.id,
      {
        town: ref.town,
        number: g.number,
        start: g.start,
        end: g.end,
        people: rows.map((r) => ({
          gender: r.gender,
          enrolment: r.enrolment === 'left early' ? 'left_early' : r.enrolment,
          held: r.attendance.held,
          present: r.attendance.present,
          leftReason: LEFT_REASON[r.ref],
          outcome: r.outcome && {
            category: r.outcome.category,
            detailCode: r.outcome.detailCode,
            detail: DETAIL_SV[r.outcome.detail] ?? r.outcome.detail,
          },
          internship: r.internship && {
            industry: r.internship.sector,
            result: r.internship.ledToOffer ? OFFERS[offers++ % OFFERS.length] : 'completed',
          },
        })),
        // Group 4: three of the seven who answered had no internship.
        survey: round ? { answered: round.answered, withoutInternship: g.number === 4 ? 3 : 0 } : null,
      },
      person,
      employerFor,
    );
  }

  // Steg för steg: one group in each municipality, coded outcomes with follow-ups, and a budget.
  const two = programmes.twoTowns;
  const [perstorp, klippan] = two.towns;
  const tpl2 = await s.templates.createTemplate(two.lead, two.id, TEMPLATE);
  const employerFor2 = employerLookup(s, two.lead);
  for (const g of twoTownGroups(perstorp, klippan))
    await seedGroup(s, two.lead, two.id, tpl2.id, g, person, employerFor2);
  for (const b of twoTownBudget(perstorp, klippan)) await s.statistics.saveBudget(two.lead, two.id, b);
}

/** The seed report's table of the target group (foreign-born, registered at Arbetsförmedlingen) per municipality. */
export async function seedTargetGroupStats(
  app: INestApplicationContext,
  adminCtx: UserContext,
  municipalityIds: Record<string, string>,
): Promise<void> {
  await app.get(StatisticsService).saveStats(
    adminCtx,
    TARGET_GROUP_STATS.map(([name, date, openlyUnemployed, inProgramme]) => ({
      municipalityId: municipalityIds[name],
      date,
      openlyUnemployed,
      inProgramme,
    })),
  );
}

const absent = (n: number) => (held: number) => held - n;
const work = (code: OutcomeDetailCode, detail: string) => ({
  category: 'work' as const,
  detailCode: code,
  detail,
});
const studies = (code: OutcomeDetailCode, detail: string) => ({
  category: 'studies' as const,
  detailCode: code,
  detail,
});
const intern = (industry: Industry, result: InternshipResult = 'completed') => ({ industry, result });
const done = (
  outcome: DemoPerson['outcome'],
  absences: number,
  internship: DemoPerson['internship'],
  followUps?: DemoPerson['followUps'],
): DemoPerson => ({
  gender: 'woman',
  enrolment: 'completed',
  held: 'all',
  present: absent(absences),
  outcome,
  internship,
  followUps,
});

/**
 * Steg för steg's two groups: Perstorp's group 1 (12 women) in the first tertial of 2021 and Klippan's group 2
 * (14 women) across the first and second. Perstorp: 4 to work, 3 to studies, 2 plans, 1 health, 2 other (one
 * moved away early); Klippan: 5 to work, 4 to studies, 2 plans, 2 health, 1 left in week 2 for a job.
 */
function twoTownGroups(perstorp: Town, klippan: Town): DemoGroup[] {
  const fu3 = (category: OutcomeCategory, detail: string) => [{ months: 3 as const, category, detail }];
  return [
    {
      town: perstorp,
      number: 1,
      start: '2021-01-18',
      end: '2021-04-16',
      survey: { answered: 9, withoutInternship: 2 },
      people: [
        done(
          work('introduction_job', 'Undersköterska'),
          2,
          intern('care', 'offer_employment'),
          fu3('work', 'Undersköterska'),
        ),
        done(
          work('introduction_job', 'Lokalvård'),
          3,
          intern('cleaning', 'offer_employment'),
          fu3('work', 'Lokalvård'),
        ),
        done(work('extra_job', 'Kök på äldreboende'), 1, intern('hotel/restaurant')),
        done(work('unsubsidised_employment', 'Butiksmedarbetare'), 4, intern('retail', 'offer_hourly')),
        done(studies('sfi', 'SFI kurs D'), 2, intern('pre-school/school'), fu3('studies', 'SFI kurs D')),
        done(studies('gruv', 'GRUV svenska'), 5, intern('pre-school/school')),
        done(studies('vocational_training', 'Barnskötarutbildning'), 3, intern('pre-school/school')),
        done(
          { category: 'plan', detailCode: 'clear_plan', detail: 'Plan mot vårdutbildning' },
          6,
          intern('care'),
        ),
        done(
          { category: 'plan', detailCode: 'work_trial', detail: 'Arbetsprövning i second hand-butik' },
          7,
          intern('retail'),
        ),
        done(
          { category: 'health', detailCode: 'care_contact', detail: 'Kontakt med vårdcentralen' },
          9,
          null,
        ),
        done({ category: 'other', detailCode: 'parental_leave', detail: 'Föräldraledig' }, 8, null),
        {
          gender: 'woman',
          enrolment: 'left_early',
          held: 14,
          present: 12,
          leftReason: 'moved',
          outcome: { category: 'other', detailCode: 'moved_away', detail: 'Flyttade till Malmö' },
          internship: null,
        },
      ],
    },
    {
      town: klippan,
      number: 2,
      start: '2021-03-08',
      end: '2021-06-04',
      survey: { answered: 12, withoutInternship: 3 },
      people: [
        done(
          work('introduction_job', 'Barnskötare'),
          1,
          intern('pre-school/school', 'offer_employment'),
          fu3('work', 'Barnskötare'),
        ),
        done(work('new_start_job', 'Lagerarbete'), 2, intern('production/warehouse', 'offer_employment')),
        done(
          work('hourly_on_call', 'Timvikarie i förskolan'),
          2,
          intern('pre-school/school', 'offer_hourly'),
        ),
        done(work('wage_subsidy', 'Vaktmästeri'), 4, intern('production/warehouse')),
        done(work('seasonal_work', 'Jordgubbsodling'), 3, intern('other', 'offer_seasonal')),
        done(studies('folk_high_school', 'Folkhögskola, allmän kurs'), 2, intern('language café')),
        done(
          studies('swedish_1_3', 'Svenska 1'),
          1,
          intern('pre-school/school'),
          fu3('studies', 'Svenska 2'),
        ),
        done(studies('labour_market_training', 'Arbetsmarknadsutbildning, lokalvård'), 3, intern('cleaning')),
        done(studies('sfi', 'SFI kurs D'), 5, intern('retail')),
        done({ category: 'plan', detailCode: 'clear_plan', detail: 'Plan mot GRUV' }, 4, intern('care')),
        done({ category: 'plan', detailCode: 'clear_plan', detail: 'Plan mot yrkesutbildning' }, 6, null),
        done(
          {
            category: 'health',
            detailCode: 'coordinated_rehabilitation',
            detail: 'Samordnad rehabilitering via FINSAM',
          },
          8,
          null,
        ),
        done(
          {
            category: 'health',
            detailCode: 'work_capacity_assessment',
            detail: 'Utredning av arbetsförmåga',
          },
          7,
          null,
        ),
        {
          gender: 'woman',
          enrolment: 'left_early',
          held: 6,
          present: 6,
          leftReason: 'got_job',
          outcome: {
            category: 'other',
            detailCode: 'left_for_job',
            detail: 'Slutade vecka 2 för en anställning på lager',
          },
          internship: null,
        },
      ],
    },
  ];
}

/** Steg för steg's money for 2021: approved, invoiced per tertial (T3 not yet), forecast. Kronor. */
function twoTownBudget(perstorp: Town, klippan: Town) {
  return [
    {
      municipalityId: perstorp.id,
      year: 2021,
      approved: 1_030_000,
      invoiced: [342_150, 298_400, 0],
      forecast: 1_010_000,
    },
    {
      municipalityId: klippan.id,
      year: 2021,
      approved: 860_000,
      invoiced: [121_300, 305_750, 0],
      forecast: 845_000,
    },
  ];
}

/** The seed report's "Statistik": foreign-born at Arbetsförmedlingen, openly unemployed and in a programme. */
const TARGET_GROUP_STATS: [
  municipality: string,
  date: string,
  openlyUnemployed: number,
  inProgramme: number,
][] = [
  ['Båstad', '2019-09-01', 54, 113],
  ['Klippan', '2019-09-01', 131, 188],
  ['Perstorp', '2019-09-01', 110, 210],
  ['Ängelholm', '2019-09-01', 182, 293],
  ['Örkelljunga', '2019-09-01', 71, 111],
  ['Båstad', '2021-03-01', 87, 118],
  ['Klippan', '2021-03-01', 172, 161],
  ['Perstorp', '2021-03-01', 101, 217],
  ['Ängelholm', '2021-03-01', 223, 314],
  ['Örkelljunga', '2021-03-01', 56, 130],
];
