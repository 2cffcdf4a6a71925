import type { Texts } from './texts';

/** Texts of the participant record: registration, edit, search, consents, audit trail, extract and erasure. */
export const PARTICIPANT_RECORD_TEXTS = {
  // Registration and edit
  'pr.programme': { sv: 'Insats', en: 'Programme' },
  'pr.programmeHint': {
    sv: 'Välj den insats som registrerar personen.',
    en: 'Choose the programme that registers the person.',
  },
  'pr.programmeRequired': { sv: 'Välj en insats', en: 'Choose a programme' },
  'pr.noProgrammes': {
    sv: 'Du är inte knuten till någon insats och kan inte registrera deltagare.',
    en: 'You are not allocated to any programme and cannot register participants.',
  },
  'pr.registered': { sv: 'Deltagaren är registrerad.', en: 'The participant is registered.' },
  'pr.duplicate': {
    sv: 'Det finns redan en deltagare med det personnumret.',
    en: 'A participant with this personal number is already registered.',
  },
  'pr.pnHint': { sv: 'Samordningsnummer går också bra', en: 'A coordination number works too' },
  'pr.birthYear': { sv: 'Födelseår', en: 'Birth year' },
  'pr.arrival': { sv: 'Ankomstår till Sverige', en: 'Year of arrival in Sweden' },
  'pr.languages': { sv: 'Språk (skilj med komma)', en: 'Languages (separate with commas)' },
  'pr.interpreter': { sv: 'Behöver tolk', en: 'Needs an interpreter' },
  'pr.education': { sv: 'Utbildning från hemlandet', en: 'Education from the home country' },
  'pr.educationField': { sv: 'Utbildningsinriktning', en: 'Field of education' },
  'pr.workExperience': { sv: 'Arbetslivserfarenhet', en: 'Work experience' },
  'pr.afStatus': { sv: 'Status hos Arbetsförmedlingen', en: 'Status at Arbetsförmedlingen' },
  'pr.drivingLicence': { sv: 'Körkort', en: 'Driving licence' },
  'pr.computerAtHome': { sv: 'Dator hemma', en: 'Computer at home' },
  'pr.incomeSupport': { sv: 'Försörjningsstöd', en: 'Income support' },
  'pr.none': { sv: 'Inte angivet', en: 'Not given' },
  'pr.edit': { sv: 'Ändra uppgifter', en: 'Edit the record' },
  'pr.editTitle': { sv: 'Ändra uppgifterna', en: 'Edit the record' },
  'pr.updated': { sv: 'Uppgifterna är sparade.', en: 'The record is saved.' },
  'pr.maskedNoEdit': {
    sv: 'Uppgifterna kan bara ändras av den som ser personens identitet.',
    en: 'Only those who see her identity can change the record.',
  },
  'pr.coordinationNumber': { sv: '(samordningsnummer)', en: '(coordination number)' },
  // Search
  'pr.search': { sv: 'Sök namn eller personnummer', en: 'Search name or personal number' },
  'pr.searchHint': {
    sv: 'Personnummer med eller utan sekel och bindestreck',
    en: 'Personal number with or without century and dash',
  },
  'pr.emptyAll': { sv: 'Insatsen har inga deltagare ännu.', en: 'The programme has no participants yet.' },
  'pr.emptySearch': { sv: 'Ingen deltagare matchar sökningen.', en: 'No participant matches the search.' },
  'pr.listCaption': { sv: 'Deltagare i insatsen', en: 'Participants of the programme' },
  // Consents
  'pr.consentsCaption': { sv: 'Samtycken per ändamål', en: 'Consents by purpose' },
  'pr.consentStatus': { sv: 'Status', en: 'Status' },
  'pr.consentActive': { sv: 'Gäller', en: 'In force' },
  'pr.consentOrganisation': { sv: 'Samverkanspart', en: 'Partner organisation' },
  'pr.consentScope': { sv: 'Omfattning (frivilligt)', en: 'Scope (optional)' },
  'pr.consentGivenOn': { sv: 'Givet den (ÅÅÅÅ-MM-DD)', en: 'Given on (YYYY-MM-DD)' },
  'pr.consentNew': { sv: 'Registrera samtycke', en: 'Record a consent' },
  'pr.consentRenewTitle': { sv: 'Förnya samtycke', en: 'Renew a consent' },
  'pr.consentSave': { sv: 'Registrera', en: 'Record' },
  'pr.consentSaved': { sv: 'Samtycket är registrerat.', en: 'The consent is recorded.' },
  'pr.consentRenew': { sv: 'Förnya', en: 'Renew' },
  'pr.consentWithdraw': { sv: 'Återkalla', en: 'Withdraw' },
  'pr.consentWithdrawn': { sv: 'Samtycket är återkallat.', en: 'The consent is withdrawn.' },
  'pr.consentWithdrawTitle': { sv: 'Återkalla samtycket?', en: 'Withdraw the consent?' },
  'pr.consentWithdrawBody': {
    sv: 'Det som samtycket omfattar stoppas från och med nu. Samtycket finns kvar i historiken som återkallat, och ett nytt kan registreras om personen ger det igen.',
    en: 'What the consent covers stops from now on. The consent stays in the history as withdrawn, and a new one can be recorded if she gives it again.',
  },
  'pr.consentNoWrite': {
    sv: 'Du kan läsa samtyckena men inte ändra dem.',
    en: 'You can read the consents but not change them.',
  },
  'pr.share': { sv: 'Dela uppgifter', en: 'Share data' },
  'pr.shareTitle': { sv: 'Dela uppgifter med {organisation}', en: 'Share data with {organisation}' },
  'pr.shareWhat': {
    sv: 'Det som delas: namn, svenskanivå och insatser (grupp och status). Inget annat, och aldrig hälsouppgifter.',
    en: 'What is shared: name, Swedish level and programmes (group and status). Nothing else, and never health data.',
  },
  'pr.shareLogged': {
    sv: 'Delningen loggas med syftet och syns i deltagarens logg. Samtycket måste gälla när du delar.',
    en: "The sharing is logged with its purpose and shows in the participant's audit trail. The consent must be in force when you share.",
  },
  'pr.sharePurpose': { sv: 'Syfte med delningen', en: 'Purpose of sharing' },
  'pr.sharePurposeHint': {
    sv: 'Till exempel: inför analysgruppens möte om fortsatt insats.',
    en: 'For example: for the analysis group meeting about her next step.',
  },
  'pr.shareConfirm': { sv: 'Dela', en: 'Share' },
  'pr.shared': {
    sv: 'Uppgifterna är delade med {organisation}.',
    en: 'The data is shared with {organisation}.',
  },
  // Audit trail
  'pr.auditEntity': { sv: 'Gällde', en: 'Concerning' },
  'pr.auditRole': { sv: 'Roll', en: 'Role' },
  'pr.auditEmpty': { sv: 'Inga händelser ännu.', en: 'No events yet.' },
  'pr.auditCaption': {
    sv: 'Vem som har läst eller ändrat personens uppgifter (svensk tid)',
    en: "Who read or changed the person's data (Swedish time)",
  },
  'pr.system': { sv: 'Systemet', en: 'The system' },
  // Extract and erasure
  'pr.rights': { sv: 'Registerutdrag och radering', en: 'Data-subject extract and erasure' },
  'pr.rightsIntro': {
    sv: 'När personen begär det: ett utdrag av allt som finns registrerat om personen, eller radering av personuppgifterna.',
    en: 'When the person asks: an extract of everything recorded about them, or erasure of their personal data.',
  },
  'pr.extract': { sv: 'Ta ut registerutdrag', en: 'Make the data-subject extract' },
  'pr.extractDone': {
    sv: 'Registerutdraget är nedladdat. Uttaget syns i granskningsloggen.',
    en: 'The extract is downloaded. It shows in the audit trail.',
  },
  'pr.extractNoHealth': {
    sv: 'Registerutdraget är nedladdat, men utan hälsouppgifter: de får bara den som ser personen ta ut.',
    en: 'The extract is downloaded, but without health data: only those who see her may include it.',
  },
  'pr.erase': { sv: 'Radera personuppgifterna', en: 'Erase the personal data' },
  'pr.eraseTitle': { sv: 'Radera personuppgifterna?', en: 'Erase the personal data?' },
  'pr.eraseRemovedTitle': { sv: 'Detta tas bort', en: 'Removed' },
  'pr.eraseRemoved': {
    sv: 'Namnet (ersätts med pseudonymen {pseudonym}), personnummer, telefon, e-post, adress, utbildningsinriktning, arbetslivserfarenhet, anteckningar och vårdkontakter under behov, alla individuella samtal och handlingsplanens steg.',
    en: 'The name (replaced by the pseudonym {pseudonym}), personal number, phone, e-mail, address, field of education, work experience, the notes and care contacts of needs, every individual talk and the steps of the action plan.',
  },
  'pr.eraseKeptTitle': {
    sv: 'Detta finns kvar utan namn och räknas anonymt i rapporterna',
    en: 'Kept without a name and counted anonymously in reports',
  },
  'pr.eraseKept': {
    sv: 'Kön, födelseår, inskrivningar, närvaro, praktik, skattningar, avslut och uppföljningar, samtycken och granskningsloggen.',
    en: 'Gender, birth year, enrolments, attendance, internships, assessments, outcomes and follow-ups, consents and the audit trail.',
  },
  'pr.eraseFinal': { sv: 'Raderingen går inte att ångra.', en: 'Erasure cannot be undone.' },
  'pr.eraseConfirm': { sv: 'Radera för gott', en: 'Erase for good' },
  'pr.erased': {
    sv: 'Personuppgifterna är raderade. Personen räknas anonymt i rapporterna.',
    en: 'The personal data is erased. The person is counted anonymously in reports.',
  },
  'pr.erasedNote': {
    sv: 'Personuppgifterna är raderade. Kvar finns bara det som räknas anonymt i rapporterna.',
    en: 'The personal data is erased. Only what counts anonymously in reports is left.',
  },
} as const satisfies Texts;
