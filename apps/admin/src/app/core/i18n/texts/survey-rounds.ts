import type { Texts } from './texts';

/** Texts of survey rounds on the staff side, slips and the handbook. */
export const SURVEY_ROUNDS_TEXTS = {
  'sr.paperPdf': { sv: 'Pappersenkät (PDF)', en: 'Paper questionnaire (PDF)' },
  'sr.paperPdfLanguage': { sv: 'Pappersenkätens språk', en: 'Language of the paper questionnaire' },
  'sr.paperPdfHelp': {
    sv: 'Skriv ut enkäten för den som svarar på papper. Deltagaren skriver koden från sin lapp i rutorna; svaren skriver du sedan in med ”Skriv in pappersenkäter”.',
    en: 'Print the questionnaire for those who answer on paper. The participant copies the code from their slip into the boxes; you then type the answers in with “Type in paper answers”.',
  },
  'sr.paperPdfOf': {
    sv: 'Pappersenkät (PDF) för enkäten som stänger {closes}',
    en: 'Paper questionnaire (PDF) for the survey closing {closes}',
  },
  'sr.paperPdfDone': { sv: 'Pappersenkäten är nedladdad.', en: 'The paper questionnaire is downloaded.' },
  'sr.timeHint': {
    sv: 'Tiderna är svensk tid (Europe/Stockholm).',
    en: 'Times are Swedish time (Europe/Stockholm).',
  },
  'sr.opensAt': { sv: 'Öppnar (svensk tid)', en: 'Opens (Swedish time)' },
  'sr.closesAt': { sv: 'Stänger (svensk tid)', en: 'Closes (Swedish time)' },
  'sr.openBadge': { sv: 'öppen', en: 'open' },
  'sr.actions': { sv: 'Åtgärder', en: 'Actions' },
  'sr.openExistsTitle': {
    sv: 'Gruppen har redan en öppen enkät',
    en: 'The group already has an open survey',
  },
  'sr.openExists': {
    sv: 'En enkät för gruppen gäller {opens} – {closes}. Öppnar du en till får varje deltagare en kod till, och svaren räknas i två omgångar.',
    en: 'A survey of the group runs {opens} – {closes}. Opening another gives every participant a second code, and the answers count in two rounds.',
  },
  'sr.openAnyway': { sv: 'Öppna ändå', en: 'Open anyway' },
  'sr.cancel': { sv: 'Avbryt', en: 'Cancel' },
  'sr.opened': {
    sv: 'Enkäten är öppnad: {n} koder. Skriv ut lapparna nu.',
    en: 'The survey is open: {n} codes. Print the slips now.',
  },
  'sr.newCodes': { sv: 'Nya koder', en: 'New codes' },
  'sr.name': { sv: 'Namn', en: 'Name' },
  'sr.hasCode': { sv: 'Har en kod', en: 'Has a code' },
  'sr.noCode': {
    sv: 'Saknar kod (inskriven efter att enkäten öppnade)',
    en: 'No code (enrolled after the survey opened)',
  },
  'sr.reissue': { sv: 'Ny kod', en: 'New code' },
  'sr.reissueTitle': { sv: 'Ny kod till {name}', en: 'A new code for {name}' },
  'sr.reissueMessage': {
    sv: 'Den gamla koden slutar gälla direkt, också på en utskriven lapp. Den nya visas bara en gång.',
    en: 'The old code stops working at once, on a printed slip too. The new one is shown only once.',
  },
  'sr.reissued': {
    sv: 'Ny kod till {name}. Den gamla koden gäller inte längre.',
    en: 'A new code for {name}. The old code no longer works.',
  },
  'sr.giveCode': { sv: 'Ge kod', en: 'Give a code' },
  'sr.giveCodeTo': { sv: 'Ge kod till {name}', en: 'Give {name} a code' },
  'sr.giveAll': { sv: 'Ge kod till alla nya ({n})', en: 'Give codes to all new ({n})' },
  'sr.given': {
    sv: '{n} nya koder. Skriv ut lapparna nu: koderna visas bara en gång.',
    en: '{n} new codes. Print the slips now: the codes are shown only once.',
  },
  'sr.allAnswered': { sv: 'Alla har svarat.', en: 'Everyone has answered.' },
  'sr.closedNoCodes': {
    sv: 'Enkäten har stängt, så inga nya koder kan ges ut.',
    en: 'The survey has closed, so no new codes can be given out.',
  },
  'sr.slipsTitle': { sv: 'Kodlappar', en: 'Code slips' },
  'sr.slipsCount': { sv: '{n} lappar', en: '{n} slips' },
  'sr.closes': { sv: 'Enkäten stänger {at}', en: 'The survey closes {at}' },
  'sr.slipsHelp': {
    sv: 'Klipp isär lapparna och dela ut dem. Deltagaren river av remsan med sitt namn; delen som lämnas tillbaka med svaren har inget namn.',
    en: 'Cut the slips apart and hand them out. The participant tears off the strip with their name; the part handed back with the answers has no name.',
  },
  'sr.printNow': { sv: 'Skriv ut', en: 'Print' },
  'sr.back': { sv: 'Tillbaka till gruppen', en: 'Back to the group' },
  'sr.backToGroups': { sv: 'Till grupperna', en: 'To the groups' },
  'sr.noSlips': {
    sv: 'Det finns inga koder att skriva ut. En kod visas bara en gång: ge en ny kod från gruppens enkätflik.',
    en: 'There are no codes to print. A code is shown only once: give a new code from the group’s survey tab.',
  },
  'sr.slipOf': { sv: 'Lapp för', en: 'Slip for' },
  'sr.tearOff': {
    sv: 'Riv av remsan med namnet innan du lämnar in lappen.',
    en: 'Tear off the strip with the name before handing in the slip.',
  },
  'sr.cutHere': { sv: 'Riv av här', en: 'Tear off here' },
  'sr.qrAlt': { sv: 'QR-kod till enkäten', en: 'QR code to the survey' },
  'hbx.fixFields': {
    sv: 'Inget sparades. Rätta de markerade fälten; det du skrev finns kvar.',
    en: 'Nothing was saved. Correct the marked fields; what you typed is kept.',
  },
  'hbx.editorsTitle': { sv: 'Redaktörer för handboken', en: 'Handbook editors' },
  'hbx.editorsHelp': {
    sv: 'All personal kan läsa handboken. Bara redaktörer kan skriva och ändra i den.',
    en: 'All staff can read the handbook. Only editors can write and change it.',
  },
  'hbx.noStaff': { sv: 'Det finns ingen personal att utse.', en: 'There are no staff to appoint.' },
  'hbx.person': { sv: 'Personal', en: 'Staff member' },
  'hbx.editor': { sv: 'Redaktör', en: 'Editor' },
  'hbx.editorFor': { sv: '{name} är redaktör', en: '{name} is an editor' },
  'hbx.granted': { sv: '{name} är nu redaktör för handboken.', en: '{name} is now a handbook editor.' },
  'hbx.revoked': {
    sv: '{name} är inte längre redaktör för handboken.',
    en: '{name} is no longer a handbook editor.',
  },
} as const satisfies Texts;
