import {
  formatStockholm,
  isProblemCode,
  labelOfStored,
  type ProblemCode,
  type ProblemParams,
} from '@stegvis/contracts';
import type { Lang } from './i18n';

/**
 * The api's error and warning codes (packages/contracts/src/problem-codes.ts) in Swedish and English. The api's
 * `detail` and `message` are English for developers; a person reads these. A missing code fails
 * problem-texts.spec.ts, and TypeScript checks each text's parameters against the catalogue.
 */
type Word<C extends ProblemCode> = (p: ProblemParams<C>) => string;
export type ProblemTexts = { [C in ProblemCode]: { sv: Word<C>; en: Word<C> } };

/** What a record is called, for not_found and the reference codes; an unknown one gets a general word. */
const ENTITIES: Record<string, { sv: string; en: string }> = {
  'action item': { sv: 'åtgärdspunkten', en: 'the action item' },
  'committee member': { sv: 'medlemmen', en: 'the member' },
  consent: { sv: 'samtycket', en: 'the consent' },
  employer: { sv: 'arbetsgivaren', en: 'the employer' },
  enrolment: { sv: 'inskrivningen', en: 'the enrolment' },
  goal: { sv: 'målet', en: 'the goal' },
  group: { sv: 'gruppen', en: 'the group' },
  'handbook entry': { sv: 'handboksavsnittet', en: 'the handbook entry' },
  'handbook entry version': { sv: 'versionen av handboksavsnittet', en: 'the version of the handbook entry' },
  'handbook file': { sv: 'filen', en: 'the file' },
  internship: { sv: 'praktiken', en: 'the internship' },
  meeting: { sv: 'mötet', en: 'the meeting' },
  municipality: { sv: 'kommunen', en: 'the municipality' },
  organisation: { sv: 'organisationen', en: 'the organisation' },
  participant: { sv: 'deltagaren', en: 'the participant' },
  programme: { sv: 'insatsen', en: 'the programme' },
  questionnaire: { sv: 'enkäten', en: 'the questionnaire' },
  referral: { sv: 'remissen', en: 'the referral' },
  session: { sv: 'tillfället', en: 'the session' },
  'staff member': { sv: 'personen i personalen', en: 'the staff member' },
  template: { sv: 'metodmallen', en: 'the method template' },
  user: { sv: 'användaren', en: 'the user' },
};
const entity = (name: string, lang: Lang): string =>
  ENTITIES[name]?.[lang] ?? (lang === 'sv' ? 'posten' : 'the record');

/** The start a date or time is compared with, by the field that holds it. */
const STARTS: Record<string, { sv: string; en: string }> = {
  startDate: { sv: 'startdatumet', en: 'the start date' },
  periodStart: { sv: 'periodens start', en: 'the start of the period' },
  startTime: { sv: 'starttiden', en: 'the start time' },
  lectureStart: { sv: 'föreläsningens start', en: 'the start of the lecture' },
  opensAt: { sv: 'öppningstiden', en: 'the opening time' },
  from: { sv: 'från-datumet', en: 'the from date' },
  birthYear: { sv: 'födelseåret', en: 'the birth year' },
};
const start = (field: string, lang: Lang): string => STARTS[field]?.[lang] ?? field;

const level = (l: string, lang: Lang): string =>
  l === 'gruv'
    ? 'GRUV'
    : l === 'none'
      ? lang === 'sv'
        ? 'ingen'
        : 'none'
      : `SFI ${l.slice(4).toUpperCase()}`;
const list = (xs: string[]): string => xs.join(', ');

export const PROBLEM_TEXTS: ProblemTexts = {
  required: { sv: () => 'Fältet måste fyllas i.', en: () => 'This field is required.' },
  unknown_field: { sv: () => 'Fältet är okänt.', en: () => 'This field is not known.' },
  not_string: { sv: () => 'Ange en text.', en: () => 'Enter text.' },
  not_integer: { sv: () => 'Ange ett heltal.', en: () => 'Enter a whole number.' },
  not_number: { sv: () => 'Ange ett tal.', en: () => 'Enter a number.' },
  not_boolean: { sv: () => 'Svara ja eller nej.', en: () => 'Answer yes or no.' },
  not_array: { sv: () => 'Ange en lista.', en: () => 'Give a list.' },
  not_object: { sv: () => 'Uppgiften har fel form.', en: () => 'The value has the wrong shape.' },
  invalid_uuid: { sv: () => 'Ogiltig identitet.', en: () => 'Not a valid id.' },
  invalid_email: { sv: () => 'Ange en giltig e-postadress.', en: () => 'Enter a valid e-mail address.' },
  invalid_url: { sv: () => 'Ange en giltig webbadress.', en: () => 'Enter a valid web address.' },
  invalid_date: { sv: () => 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: () => 'Enter a date as YYYY-MM-DD.' },
  invalid_time: { sv: () => 'Ange en tid som TT:MM.', en: () => 'Enter a time as HH:MM.' },
  invalid_format: { sv: () => 'Uppgiften har fel format.', en: () => 'The value has the wrong format.' },
  invalid_value: { sv: () => 'Ogiltigt värde.', en: () => 'Not a valid value.' },
  too_small: { sv: (p) => `Minst ${p.min}.`, en: (p) => `At least ${p.min}.` },
  too_large: { sv: (p) => `Högst ${p.max}.`, en: (p) => `At most ${p.max}.` },
  out_of_range: {
    sv: (p) => `Ange ett heltal från ${p.min} till ${p.max}.`,
    en: (p) => `Enter a whole number from ${p.min} to ${p.max}.`,
  },
  too_short: { sv: (p) => `Minst ${p.min} tecken.`, en: (p) => `At least ${p.min} characters.` },
  too_long: { sv: (p) => `Högst ${p.max} tecken.`, en: (p) => `At most ${p.max} characters.` },
  length_between: {
    sv: (p) => `Mellan ${p.min} och ${p.max} tecken.`,
    en: (p) => `Between ${p.min} and ${p.max} characters.`,
  },
  too_few_items: { sv: (p) => `Välj minst ${p.min}.`, en: (p) => `Choose at least ${p.min}.` },
  too_many_items: { sv: (p) => `Välj högst ${p.max}.`, en: (p) => `Choose at most ${p.max}.` },
  duplicate_items: { sv: () => 'Samma värde finns två gånger.', en: () => 'The same value appears twice.' },
  not_allowed: {
    sv: (p) => `Välj ett av: ${list(p.allowed)}.`,
    en: (p) => `Choose one of: ${list(p.allowed)}.`,
  },
  invalid_personal_number: {
    sv: () => 'Inte ett giltigt personnummer eller samordningsnummer (datum och kontrollsiffra).',
    en: () => 'Not a valid personal or coordination number (date and check digit).',
  },
  invalid_organisation_number: {
    sv: () => 'Inte ett giltigt organisationsnummer (kontrollsiffra).',
    en: () => 'Not a valid Swedish organisation number (check digit).',
  },
  end_before_start: {
    sv: (p) => `Får inte vara före ${start(p.start, 'sv')}.`,
    en: (p) => `Must not be before ${start(p.start, 'en')}.`,
  },
  end_not_after_start: {
    sv: (p) => `Måste vara efter ${start(p.start, 'sv')}.`,
    en: (p) => `Must be after ${start(p.start, 'en')}.`,
  },
  sessions_outside_period: {
    sv: (p) =>
      `${p.count} planerade tillfällen hamnar utanför perioden, det första ${p.first}. Flytta eller ställ in dem först.`,
    en: (p) =>
      `${p.count} scheduled sessions fall outside the period, the first on ${p.first}. Move or cancel them first.`,
  },
  enrolments_outside_period: {
    sv: (p) => `${p.count} inskrivningar hamnar utanför perioden. Ändra inskrivningarna först.`,
    en: (p) => `${p.count} enrolments fall outside the period. Change the enrolments first.`,
  },
  period_not_fixed: {
    sv: () => 'Välj en tertial, ett kalenderår eller hela insatsen.',
    en: () => 'Choose a tertial, a calendar year or the whole programme.',
  },
  before_enrolment_start: {
    sv: (p) => `Får inte vara före inskrivningens start (${p.startDate}).`,
    en: (p) => `Must not be before the enrolment started (${p.startDate}).`,
  },
  date_in_future: {
    sv: (p) => `Datumet får inte vara senare än i dag (${p.today}).`,
    en: (p) => `The date must not be later than today (${p.today}).`,
  },
  detail_code_not_in_category: {
    sv: (p) =>
      `Underkategorin hör inte till ${labelOfStored('outcomeCategory', p.category, 'sv')}; välj en av: ${list(p.allowed.map((c) => labelOfStored('outcomeDetail', c, 'sv', c)))}.`,
    en: (p) =>
      `The sub-category does not belong to ${labelOfStored('outcomeCategory', p.category, 'en')}; choose one of: ${list(p.allowed.map((c) => labelOfStored('outcomeDetail', c, 'en', c)))}.`,
  },
  follow_up_before_window: {
    sv: (p) =>
      `För tidigt: uppföljningen efter ${p.months} månader kan registreras från ${p.windowStart} (den ska göras ${p.dueDate}).`,
    en: (p) =>
      `Too early: the ${p.months}-month follow-up can be recorded from ${p.windowStart} (it is due ${p.dueDate}).`,
  },
  unknown_reference: {
    sv: (p) => `Hittar inte ${entity(p.entity, 'sv')}.`,
    en: (p) => `${cap(entity(p.entity, 'en'))} was not found.`,
  },
  not_in_programme: {
    sv: (p) => `${cap(entity(p.entity, 'sv'))} hör inte till insatsen.`,
    en: (p) => `${cap(entity(p.entity, 'en'))} is not part of this programme.`,
  },
  not_in_group: {
    sv: (p) => `${cap(entity(p.entity, 'sv'))} hör inte till gruppen.`,
    en: (p) => `${cap(entity(p.entity, 'en'))} is not part of this group.`,
  },
  percent_over_100: {
    sv: () => 'Ett mål i procent kan vara högst 100.',
    en: () => 'A percentage goal can be at most 100.',
  },
  duplicate_key: {
    sv: (p) => `Nyckeln "${p.key}" används två gånger.`,
    en: (p) => `The key "${p.key}" is used twice.`,
  },
  year_of_arrival_before_birth: {
    sv: () => 'Ankomståret kan inte vara före födelseåret.',
    en: () => 'The year of arrival cannot be before the year of birth.',
  },
  same_group: {
    sv: () => 'Deltagaren går redan i den gruppen.',
    en: () => 'The participant is already in that group.',
  },
  cancel_reason_required: {
    sv: () => 'Skriv varför tillfället ställs in.',
    en: () => 'Say why the session is cancelled.',
  },
  move_reason_required: {
    sv: () => 'Skriv varför tillfället flyttas.',
    en: () => 'Say why the session is moved.',
  },
  substitute_is_presenter: {
    sv: () => 'Ersättaren måste vara någon annan än den som håller i passet.',
    en: () => 'The substitute must be someone other than the presenter.',
  },
  lectures_phase_required: {
    sv: () => 'Minst en fas måste ha föreläsningar när antalet föreläsningar är över 0.',
    en: () => 'At least one phase must have lectures when the number of lectures is above 0.',
  },
  free_text_missing: {
    sv: () => 'Det finns inget fritextsvar att granska där.',
    en: () => 'There is no free-text answer to review there.',
  },
  redacted_text_required: {
    sv: () => 'Skriv den avidentifierade texten.',
    en: () => 'Give the redacted text.',
  },
  not_invited: { sv: () => 'Personen är inte kallad till mötet.', en: () => 'Not invited to this meeting.' },
  not_on_agenda: {
    sv: () => 'Remissen står inte på mötets dagordning.',
    en: () => "The referral is not on this meeting's agenda.",
  },
  due_before_meeting: {
    sv: (p) => `Sista dag kan inte vara före mötet (${p.meetingDate}).`,
    en: (p) => `The due date cannot be before the meeting (${p.meetingDate}).`,
  },
  case_notes_invited_only: {
    sv: () => 'Bara insatsens personal och de kallade i analysgruppen skriver och läser ärendediskussionen.',
    en: () =>
      'Only the programme staff and the invited analysis members write and read the case discussions.',
  },
  session_cancelled: { sv: () => 'Tillfället är inställt.', en: () => 'The session is cancelled.' },
  not_enrolled_on_date: {
    sv: () => 'Deltagaren var inte inskriven den dagen.',
    en: () => 'The participant was not enrolled on that day.',
  },
  duplicate_mark: {
    sv: () => 'Samma tillfälle och deltagare finns två gånger.',
    en: () => 'The same session and participant appear twice.',
  },
  answer_not_applicable: {
    sv: () => 'Frågan gäller inte med de andra svaren.',
    en: () => 'The question does not apply given the other answers.',
  },
  not_a_choice: { sv: () => 'Välj bland alternativen.', en: () => 'Choose from the listed options.' },
  not_answerable: {
    sv: () => 'Frågan kan inte besvaras här.',
    en: () => 'The question cannot be answered here.',
  },
  password_too_short: {
    sv: (p) => `Lösenordet måste ha minst ${p.min} tecken.`,
    en: (p) => `The password must have at least ${p.min} characters.`,
  },
  password_too_common: {
    sv: () => 'Lösenordet är ett av de vanligaste; välj ett annat.',
    en: () => 'The password is one of the most common; choose another.',
  },
  password_contains_email: {
    sv: () => 'Lösenordet får inte innehålla e-postadressen.',
    en: () => 'The password must not contain the e-mail address.',
  },
  password_too_weak: {
    sv: (p) =>
      `Lösenordet är för lätt att gissa.${hint(p.warning, 'sv')} Välj en längre fras av ovanliga ord.`,
    en: (p) =>
      `The password is too easy to guess.${hint(p.warning, 'en')} Choose a longer phrase of uncommon words.`,
  },
  invalid_characters: {
    sv: () => 'Får inte innehålla osynliga tecken eller tecken som vänder skriftriktningen.',
    en: () => 'Must not contain invisible characters or characters that change the writing direction.',
  },
  wrong_password: { sv: () => 'Fel nuvarande lösenord.', en: () => 'The current password is wrong.' },
  totp_code_wrong: {
    sv: () => 'Fel kod, eller koden har gått ut.',
    en: () => 'The code is wrong or has expired.',
  },
  recovery_code_wrong: {
    sv: () => 'Fel eller redan använd återställningskod.',
    en: () => 'Wrong or already used recovery code.',
  },
  group_staff_replacement_required: {
    sv: () => 'Välj vem som tar över gruppen: annars står den utan personal.',
    en: () => 'Choose who takes over the group: otherwise it is left without staff.',
  },
  own_account: {
    sv: () => 'Du kan inte ändra roll på eller inaktivera ditt eget konto.',
    en: () => 'You cannot change the role of, or deactivate, your own account.',
  },
  invalid_cursor: {
    sv: () => 'Listan har ändrats; börja om från första sidan.',
    en: () => 'The list has changed; start again from the first page.',
  },
  idempotency_key_required: {
    sv: () => 'Begäran saknar Idempotency-Key.',
    en: () => 'The request needs an Idempotency-Key.',
  },
  idempotency_key_invalid: {
    sv: () => 'Ogiltig Idempotency-Key.',
    en: () => 'The Idempotency-Key is not valid.',
  },
  file_required: { sv: () => 'Välj en fil att ladda upp.', en: () => 'Choose a file to upload.' },
  file_too_large: {
    sv: (p) => `Filen är för stor (högst ${megabytes(p.maxBytes)} MB).`,
    en: (p) => `The file is too large (at most ${megabytes(p.maxBytes)} MB).`,
  },
  file_type_not_allowed: {
    sv: () => 'Filtypen är inte tillåten.',
    en: () => 'That type of file is not allowed.',
  },
  upload_unreadable: {
    sv: () => 'Filen kunde inte läsas; skicka en fil i taget.',
    en: () => 'The upload could not be read; send one file at a time.',
  },
  file_not_csv: { sv: () => 'Filen är inte giltig CSV.', en: () => 'The file is not valid CSV.' },
  file_not_xlsx: {
    sv: () => 'Filen är inte en Excel-arbetsbok (.xlsx).',
    en: () => 'The file is not an Excel workbook (.xlsx).',
  },
  file_no_sheet: { sv: () => 'Arbetsboken har inget blad.', en: () => 'The workbook has no sheet.' },
  file_no_rows: {
    sv: () => 'Filen har inga rader att läsa in.',
    en: () => 'The file has no rows to import.',
  },
  file_has_errors: {
    sv: (p) => `Filen har ${p.count} fel; inget sparades.`,
    en: (p) => `The file has ${p.count} error(s); nothing was saved.`,
  },
  missing_columns: {
    sv: (p) => `Kolumner saknas: ${list(p.columns)}.`,
    en: (p) => `Missing columns: ${list(p.columns)}.`,
  },
  invalid_group_number: {
    sv: () => 'Ange ett gruppnummer (1, 2, …).',
    en: () => 'Enter a group number (1, 2, …).',
  },
  unknown_municipality_code: {
    sv: (p) => `${p.value || '(tomt)'} är ingen av insatsens kommuner.`,
    en: (p) => `${p.value || '(empty)'} is not a municipality of the programme.`,
  },
  end_required_unless_ongoing: {
    sv: () => 'Slutdatum krävs om statusen inte är pågående.',
    en: () => 'An end date is required unless the status is ongoing.',
  },
  group_dates_differ: {
    sv: (p) => `Grupp ${p.group} har andra datum på rad ${p.row}.`,
    en: (p) => `Group ${p.group} has other dates on row ${p.row}.`,
  },
  column_count_differs: {
    sv: (p) => `Raden har ${p.actual} kolumner men rubrikraden har ${p.expected}.`,
    en: (p) => `The row has ${p.actual} columns but the header has ${p.expected}.`,
  },
  unknown_columns: {
    sv: (p) => `Okända kolumner: ${list(p.columns)}.`,
    en: (p) => `Unknown columns: ${list(p.columns)}.`,
  },
  duplicate_columns: {
    sv: (p) => `Kolumner som finns två gånger: ${list(p.columns)}.`,
    en: (p) => `Columns given twice: ${list(p.columns)}.`,
  },
  before_group_start: {
    sv: (p) => `Datumet ligger före gruppens start (${p.groupStart}).`,
    en: (p) => `The date is before the group starts (${p.groupStart}).`,
  },
  after_group_end: {
    sv: (p) => `Datumet ligger efter gruppens slut (${p.groupEnd}).`,
    en: (p) => `The date is after the group ends (${p.groupEnd}).`,
  },
  ongoing_in_ended_group: {
    sv: (p) => `Gruppen slutade ${p.groupEnd}; en inskrivning i den kan inte vara pågående.`,
    en: (p) => `The group ended on ${p.groupEnd}; an enrolment in it cannot be ongoing.`,
  },
  ongoing_has_end: {
    sv: () => 'En pågående inskrivning har inget slutdatum.',
    en: () => 'An ongoing enrolment has no end date.',
  },
  only_when_left_early: {
    sv: () => 'Fylls bara i när statusen är avbrott.',
    en: () => 'Only given when the status is left early.',
  },
  outside_enrolment: {
    sv: (p) => `Datumet ligger utanför inskrivningen (${p.start} – ${p.end}).`,
    en: (p) => `The date is outside the enrolment (${p.start} – ${p.end}).`,
  },
  duplicate_row: {
    sv: (p) => `Samma inskrivning som på rad ${p.row}.`,
    en: (p) => `The same enrolment as on row ${p.row}.`,
  },
  already_imported: {
    sv: () => 'Inskrivningen finns redan: samma person, grupp och startdatum.',
    en: () => 'The enrolment is already there: the same person, group and start date.',
  },
  file_changed_since_dry_run: {
    sv: () => 'Filen är inte den som provkördes. Provkör filen igen innan du bekräftar.',
    en: () => 'The file is not the one that was checked. Check the file again before you confirm.',
  },
  group_exists_with_other_dates: {
    sv: (p) => `Gruppen finns redan med perioden ${p.start} – ${p.end}.`,
    en: (p) => `The group already exists with the period ${p.start} – ${p.end}.`,
  },
  invalid_request: {
    sv: () => 'Uppgifterna är inte giltiga. Rätta de markerade fälten.',
    en: () => 'The data is not valid. Correct the marked fields.',
  },
  body_empty: { sv: () => 'Begäran var tom.', en: () => 'The request was empty.' },
  invalid_json: { sv: () => 'Begäran kunde inte läsas.', en: () => 'The request could not be read.' },
  body_too_large: { sv: () => 'Det som skickades är för stort.', en: () => 'What was sent is too large.' },
  body_too_deep: {
    sv: (p) => `Det som skickades har fler än ${p.max} nivåer.`,
    en: (p) => `What was sent is nested more than ${p.max} levels deep.`,
  },
  unsupported_media_type: {
    sv: () => 'Det som skickades har fel format.',
    en: () => 'What was sent has the wrong format.',
  },
  not_signed_in: {
    sv: () => 'Du är inte inloggad, eller har varit inaktiv för länge. Logga in igen.',
    en: () => 'You are not signed in, or were inactive too long. Sign in again.',
  },
  wrong_credentials: { sv: () => 'Fel e-post eller lösenord.', en: () => 'Wrong e-mail or password.' },
  totp_required: {
    sv: () => 'Ange den sexsiffriga koden från din autentiseringsapp.',
    en: () => 'Enter the six-digit code from your authenticator app.',
  },
  local_password_off: {
    sv: () => 'Din organisation loggar in med kommunens konto, inte med lösenord i Stegvis.',
    en: () => "Your organisation signs in with the municipality's account, not with a Stegvis password.",
  },
  csrf_token_missing: {
    sv: () => 'Sidan är för gammal; ladda om och försök igen.',
    en: () => 'The page is out of date; reload it and try again.',
  },
  mfa_setup_required: {
    sv: () => 'Aktivera tvåstegsverifiering först.',
    en: () => 'Set up two-factor authentication first.',
  },
  password_change_required: {
    sv: () => 'Välj ett eget lösenord först.',
    en: () => 'Choose your own password first.',
  },
  forbidden: { sv: () => 'Din roll får inte göra detta.', en: () => 'Your role may not do this.' },
  not_your_organisation: {
    sv: () => 'Du kan bara lägga till remisser från din egen organisation.',
    en: () => 'You may add referrals only from your own organisation.',
  },
  programme_lead_required: {
    sv: () => 'Bara insatsens processledare eller en administratör bestämmer vem som är personal i en grupp.',
    en: () => 'Only the programme lead or an admin decides who is staff of a group.',
  },
  handbook_editor_required: {
    sv: () => 'Du behöver redaktörsrätt för att ändra i handboken; fråga en administratör.',
    en: () => 'Editing the handbook needs the editor right; ask an administrator.',
  },
  not_found: {
    sv: (p) => `Hittar inte ${entity(p.entity, 'sv')}, eller så har du inte behörighet att se den.`,
    en: (p) => `${cap(entity(p.entity, 'en'))} was not found, or is not yours to see.`,
  },
  survey_code_missing: {
    sv: () => 'Ingen enkätkod: öppna länken eller skriv koden igen.',
    en: () => 'No survey code: open the link or type the code again.',
  },
  survey_code_unknown: { sv: () => 'Koden finns inte.', en: () => 'This code is not known.' },
  survey_code_other_round: {
    sv: () => 'Koden hör till en annan enkätomgång. Kontrollera lappen.',
    en: () => 'The code belongs to another survey round. Check the slip.',
  },
  stale_version: {
    sv: () => 'Någon annan har ändrat detta under tiden. Ladda om och gör din ändring igen.',
    en: () => 'Someone else changed this in the meantime. Reload and make your change again.',
  },
  template_superseded: {
    sv: () => 'Metodmallen har fått en nyare version. Ladda om och utgå från den.',
    en: () => 'The method template has a newer version. Reload and start from it.',
  },
  group_number_taken: {
    sv: (p) => `Det finns redan en Grupp ${p.number} i den kommunen. Välj ett annat nummer.`,
    en: (p) => `There is already a Group ${p.number} in that municipality. Choose another number.`,
  },
  conflict: {
    sv: () => 'Ändringen krockar med något som redan finns.',
    en: () => 'The change conflicts with something that already exists.',
  },
  duplicate_value: {
    sv: () => 'Det finns redan en post med samma uppgift.',
    en: () => 'A record with the same value already exists.',
  },
  directory_name_taken: {
    sv: () => 'Namnet finns redan i katalogen.',
    en: () => 'The name is already in the directory.',
  },
  municipality_code_taken: {
    sv: (p) => `Kommunkoden ${p.code} används redan av en annan kommun.`,
    en: (p) => `Municipality code ${p.code} is already used by another municipality.`,
  },
  duplicate_personal_number: {
    sv: () => 'Det finns redan en deltagare med det personnumret.',
    en: () => 'A participant with this personal number is already registered.',
  },
  duplicate_email: {
    sv: () => 'Det finns redan en användare med den e-postadressen.',
    en: () => 'A user with this e-mail address already exists.',
  },
  already_enrolled: {
    sv: () => 'Deltagaren är redan inskriven i gruppen.',
    en: () => 'The participant is already enrolled in this group.',
  },
  already_active_in_programme: {
    sv: () =>
      'Deltagaren är redan aktiv i en annan grupp i insatsen. Avsluta eller flytta den inskrivningen först.',
    en: () =>
      'The participant is already active in another group of this programme. End or move that enrolment first.',
  },
  request_in_progress: {
    sv: () => 'Samma begäran behandlas redan; försök igen om en stund.',
    en: () => 'The same request is being processed; try again shortly.',
  },
  survey_code_used: {
    sv: () => 'Koden har redan använts för att svara.',
    en: () => 'This code has already been used to answer.',
  },
  round_not_open: {
    sv: (p) => `Enkäten har inte öppnat än (öppnar ${formatStockholm(p.opensAt)}).`,
    en: (p) => `The survey has not opened yet (opens ${formatStockholm(p.opensAt)} Swedish time).`,
  },
  round_closed: { sv: () => 'Enkäten har stängt.', en: () => 'The survey has closed.' },
  rule_not_met: { sv: () => 'En regel är inte uppfylld.', en: () => 'A rule is not met.' },
  consent_to_share_required: {
    sv: () =>
      'Den sökande måste samtycka till att analysgruppen delar uppgifter innan remissen kan tas emot.',
    en: () =>
      'The candidate must consent to the analysis group sharing information before the referral is received.',
  },
  consent_missing: {
    sv: (p) =>
      `Samtycke saknas (${labelOfStored('consentPurpose', p.purpose, 'sv')}): deltagaren har inte gett det, eller har återkallat det.`,
    en: (p) =>
      `No consent in force (${labelOfStored('consentPurpose', p.purpose, 'en')}): the participant has not given it, or has withdrawn it.`,
  },
  consent_already_withdrawn: {
    sv: () => 'Samtycket är redan återkallat.',
    en: () => 'The consent is already withdrawn.',
  },
  already_committee_member: {
    sv: () => 'Personen är redan medlem i gruppen, för samma organisation.',
    en: () => 'The person is already a member of this group, for the same organisation.',
  },
  committee_membership_ended: {
    sv: (p) => `Medlemskapet avslutades redan ${p.endedOn}.`,
    en: (p) => `The membership already ended on ${p.endedOn}.`,
  },
  totp_not_enabled: {
    sv: () => 'Tvåstegsverifiering är inte påslagen.',
    en: () => 'Two-step verification is not switched on.',
  },
  totp_required_for_role: {
    sv: () => 'Din roll kräver tvåstegsverifiering; den kan bytas men inte stängas av.',
    en: () => 'Your role requires two-step verification; it can be replaced but not switched off.',
  },
  referral_transition: {
    sv: (p) => `En remiss med status ${p.from} kan inte bli ${p.to}.`,
    en: (p) => `A referral that is ${p.from} cannot become ${p.to}.`,
  },
  enrolment_not_active: {
    sv: () => 'Bara en pågående inskrivning kan flyttas.',
    en: () => 'Only an active enrolment can be moved.',
  },
  outcome_before_follow_up: {
    sv: () => 'Registrera resultatet vid insatsens slut före uppföljningarna.',
    en: () => 'Record the outcome at the end of the programme before its follow-ups.',
  },
  theme_mismatch: {
    sv: (p) => `Materialet hör till temat "${p.entryTheme}", passets tema är "${p.sessionTheme}".`,
    en: (p) => `The material is for the theme "${p.entryTheme}"; the session's theme is "${p.sessionTheme}".`,
  },
  editor_must_be_staff: {
    sv: () => 'Endast programpersonal kan få redaktörsrätt.',
    en: () => 'Only programme staff can be handbook editors.',
  },
  idempotency_key_reused: {
    sv: () => 'Idempotency-Key har redan använts för en annan begäran.',
    en: () => 'This Idempotency-Key was already used for a different request.',
  },
  survey_results_not_ready: {
    sv: (p) =>
      p.state === 'closed'
        ? `Bara ${p.answered} svarade. Resultaten visas bara när minst ${p.k} har svarat, så att ingen kan pekas ut.`
        : `Resultaten visas när enkäten har stängt, om minst ${p.k} har svarat (${p.answered} hittills).`,
    en: (p) =>
      p.state === 'closed'
        ? `Only ${p.answered} answered. Results are shown only when at least ${p.k} have answered, so that no one can be singled out.`
        : `Results are shown once the survey has closed, if at least ${p.k} have answered (${p.answered} so far).`,
  },
  too_many_requests: {
    sv: () => 'För många försök – vänta en stund och försök igen.',
    en: () => 'Too many attempts – wait a while and try again.',
  },
  too_many_logins: {
    sv: () => 'För många misslyckade inloggningar. Vänta några minuter och försök igen.',
    en: () => 'Too many failed sign-ins. Wait a few minutes and try again.',
  },
  too_many_code_attempts: {
    sv: (p) => `För många felaktiga koder. Vänta ${p.seconds} sekunder och försök igen.`,
    en: (p) => `Too many wrong codes. Wait ${p.seconds} seconds and try again.`,
  },
  internal_error: {
    sv: () => 'Något gick fel hos oss. Felet har loggats.',
    en: () => 'Something went wrong on our side. The error has been logged.',
  },
  database_unavailable: {
    sv: () => 'Databasen går inte att nå just nu; inget sparades. Försök igen om några sekunder.',
    en: () => 'The database cannot be reached just now; nothing was saved. Try again in a few seconds.',
  },
  unavailable: {
    sv: () => 'Tjänsten är inte tillgänglig just nu. Försök igen snart.',
    en: () => 'The service is not available just now. Try again soon.',
  },
  over_allocated: {
    sv: (p) => `${p.name} är allokerad ${p.percent} % (över 100 %) under perioden.`,
    en: (p) => `${p.name} is allocated ${p.percent} % (over 100 %) in the period.`,
  },
  personal_number_in_text: {
    sv: (p) =>
      `Texten ser ut att innehålla ett personnummer (${p.excerpt}…). Handboken delas med alla program – ta bort personuppgifter.`,
    en: (p) =>
      `The text seems to contain a personal number (${p.excerpt}…). The handbook is shared by every programme – remove personal data.`,
  },
  fewer_than_k: { sv: (p) => `färre än ${p.k} svar`, en: (p) => `fewer than ${p.k} answers` },
  screening_swedish_level_missing: { sv: () => 'Svenskanivå saknas', en: () => 'Swedish level missing' },
  screening_swedish_level: {
    sv: (p) => `Svenskanivå ${level(p.level, 'sv')} (kravet är minst ${level(p.min, 'sv')})`,
    en: (p) => `Swedish level ${level(p.level, 'en')} (at least ${level(p.min, 'en')} is required)`,
  },
  screening_birth_country_missing: {
    sv: () => 'Uppgift om födelseland saknas',
    en: () => 'Country of birth missing',
  },
  screening_foreign_born: { sv: () => 'Utrikes född', en: () => 'Born abroad' },
  screening_not_foreign_born: { sv: () => 'Inte utrikes född', en: () => 'Not born abroad' },
  screening_age_missing: { sv: () => 'Ålder saknas', en: () => 'Age missing' },
  screening_age: {
    sv: (p) => `Ålder ${p.age} (${p.min}–${p.max})`,
    en: (p) => `Age ${p.age} (${p.min}–${p.max})`,
  },
  screening_registered_at_af: {
    sv: () => 'Inskriven på Arbetsförmedlingen',
    en: () => 'Registered with the Public Employment Service',
  },
  screening_not_registered_at_af: {
    sv: () => 'Inte inskriven på Arbetsförmedlingen',
    en: () => 'Not registered with the Public Employment Service',
  },
};

/** zxcvbn's warning keys (packages/contracts/src/password.ts), as a sentence after the verdict. */
const PASSWORD_HINTS: Record<string, { sv: string; en: string }> = {
  straightRow: { sv: 'Tangenter i rad är lätta att gissa.', en: 'Straight rows of keys are easy to guess.' },
  keyPattern: {
    sv: 'Korta tangentmönster är lätta att gissa.',
    en: 'Short keyboard patterns are easy to guess.',
  },
  simpleRepeat: {
    sv: 'Upprepade tecken som "aaa" är lätta att gissa.',
    en: 'Repeated characters like "aaa" are easy to guess.',
  },
  extendedRepeat: {
    sv: 'Upprepade mönster som "abcabc" är lätta att gissa.',
    en: 'Repeated patterns like "abcabc" are easy to guess.',
  },
  sequences: {
    sv: 'Följder som "abc" eller "123" är lätta att gissa.',
    en: 'Sequences like "abc" or "123" are easy to guess.',
  },
  recentYears: { sv: 'Årtal är lätta att gissa.', en: 'Recent years are easy to guess.' },
  dates: { sv: 'Datum är lätta att gissa.', en: 'Dates are easy to guess.' },
  topTen: {
    sv: 'Det är ett av de allra vanligaste lösenorden.',
    en: 'It is one of the most used passwords.',
  },
  topHundred: { sv: 'Det är ett mycket vanligt lösenord.', en: 'It is a very common password.' },
  common: { sv: 'Det är ett vanligt lösenord.', en: 'It is a common password.' },
  similarToCommon: { sv: 'Det liknar ett vanligt lösenord.', en: 'It is similar to a common password.' },
  wordByItself: { sv: 'Enstaka ord är lätta att gissa.', en: 'Single words are easy to guess.' },
  namesByThemselves: { sv: 'Enstaka namn är lätta att gissa.', en: 'Single names are easy to guess.' },
  commonNames: {
    sv: 'Vanliga för- och efternamn är lätta att gissa.',
    en: 'Common names are easy to guess.',
  },
  userInputs: {
    sv: 'Det innehåller ditt namn eller din e-postadress.',
    en: 'It contains your name or e-mail address.',
  },
  pwned: { sv: 'Det har läckt vid ett dataintrång.', en: 'It was exposed in a data breach.' },
};
const hint = (warning: string, lang: Lang): string => {
  const text = PASSWORD_HINTS[warning]?.[lang];
  return text ? ` ${text}` : '';
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function megabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024 / 1024));
}

/**
 * A code's text in `lang`, or null for a code this build does not know (a newer api): the caller then shows the
 * api's own `detail` or `message`. Parameters come from the api as JSON, so a missing one cannot throw here.
 */
export function problemText(lang: Lang, code: unknown, params?: unknown): string | null {
  if (!isProblemCode(code)) return null;
  const word = PROBLEM_TEXTS[code][lang] as (p: Record<string, unknown>) => string;
  try {
    return word({ ...(typeof params === 'object' && params ? params : {}) });
  } catch {
    return null;
  }
}
