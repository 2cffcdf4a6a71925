/**
 * The words a person sees for every enumerated value, Swedish and English, in one place: the admin's screens
 * (apps/admin/src/app/core/i18n/labels.ts), the report files (packages/reports) and the api's PDFs and CSVs all
 * read them here, so a screen and a file say the same thing. Each table is typed by its enumeration, so a value
 * added to an `as const` list without a label does not compile; labels.spec.ts in the admin checks that every
 * list exported here has a table (LABELLED_LISTS).
 */
import type { AuditAction, AuditEntityType, AuditOutcome } from './audit.js';
import type { ContactOutcome, EmployerSector, Industry, InternshipResult, NoReason } from './employers.js';
import type {
  AbsenceReason,
  AttendanceStatus,
  DeliveryMode,
  PhaseKind,
  SessionKind,
  SessionStatus,
} from './groups.js';
import type { HandbookFileType, HandbookModule } from './handbook.js';
import type { ImportRowFate } from './imports.js';
import type {
  AfStatus,
  AssessmentDimension,
  AssessmentStage,
  ConsentPurpose,
  EducationLevel,
  EnrolmentStatus,
  Gender,
  LeftReason,
  MoveReason,
  NeedKind,
  OutcomeCategory,
  OutcomeDetailCode,
  SupportKind,
  SwedishLevel,
} from './participants.js';
import type { PasswordProblem } from './password.js';
import type { GoalKey, GoalUnit, OrganisationKind } from './programmes.js';
import type { Decision, MeetingStatus, Priority, ReferralStatus, ReferringKind } from './referrals.js';
import type { Role } from './roles.js';
import type { CommitteeKind, StaffRole } from './staffing.js';
import type { AudioFileType, SurveyLanguage, TranslationStatus } from './surveys.js';

export interface Label {
  readonly sv: string;
  readonly en: string;
}

export type LabelLanguage = keyof Label;

const gender = {
  woman: { sv: 'Kvinna', en: 'Woman' },
  man: { sv: 'Man', en: 'Man' },
  other: { sv: 'Annat', en: 'Other' },
} as const satisfies Record<Gender, Label>;

const enrolmentStatus = {
  active: { sv: 'Pågående', en: 'Active' },
  completed: { sv: 'Genomförd', en: 'Completed' },
  left_early: { sv: 'Avbrott', en: 'Left early' },
} as const satisfies Record<EnrolmentStatus, Label>;

const leftReason = {
  personal: { sv: 'Personliga skäl', en: 'Personal reasons' },
  moved: { sv: 'Flyttat', en: 'Moved away' },
  got_job: { sv: 'Fick arbete', en: 'Got a job' },
  health: { sv: 'Hälsoskäl', en: 'Health reasons' },
  parental_leave: { sv: 'Föräldraledighet', en: 'Parental leave' },
  other_effort: { sv: 'Gick till en annan insats', en: 'Moved to another programme' },
  other: { sv: 'Annat', en: 'Other' },
} as const satisfies Record<LeftReason, Label>;

const moveReason = {
  schedule: { sv: 'Tiderna passar bättre', en: 'The times suit her better' },
  language_level: { sv: 'Svenskanivån passar bättre', en: 'The Swedish level suits her better' },
  moved_home: { sv: 'Flyttat inom området', en: 'Moved home within the area' },
  group_cancelled: { sv: 'Gruppen ställdes in', en: 'The group was cancelled' },
  other: { sv: 'Annat skäl', en: 'Another reason' },
} as const satisfies Record<MoveReason, Label>;

const swedishLevel = {
  sfi_a: { sv: 'SFI A', en: 'SFI A' },
  sfi_b: { sv: 'SFI B', en: 'SFI B' },
  sfi_c: { sv: 'SFI C', en: 'SFI C' },
  sfi_d: { sv: 'SFI D', en: 'SFI D' },
  gruv: { sv: 'GRUV', en: 'GRUV (adult basic education)' },
  none: { sv: 'Ingen SFI eller GRUV', en: 'No SFI or GRUV' },
} as const satisfies Record<SwedishLevel, Label>;

const educationLevel = {
  none: { sv: 'Ingen skolgång', en: 'No schooling' },
  primary: { sv: 'Grundskola, kortare än 9 år', en: 'Primary school, less than 9 years' },
  secondary: { sv: 'Grundskola, 9 år', en: 'Compulsory school, 9 years' },
  upper_secondary: { sv: 'Gymnasium', en: 'Upper secondary school' },
  post_secondary: { sv: 'Eftergymnasial utbildning', en: 'Post-secondary education' },
  university: { sv: 'Universitet eller högskola', en: 'University' },
} as const satisfies Record<EducationLevel, Label>;

const afStatus = {
  openly_unemployed: { sv: 'Öppet arbetslös', en: 'Openly unemployed' },
  in_programme: { sv: 'I program hos Arbetsförmedlingen', en: 'In an Employment Service programme' },
  not_registered: { sv: 'Inte inskriven', en: 'Not registered' },
  other: { sv: 'Annat', en: 'Other' },
} as const satisfies Record<AfStatus, Label>;

const consentPurpose = {
  participation: { sv: 'Deltagande i insatsen', en: 'Taking part in the programme' },
  share_with_partner: { sv: 'Dela uppgifter med samverkanspart', en: 'Sharing with a partner organisation' },
  national_followup: { sv: 'Nationell uppföljning (Uppföljning Finsam)', en: 'National follow-up (Finsam)' },
  surveys: { sv: 'Enkäter', en: 'Surveys' },
} as const satisfies Record<ConsentPurpose, Label>;

const needKind = {
  study_advice: { sv: 'Studievägledning', en: 'Study advice' },
  possible_disability: { sv: 'Möjlig funktionsnedsättning', en: 'Possible disability' },
  authority_help: { sv: 'Hjälp med myndighetskontakter', en: 'Help with authorities' },
  cv_interview: { sv: 'CV- och intervjuträning', en: 'CV and interview training' },
  health_physical: { sv: 'Fysisk hälsa', en: 'Physical health' },
  health_mental: { sv: 'Psykisk hälsa', en: 'Mental health' },
} as const satisfies Record<NeedKind, Label>;

const assessmentDimension = {
  swedish: { sv: 'Svenska', en: 'Swedish' },
  digital_skills: { sv: 'Digital kompetens', en: 'Digital skills' },
  labour_market_knowledge: { sv: 'Kunskap om arbetsmarknaden', en: 'Labour-market knowledge' },
  job_search: { sv: 'Jobbsökande', en: 'Job search' },
  network: { sv: 'Nätverk', en: 'Network' },
  health_energy: { sv: 'Hälsa och ork', en: 'Health and energy' },
  self_belief: { sv: 'Tro på egen förmåga', en: 'Self-belief' },
} as const satisfies Record<AssessmentDimension, Label>;

const assessmentStage = {
  start: { sv: 'Start', en: 'Start' },
  middle: { sv: 'Mitten', en: 'Middle' },
  end: { sv: 'Slut', en: 'End' },
} as const satisfies Record<AssessmentStage, Label>;

// The words of the progress reports (docs/glossary.md, "avslut / resultat").
const outcomeCategory = {
  work: { sv: 'Arbete', en: 'Work' },
  studies: { sv: 'Studier', en: 'Studies' },
  plan: { sv: 'Planering mot arbete eller studier', en: 'A plan towards work or studies' },
  health: { sv: 'Ohälsa som hinder', en: 'Ill-health as the obstacle' },
  other: { sv: 'Annat', en: 'Other' },
  none: { sv: 'Varken arbete, studier eller planering', en: 'Neither work, studies nor a plan' },
} as const satisfies Record<OutcomeCategory, Label>;

const outcomeDetail = {
  unsubsidised_employment: { sv: 'Osubventionerad anställning', en: 'Unsubsidised employment' },
  introduction_job: { sv: 'Introduktionsjobb', en: 'Introduction job' },
  extra_job: { sv: 'Extratjänst', en: 'Extra job' },
  new_start_job: { sv: 'Nystartsjobb', en: 'New-start job' },
  wage_subsidy: { sv: 'Lönebidrag', en: 'Wage subsidy' },
  hourly_on_call: { sv: 'Timanställning eller behovsanställning', en: 'Hourly or on-call work' },
  seasonal_work: { sv: 'Säsongsarbete', en: 'Seasonal work' },
  sfi: { sv: 'SFI', en: 'SFI (Swedish for immigrants)' },
  gruv: { sv: 'GRUV (grundläggande vuxenutbildning)', en: 'GRUV (adult basic education)' },
  vocational_training: { sv: 'Yrkesutbildning', en: 'Vocational training' },
  labour_market_training: { sv: 'Arbetsmarknadsutbildning', en: 'Labour-market training' },
  folk_high_school: { sv: 'Folkhögskola', en: 'Folk high school' },
  swedish_1_3: { sv: 'Svenska som andraspråk 1–3', en: 'Swedish as a second language 1–3' },
  clear_plan: { sv: 'Tydlig plan mot arbete eller studier', en: 'A clear plan towards work or studies' },
  work_trial: { sv: 'Arbetsprövning', en: 'Work trial' },
  work_capacity_assessment: { sv: 'Utredning av arbetsförmåga', en: 'Assessment of work capacity' },
  care_contact: { sv: 'Vårdkontakt', en: 'Care contact' },
  coordinated_rehabilitation: { sv: 'Samordnad rehabilitering', en: 'Coordinated rehabilitation' },
  parental_leave: { sv: 'Föräldraledighet', en: 'Parental leave' },
  moved_away: { sv: 'Flyttat från orten', en: 'Moved away' },
  other_effort: { sv: 'Annan insats', en: 'Another programme' },
  left_for_job: {
    sv: 'Slutade direkt för ett arbete (räknas inte som resultat)',
    en: 'Left at once for a job (not counted as a result)',
  },
} as const satisfies Record<OutcomeDetailCode, Label>;

const supportKind = {
  income_support: { sv: 'Försörjningsstöd', en: 'Income support' },
  activity_support: { sv: 'Aktivitetsstöd', en: 'Activity support' },
  salary: { sv: 'Lön', en: 'Salary' },
  student_finance: { sv: 'Studiemedel (CSN)', en: 'Student finance (CSN)' },
  sickness_benefit: { sv: 'Sjukpenning', en: 'Sickness benefit' },
  parental_benefit: { sv: 'Föräldrapenning', en: 'Parental benefit' },
  none: { sv: 'Ingen försörjning', en: 'No income' },
  other: { sv: 'Annan försörjning', en: 'Other income' },
} as const satisfies Record<SupportKind, Label>;

const employerSector = {
  municipal: { sv: 'Kommunal', en: 'Municipal' },
  regional: { sv: 'Regional', en: 'Regional' },
  state: { sv: 'Statlig', en: 'State' },
  private: { sv: 'Privat', en: 'Private' },
  non_profit: { sv: 'Ideell', en: 'Non-profit' },
} as const satisfies Record<EmployerSector, Label>;

const industry = {
  'pre-school/school': { sv: 'Förskola/skola', en: 'Pre-school/school' },
  retail: { sv: 'Butik/handel', en: 'Retail' },
  care: { sv: 'Vård/omsorg', en: 'Care' },
  'bakery/café': { sv: 'Bageri/café', en: 'Bakery/café' },
  'production/warehouse': { sv: 'Produktion/lager', en: 'Production/warehouse' },
  'hotel/restaurant': { sv: 'Hotell/restaurang', en: 'Hotel/restaurant' },
  'hair/beauty': { sv: 'Frisör/skönhet', en: 'Hair/beauty' },
  cleaning: { sv: 'Lokalvård', en: 'Cleaning' },
  'language café': { sv: 'Språkcafé', en: 'Language café' },
  other: { sv: 'Övrigt', en: 'Other' },
} as const satisfies Record<Industry, Label>;

const contactOutcome = {
  asked: { sv: 'Tillfrågad', en: 'Asked' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  later: { sv: 'Senare', en: 'Later' },
} as const satisfies Record<ContactOutcome, Label>;

const noReason = {
  pandemic: { sv: 'Pandemin', en: 'The pandemic' },
  language_demands: { sv: 'Språkkrav', en: 'Language demands' },
  places_taken_by_others: { sv: 'Platserna tagna av andra anordnare', en: 'Places taken by other providers' },
  no_capacity: { sv: 'Inget utrymme att ta emot', en: 'No room to take anyone' },
  other: { sv: 'Annat', en: 'Other' },
} as const satisfies Record<NoReason, Label>;

const internshipResult = {
  ongoing: { sv: 'Pågår', en: 'Ongoing' },
  completed: { sv: 'Genomförd', en: 'Completed' },
  extended: { sv: 'Förlängd', en: 'Extended' },
  offer_employment: { sv: 'Erbjudande om anställning', en: 'Offer of employment' },
  offer_seasonal: { sv: 'Erbjudande om säsongsarbete', en: 'Offer of seasonal work' },
  offer_hourly: { sv: 'Erbjudande om timanställning', en: 'Offer of hourly work' },
  broken_off: { sv: 'Avbruten', en: 'Broken off' },
} as const satisfies Record<InternshipResult, Label>;

const phaseKind = {
  mapping: { sv: 'Kartläggning', en: 'Mapping' },
  lectures: { sv: 'Föreläsningar', en: 'Lectures' },
  internship: { sv: 'Praktik', en: 'Internship' },
  job_search: { sv: 'Jobb- och studiesök', en: 'Job and study search' },
} as const satisfies Record<PhaseKind, Label>;

const deliveryMode = {
  on_site: { sv: 'På plats', en: 'On site' },
  digital: { sv: 'Digitalt', en: 'Digital' },
  hybrid: { sv: 'Hybrid', en: 'Hybrid' },
  split: { sv: 'Uppdelad i undergrupper', en: 'Split into sub-groups' },
} as const satisfies Record<DeliveryMode, Label>;

const sessionKind = {
  lecture: { sv: 'Föreläsning', en: 'Lecture' },
  computer_day: { sv: 'Datordag', en: 'Computer day' },
  study_visit: { sv: 'Studiebesök', en: 'Study visit' },
  other: { sv: 'Övrigt', en: 'Other' },
} as const satisfies Record<SessionKind, Label>;

const sessionStatus = {
  scheduled: { sv: 'Planerat', en: 'Scheduled' },
  cancelled: { sv: 'Inställt', en: 'Cancelled' },
} as const satisfies Record<SessionStatus, Label>;

const attendanceStatus = {
  present: { sv: 'Närvarande', en: 'Present' },
  excused: { sv: 'Giltig frånvaro', en: 'Excused' },
  unexcused: { sv: 'Ogiltig frånvaro', en: 'Unexcused' },
} as const satisfies Record<AttendanceStatus, Label>;

const absenceReason = {
  sick_child: { sv: 'Vård av barn', en: 'Sick child' },
  own_sickness: { sv: 'Egen sjukdom', en: 'Own sickness' },
  authority_appointment: { sv: 'Myndighetsbesök', en: 'Authority appointment' },
  doctor_appointment: { sv: 'Läkarbesök', en: 'Doctor appointment' },
  other: { sv: 'Annat', en: 'Other' },
} as const satisfies Record<AbsenceReason, Label>;

const handbookModule = {
  mapping: { sv: 'Kartläggning', en: 'Mapping' },
  lectures: { sv: 'Föreläsningar', en: 'Lectures' },
  internship: { sv: 'Praktik', en: 'Internship' },
  follow_up: { sv: 'Uppföljning', en: 'Follow-up' },
  other: { sv: 'Övrigt', en: 'Other' },
} as const satisfies Record<HandbookModule, Label>;

const audioFileType = {
  'audio/mpeg': { sv: 'Ljud (MP3)', en: 'Audio (MP3)' },
  'audio/mp4': { sv: 'Ljud (M4A)', en: 'Audio (M4A)' },
  'audio/ogg': { sv: 'Ljud (Ogg)', en: 'Audio (Ogg)' },
  'audio/webm': { sv: 'Ljud (WebM)', en: 'Audio (WebM)' },
  'audio/wav': { sv: 'Ljud (WAV)', en: 'Audio (WAV)' },
} as const satisfies Record<AudioFileType, Label>;

const handbookFileType = {
  'application/pdf': { sv: 'PDF', en: 'PDF' },
  'image/png': { sv: 'Bild (PNG)', en: 'Image (PNG)' },
  'image/jpeg': { sv: 'Bild (JPEG)', en: 'Image (JPEG)' },
  'image/gif': { sv: 'Bild (GIF)', en: 'Image (GIF)' },
  'image/webp': { sv: 'Bild (WebP)', en: 'Image (WebP)' },
  'video/mp4': { sv: 'Film (MP4)', en: 'Video (MP4)' },
  'video/webm': { sv: 'Film (WebM)', en: 'Video (WebM)' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    sv: 'Presentation (PowerPoint)',
    en: 'Slides (PowerPoint)',
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    sv: 'Dokument (Word)',
    en: 'Document (Word)',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    sv: 'Kalkylblad (Excel)',
    en: 'Spreadsheet (Excel)',
  },
  'application/vnd.oasis.opendocument.presentation': {
    sv: 'Presentation (OpenDocument)',
    en: 'Slides (OpenDocument)',
  },
  'application/vnd.oasis.opendocument.text': { sv: 'Dokument (OpenDocument)', en: 'Document (OpenDocument)' },
} as const satisfies Record<HandbookFileType, Label>;

const organisationKind = {
  employment_service: { sv: 'Arbetsförmedlingen', en: 'Employment Service' },
  income_support: { sv: 'Försörjningsstöd (IFO)', en: 'Income support (IFO)' },
  adult_education: { sv: 'Vuxenutbildning (SFI/GRUV)', en: 'Adult education (SFI/GRUV)' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  social_insurance: { sv: 'Försäkringskassan', en: 'Social Insurance Agency' },
  health_care: { sv: 'Hälso- och sjukvård', en: 'Health care' },
  other: { sv: 'Annan', en: 'Other' },
} as const satisfies Record<OrganisationKind, Label>;

const goalKey = {
  attendance: { sv: 'Närvaro', en: 'Attendance' },
  clear_plan: { sv: 'Tydlig plan mot arbete eller studier', en: 'A clear plan towards work or studies' },
  work_or_studies: { sv: 'Till arbete eller studier', en: 'On to work or studies' },
} as const satisfies Record<GoalKey, Label>;

const goalUnit = {
  percent: { sv: 'procent', en: 'per cent' },
  count: { sv: 'antal', en: 'count' },
} as const satisfies Record<GoalUnit, Label>;

const referralStatus = {
  received: { sv: 'Inkommen', en: 'Received' },
  screened: { sv: 'Förberedd', en: 'Screened' },
  on_agenda: { sv: 'På dagordning', en: 'On agenda' },
  accepted: { sv: 'Antagen', en: 'Accepted' },
  wait_listed: { sv: 'Väntelista', en: 'Wait-listed' },
  declined: { sv: 'Avslagen', en: 'Declined' },
  withdrawn: { sv: 'Återtagen', en: 'Withdrawn' },
} as const satisfies Record<ReferralStatus, Label>;

const referringKind = {
  employment_service: { sv: 'Arbetsförmedlingen', en: 'Employment Service' },
  income_support: { sv: 'Försörjningsstöd', en: 'Income support' },
  adult_education: { sv: 'SFI/GRUV', en: 'SFI/GRUV' },
  resource_centre: { sv: 'Resurscentrum', en: 'Resource centre' },
  learning_centre: { sv: 'Lärcentrum', en: 'Learning centre' },
  self: { sv: 'Egen anmälan', en: 'Self-referral' },
  other: { sv: 'Annan', en: 'Other' },
} as const satisfies Record<ReferringKind, Label>;

const priority = {
  normal: { sv: 'Normal', en: 'Normal' },
  high: { sv: 'Brådskande', en: 'Urgent' },
} as const satisfies Record<Priority, Label>;

// As the minutes print them: what the analysis group decided about the referral.
const decision = {
  accept: { sv: 'Antagen', en: 'Accepted' },
  wait_list: { sv: 'Väntelista', en: 'Wait-listed' },
  decline: { sv: 'Ej antagen', en: 'Not accepted' },
} as const satisfies Record<Decision, Label>;

const meetingStatus = {
  planned: { sv: 'Planerat', en: 'Planned' },
  held: { sv: 'Hållet', en: 'Held' },
} as const satisfies Record<MeetingStatus, Label>;

const role = {
  admin: { sv: 'Systemadministratör', en: 'System administrator' },
  staff: { sv: 'Personal', en: 'Staff' },
  analysis_member: { sv: 'Analysgrupp', en: 'Analysis group' },
  steering: { sv: 'Styrgrupp', en: 'Steering group' },
  evaluator: { sv: 'Utvärderare', en: 'Evaluator' },
} as const satisfies Record<Role, Label>;

const staffRole = {
  programme_lead: { sv: 'Processledare', en: 'Programme lead' },
  programme_worker: { sv: 'Processmedarbetare', en: 'Programme worker' },
  career_counsellor: { sv: 'Studie- och yrkesvägledare', en: 'Career counsellor' },
} as const satisfies Record<StaffRole, Label>;

const committeeKind = {
  steering: { sv: 'Styrgrupp', en: 'Steering group' },
  analysis: { sv: 'Analysgrupp', en: 'Analysis group' },
} as const satisfies Record<CommitteeKind, Label>;

const passwordProblem = {
  too_short: {
    sv: 'Lösenordet måste ha minst 12 tecken',
    en: 'The password must have at least 12 characters',
  },
  too_common: {
    sv: 'Lösenordet är ett av de vanligaste lösenorden',
    en: 'The password is one of the most common passwords',
  },
  contains_email: {
    sv: 'Lösenordet får inte innehålla e-postadressen',
    en: 'The password must not contain the e-mail address',
  },
  too_weak: {
    sv: 'Lösenordet är för lätt att gissa',
    en: 'The password is too easy to guess',
  },
} as const satisfies Record<PasswordProblem, Label>;

const importRowFate = {
  new_participant: { sv: 'Ny deltagare', en: 'New participant' },
  new_enrolment: { sv: 'Ny inskrivning', en: 'New enrolment' },
  already_imported: { sv: 'Finns redan', en: 'Already imported' },
  error: { sv: 'Fel', en: 'Error' },
} as const satisfies Record<ImportRowFate, Label>;

const surveyLanguage = {
  sv: { sv: 'Svenska', en: 'Swedish' },
  'sv-easy': { sv: 'Lättläst svenska', en: 'Easy-read Swedish' },
  en: { sv: 'Engelska', en: 'English' },
  ar: { sv: 'Arabiska', en: 'Arabic' },
  prs: { sv: 'Dari', en: 'Dari' },
  so: { sv: 'Somaliska', en: 'Somali' },
  ti: { sv: 'Tigrinska', en: 'Tigrinya' },
} as const satisfies Record<SurveyLanguage, Label>;

const translationStatus = {
  original: { sv: 'Original', en: 'Original' },
  reviewed: { sv: 'Granskad', en: 'Reviewed' },
  'machine-draft': { sv: 'Maskinöversättning – inte granskad', en: 'Machine translation – not reviewed' },
} as const satisfies Record<TranslationStatus, Label>;

const auditOutcome = {
  success: { sv: 'Utfört', en: 'Done' },
  denied: { sv: 'Nekat', en: 'Denied' },
  failure: { sv: 'Misslyckades', en: 'Failed' },
} as const satisfies Record<AuditOutcome, Label>;

const auditEntityType = {
  action_plan_step: { sv: 'Steg i handlingsplan', en: 'Action plan step' },
  app_user: { sv: 'Användare', en: 'User' },
  audit_log: { sv: 'Granskningslogg', en: 'Audit log' },
  assessment: { sv: 'Skattning', en: 'Self-assessment' },
  committee_member: { sv: 'Ledamot', en: 'Committee member' },
  consent: { sv: 'Samtycke', en: 'Consent' },
  employer: { sv: 'Arbetsgivare', en: 'Employer' },
  endpoint: { sv: 'Funktion', en: 'Function' },
  enrolment: { sv: 'Inskrivning', en: 'Enrolment' },
  group: { sv: 'Grupp', en: 'Group' },
  group_session: { sv: 'Tillfälle', en: 'Session' },
  handbook_entry: { sv: 'Avsnitt i metodhandboken', en: 'Handbook entry' },
  internship: { sv: 'Praktik', en: 'Internship' },
  meeting: { sv: 'Möte', en: 'Meeting' },
  method_template: { sv: 'Metodmall', en: 'Method template' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  need: { sv: 'Behov', en: 'Need' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  participant: { sv: 'Deltagare', en: 'Participant' },
  programme: { sv: 'Insats', en: 'Programme' },
  questionnaire: { sv: 'Enkät', en: 'Questionnaire' },
  referral: { sv: 'Remiss', en: 'Referral' },
  request: { sv: 'Begäran', en: 'Request' },
  session: { sv: 'Tillfälle', en: 'Session' },
  staff_allocation: { sv: 'Bemanning', en: 'Staff allocation' },
  staff_member: { sv: 'Medarbetare', en: 'Staff member' },
  survey_round: { sv: 'Enkätomgång', en: 'Survey round' },
  talk: { sv: 'Individuellt samtal', en: 'Individual talk' },
  target_group_stat: { sv: 'Målgruppsstatistik', en: 'Target-group statistics' },
  user: { sv: 'Användare', en: 'User' },
} as const satisfies Record<AuditEntityType, Label>;

const auditAction = {
  'actionplan.create': { sv: 'Skapade handlingsplan', en: 'Created an action plan' },
  'actionplan.read': { sv: 'Läste handlingsplanens steg', en: 'Read the action plan steps' },
  'actionplan.step.create': { sv: 'Lade till steg i handlingsplanen', en: 'Added an action plan step' },
  'actionplan.step.update': { sv: 'Ändrade steg i handlingsplanen', en: 'Changed an action plan step' },
  'apidocs.read': { sv: 'Läste API-dokumentationen', en: 'Read the API documentation' },
  'assessment.read': { sv: 'Läste skattningar', en: 'Read self-assessments' },
  'assessment.summary': { sv: 'Läste gruppens skattningar', en: "Read the group's self-assessments" },
  'assessment.write': { sv: 'Registrerade skattning', en: 'Recorded a self-assessment' },
  'attendance.read': { sv: 'Läste närvaro', en: 'Read attendance' },
  'attendance.write': { sv: 'Registrerade närvaro', en: 'Recorded attendance' },
  'audit.export': { sv: 'Exporterade granskningsloggen', en: 'Exported the audit log' },
  'audit.extract': { sv: 'Tog ut granskningsloggen', en: 'Extracted the audit trail' },
  'audit.read': { sv: 'Öppnade granskningsloggen', en: 'Opened the audit log' },
  'audit.search': { sv: 'Sökte i granskningsloggen', en: 'Searched the audit log' },
  'audit.subject': { sv: 'Läste granskningsloggen', en: 'Read the audit trail' },
  'auth.csrf': { sv: 'Ogiltig säkerhetskod i begäran', en: 'Invalid security token in a request' },
  'auth.login': { sv: 'Inloggning', en: 'Sign-in' },
  'auth.logout': { sv: 'Utloggning', en: 'Sign-out' },
  'auth.password': { sv: 'Bytte lösenord', en: 'Changed the password' },
  'auth.revoke_all': { sv: 'Loggade ut alla sessioner', en: 'Signed out every session' },
  'auth.totp.disable': { sv: 'Stängde av tvåstegsverifiering', en: 'Turned off two-step verification' },
  'auth.totp.enable': { sv: 'Slog på tvåstegsverifiering', en: 'Turned on two-step verification' },
  'auth.totp.recovery': { sv: 'Loggade in med återställningskod', en: 'Signed in with a recovery code' },
  'auth.totp.setup': {
    sv: 'Började ställa in tvåstegsverifiering',
    en: 'Started setting up two-step verification',
  },
  'budget.manage': { sv: 'Ändrade budget', en: 'Changed a budget' },
  'budget.save': { sv: 'Sparade budget', en: 'Saved a budget' },
  'certificate.create': { sv: 'Skapade diplom', en: 'Created a certificate' },
  'committee.add': { sv: 'Lade till ledamot', en: 'Added a committee member' },
  'committee.end': { sv: 'Avslutade ledamots medlemskap', en: 'Ended a committee membership' },
  'committee.read': { sv: 'Läste ledamöter', en: 'Read committee members' },
  'consent.give': { sv: 'Registrerade samtycke', en: 'Recorded a consent' },
  'consent.withdraw': { sv: 'Återkallade samtycke', en: 'Withdrew a consent' },
  'consent.write': { sv: 'Ändrade samtycke', en: 'Changed a consent' },
  'directory.manage': { sv: 'Ändrade katalogen', en: 'Changed the directory' },
  'directory.read': { sv: 'Läste katalogen', en: 'Read the directory' },
  'employer.contact': { sv: 'Registrerade kontakt med arbetsgivare', en: 'Recorded an employer contact' },
  'employer.create': { sv: 'Lade till arbetsgivare', en: 'Added an employer' },
  'employer.manage': { sv: 'Ändrade arbetsgivarregistret', en: 'Changed the employer register' },
  'employer.places': { sv: 'Registrerade erbjudna platser', en: 'Recorded places offered' },
  'employer.read': { sv: 'Läste arbetsgivarregistret', en: 'Read the employer register' },
  'employer.update': { sv: 'Ändrade arbetsgivare', en: 'Changed an employer' },
  'enrolment.create': { sv: 'Skrev in i grupp', en: 'Enrolled in a group' },
  'enrolment.move': { sv: 'Flyttade till annan grupp', en: 'Moved to another group' },
  'enrolment.update': { sv: 'Ändrade inskrivning', en: 'Changed an enrolment' },
  'followup.export': { sv: 'Tog ut uppföljningsfil', en: 'Exported the follow-up file' },
  'followup.write': { sv: 'Registrerade uppföljning', en: 'Recorded a follow-up' },
  'group.create': { sv: 'Startade grupp', en: 'Started a group' },
  'group.manage': { sv: 'Ändrade grupp', en: 'Changed a group' },
  'group.read': { sv: 'Läste grupp', en: 'Read a group' },
  'group.staff.self_assign': {
    sv: 'Gjorde sig själv till personal i deltagarens grupp',
    en: "Made themselves staff of the participant's group",
  },
  'handbook.choose': { sv: 'Valde material till ett pass', en: 'Chose material for a session' },
  'handbook.create': { sv: 'Skapade avsnitt i metodhandboken', en: 'Created a handbook entry' },
  'handbook.edit': { sv: 'Redigerade metodhandboken', en: 'Edited the handbook' },
  'handbook.editor.grant': { sv: 'Gav redigeringsrätt till metodhandboken', en: 'Granted handbook editing' },
  'handbook.editor.revoke': {
    sv: 'Tog bort redigeringsrätt till metodhandboken',
    en: 'Revoked handbook editing',
  },
  'handbook.file.delete': { sv: 'Tog bort fil ur metodhandboken', en: 'Deleted a handbook file' },
  'handbook.file.upload': { sv: 'Laddade upp fil till metodhandboken', en: 'Uploaded a handbook file' },
  'handbook.read': { sv: 'Läste metodhandboken', en: 'Read the handbook' },
  'handbook.restore': { sv: 'Återställde avsnitt i metodhandboken', en: 'Restored a handbook entry' },
  'handbook.review': { sv: 'Granskade avsnitt i metodhandboken', en: 'Reviewed a handbook entry' },
  'handbook.update': { sv: 'Ändrade avsnitt i metodhandboken', en: 'Changed a handbook entry' },
  'health.read': { sv: 'Läste hälsouppgifter', en: 'Read health data' },
  'health.write': { sv: 'Registrerade hälsouppgifter', en: 'Recorded health data' },
  'import.dry_run': { sv: 'Provkörde import', en: 'Checked an import (dry run)' },
  'import.run': { sv: 'Körde import', en: 'Ran an import' },
  'inflow.read': { sv: 'Läste inflöde', en: 'Read the inflow' },
  'internship.create': { sv: 'Registrerade praktik', en: 'Recorded an internship' },
  'internship.read': { sv: 'Läste praktik', en: 'Read internships' },
  'internship.summary': { sv: 'Läste praktiksammanställning', en: 'Read the internship summary' },
  'internship.update': { sv: 'Ändrade praktik', en: 'Changed an internship' },
  'internship.write': { sv: 'Ändrade praktik', en: 'Changed an internship' },
  'meeting.attendance': { sv: 'Registrerade närvaro på möte', en: 'Recorded meeting attendance' },
  'meeting.create': { sv: 'Skapade möte', en: 'Created a meeting' },
  'meeting.manage': { sv: 'Ändrade möte', en: 'Changed a meeting' },
  'meeting.minutes': { sv: 'Tog ut protokoll', en: 'Produced the minutes' },
  'meeting.notes': { sv: 'Skrev mötesanteckningar', en: 'Wrote meeting notes' },
  'meeting.read': { sv: 'Läste möte', en: 'Read a meeting' },
  'outcome.read': { sv: 'Läste avslut', en: 'Read outcomes' },
  'outcome.write': { sv: 'Registrerade avslut', en: 'Recorded an outcome' },
  'participant.create': { sv: 'Registrerade deltagare', en: 'Registered a participant' },
  'participant.duplicate_check': {
    sv: 'Personnumret skrevs in vid en registrering',
    en: 'The personal number was typed in a registration',
  },
  'participant.erase': { sv: 'Raderade deltagare', en: 'Erased a participant' },
  'participant.extract': { sv: 'Tog ut registerutdrag', en: 'Made the data-subject extract' },
  'participant.health': { sv: 'Hälsouppgifter', en: 'Health data' },
  'participant.identity.read': { sv: 'Läste skyddad identitet', en: 'Read a protected identity' },
  'participant.list': { sv: 'Läste deltagarlista', en: 'Read a participant list' },
  'participant.pseudonymise': { sv: 'Pseudonymiserade deltagare', en: 'Pseudonymised a participant' },
  'participant.read': { sv: 'Läste deltagaruppgifter', en: 'Read participant data' },
  'participant.share': { sv: 'Delade uppgifter med samverkanspart', en: 'Shared data with a partner' },
  'participant.update': { sv: 'Ändrade deltagaruppgifter', en: 'Changed participant data' },
  'participant.write': { sv: 'Ändrade deltagaruppgifter', en: 'Changed participant data' },
  'programme.create': { sv: 'Skapade insats', en: 'Created a programme' },
  'programme.read': { sv: 'Läste insats', en: 'Read a programme' },
  'programme.update': { sv: 'Ändrade insats', en: 'Changed a programme' },
  'referral.accepted': { sv: 'Remissen antogs', en: 'Referral accepted' },
  'referral.create': { sv: 'Registrerade remiss', en: 'Registered a referral' },
  'referral.declined': { sv: 'Remissen avslogs', en: 'Referral declined' },
  'referral.on_agenda': { sv: 'Remissen sattes på dagordningen', en: 'Referral put on the agenda' },
  'referral.read': { sv: 'Läste remiss', en: 'Read a referral' },
  'referral.received': { sv: 'Remissen togs emot', en: 'Referral received' },
  'referral.screened': { sv: 'Remissen förbereddes', en: 'Referral screened' },
  'referral.update': { sv: 'Ändrade remiss', en: 'Changed a referral' },
  'referral.wait_listed': { sv: 'Remissen sattes på väntelista', en: 'Referral wait-listed' },
  'referral.withdrawn': { sv: 'Remissen återtogs', en: 'Referral withdrawn' },
  'report.association': { sv: 'Läste förbundets siffror', en: "Read the association's figures" },
  'report.finsam': { sv: 'Tog ut Uppföljning Finsam', en: 'Produced the Finsam follow-up' },
  'retention.read': { sv: 'Läste gallringsläget', en: 'Read the retention status' },
  'report.read': { sv: 'Läste rapport', en: 'Read a report' },
  'session.create': { sv: 'Lade till tillfälle', en: 'Added a session' },
  'session.manage': { sv: 'Ändrade tillfälle', en: 'Changed a session' },
  'session.notes.read': { sv: 'Läste anteckning om tillfälle', en: 'Read a session note' },
  'session.update': { sv: 'Ändrade tillfälle', en: 'Changed a session' },
  'staff.create': { sv: 'Lade till medarbetare', en: 'Added a staff member' },
  'staffing.allocate': { sv: 'Ändrade bemanning', en: 'Changed staffing' },
  'staffing.manage': { sv: 'Ändrade bemanning', en: 'Changed staffing' },
  'staffing.read': { sv: 'Läste bemanning', en: 'Read staffing' },
  'statistics.manage': { sv: 'Ändrade statistik', en: 'Changed statistics' },
  'steering.read': { sv: 'Läste styrgruppens sida', en: "Read the steering group's page" },
  'statistics.save': { sv: 'Sparade statistik', en: 'Saved statistics' },
  'survey.codes': { sv: 'Gav ut enkätkoder', en: 'Gave out survey codes' },
  'survey.manage': { sv: 'Hanterade enkät', en: 'Managed a survey' },
  'survey.open': { sv: 'Öppnade enkät', en: 'Opened a survey' },
  'survey.paper': { sv: 'Skrev in pappersenkät', en: 'Typed in a paper survey' },
  'survey.review': { sv: 'Granskade fritextsvar', en: 'Reviewed free-text answers' },
  'survey.summary': { sv: 'Läste enkätsammanställning', en: 'Read a survey summary' },
  'survey.translation_review': {
    sv: 'Markerade en översättning som granskad',
    en: 'Marked a translation reviewed',
  },
  'survey.audio.upload': { sv: 'Laddade upp en inläsning', en: 'Uploaded a recording' },
  'survey.audio.delete': { sv: 'Tog bort en inläsning', en: 'Removed a recording' },
  'template.create': { sv: 'Skapade metodmall', en: 'Created a method template' },
  'template.manage': { sv: 'Ändrade metodmall', en: 'Changed a method template' },
  'template.read': { sv: 'Läste metodmall', en: 'Read a method template' },
  'user.create': { sv: 'Skapade användare', en: 'Created a user' },
  'user.manage': { sv: 'Ändrade användare', en: 'Changed a user' },
  'user.password_reset': { sv: 'Återställde lösenord', en: 'Reset a password' },
  'user.deactivate': { sv: 'Inaktiverade användare', en: 'Deactivated a user' },
} as const satisfies Record<AuditAction, Label>;

/** Every label table, by kind: `LABELS.enrolmentStatus.left_early.sv` is "Avbrott". */
export const LABELS = {
  gender,
  enrolmentStatus,
  leftReason,
  moveReason,
  swedishLevel,
  educationLevel,
  afStatus,
  consentPurpose,
  needKind,
  assessmentDimension,
  assessmentStage,
  outcomeCategory,
  outcomeDetail,
  supportKind,
  employerSector,
  industry,
  contactOutcome,
  noReason,
  internshipResult,
  phaseKind,
  deliveryMode,
  sessionKind,
  sessionStatus,
  attendanceStatus,
  absenceReason,
  handbookModule,
  handbookFileType,
  audioFileType,
  organisationKind,
  goalKey,
  goalUnit,
  referralStatus,
  referringKind,
  priority,
  decision,
  meetingStatus,
  role,
  staffRole,
  committeeKind,
  passwordProblem,
  auditOutcome,
  auditEntityType,
  surveyLanguage,
  translationStatus,
  auditAction,
  importRowFate,
} as const;

export type LabelKind = keyof typeof LABELS;
/** The values a kind has labels for, e.g. `LabelValue<'enrolmentStatus'>` is EnrolmentStatus. */
export type LabelValue<K extends LabelKind> = keyof (typeof LABELS)[K] & string;

/**
 * Which label table each exported list of values uses: the rule the admin's labels.spec.ts enforces is that every
 * exported ALL_CAPS array of strings of this package is a key here (a subset such as OFFER_RESULTS points at its
 * parent's table).
 */
export const LABELLED_LISTS = {
  GENDERS: 'gender',
  ENROLMENT_STATUSES: 'enrolmentStatus',
  LEFT_REASONS: 'leftReason',
  MOVE_REASONS: 'moveReason',
  SWEDISH_LEVELS: 'swedishLevel',
  EDUCATION_LEVELS: 'educationLevel',
  AF_STATUSES: 'afStatus',
  CONSENT_PURPOSES: 'consentPurpose',
  NEED_KINDS: 'needKind',
  ASSESSMENT_DIMENSIONS: 'assessmentDimension',
  ASSESSMENT_STAGES: 'assessmentStage',
  OUTCOME_CATEGORIES: 'outcomeCategory',
  OUTCOME_DETAIL_CODES: 'outcomeDetail',
  SUPPORT_KINDS: 'supportKind',
  EMPLOYER_SECTORS: 'employerSector',
  INDUSTRIES: 'industry',
  CONTACT_OUTCOMES: 'contactOutcome',
  NO_REASONS: 'noReason',
  INTERNSHIP_RESULTS: 'internshipResult',
  OFFER_RESULTS: 'internshipResult',
  PHASE_KINDS: 'phaseKind',
  DELIVERY_MODES: 'deliveryMode',
  SESSION_KINDS: 'sessionKind',
  SESSION_STATUSES: 'sessionStatus',
  ATTENDANCE_STATUSES: 'attendanceStatus',
  ABSENCE_REASONS: 'absenceReason',
  HANDBOOK_MODULES: 'handbookModule',
  HANDBOOK_FILE_TYPES: 'handbookFileType',
  AUDIO_FILE_TYPES: 'audioFileType',
  ORGANISATION_KINDS: 'organisationKind',
  GOAL_KEYS: 'goalKey',
  GOAL_UNITS: 'goalUnit',
  REFERRAL_STATUSES: 'referralStatus',
  REFERRAL_STATUS_CHANGES: 'referralStatus',
  REFERRAL_REASON_REQUIRED: 'referralStatus',
  REFERRING_KINDS: 'referringKind',
  PRIORITIES: 'priority',
  DECISIONS: 'decision',
  MEETING_STATUSES: 'meetingStatus',
  ROLES: 'role',
  ASSOCIATION_WIDE_ROLES: 'role',
  AGGREGATE_ONLY_ROLES: 'role',
  OWN_ORGANISATION_ROLES: 'role',
  HANDBOOK_EDITOR_ROLES: 'role',
  GROUP_STAFF_ROLES: 'role',
  STEERING_LANDING_ROLES: 'role',
  STAFF_ROLES: 'staffRole',
  COMMITTEE_KINDS: 'committeeKind',
  PASSWORD_PROBLEMS: 'passwordProblem',
  AUDIT_OUTCOMES: 'auditOutcome',
  AUDIT_ACTIONS: 'auditAction',
  AUDIT_ENTITY_TYPES: 'auditEntityType',
  SURVEY_LANGUAGES: 'surveyLanguage',
  TRANSLATION_STATUSES: 'translationStatus',
  IMPORT_ROW_FATES: 'importRowFate',
} as const satisfies Record<string, LabelKind>;

/** The label of a value in one language. */
export function labelOf<K extends LabelKind>(
  kind: K,
  value: LabelValue<K>,
  lang: LabelLanguage = 'sv',
): string {
  return (LABELS[kind] as Record<string, Label>)[value][lang];
}

/**
 * The label of a value read from stored data typed only as `string` (an audit row written years ago): a value
 * this version no longer knows gets `fallback` rather than its code.
 */
export function labelOfStored(
  kind: LabelKind,
  value: string,
  lang: LabelLanguage = 'sv',
  fallback = '–',
): string {
  const table = LABELS[kind] as Record<string, Label | undefined>;
  return Object.hasOwn(table, value) ? (table[value] as Label)[lang] : fallback;
}

/** The Swedish labels of one kind, as files print them: `svLabels('industry').care` is "Vård/omsorg". */
export function svLabels<K extends LabelKind>(kind: K): Record<LabelValue<K>, string> {
  return Object.fromEntries(Object.entries(LABELS[kind]).map(([k, v]) => [k, (v as Label).sv])) as Record<
    LabelValue<K>,
    string
  >;
}
