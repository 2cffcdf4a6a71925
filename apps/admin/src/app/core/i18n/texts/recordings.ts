import type { Texts } from './texts';

/** Texts of the recorded readings of a questionnaire's texts, which the survey site plays. */
export const RECORDINGS_TEXTS = {
  'au.title': { sv: 'Inläst ljud', en: 'Recorded audio' },
  'au.intro': {
    sv: 'Läs in varje text på språket: spela in den här med datorns mikrofon, eller ladda upp en ljudfil (MP3, M4A, Ogg, WebM eller WAV, högst 10 MB). När deltagaren trycker på ”Läs upp” spelar enkätsidan inspelningen, också på telefoner som saknar röst för språket. Där det står … säger du programmets namn eller ”programmet”.',
    en: 'Record each text in the language: here with the computer\'s microphone, or upload an audio file (MP3, M4A, Ogg, WebM or WAV, at most 10 MB). When participants press "Read aloud", the survey site plays the recording, also on phones without a voice for the language. Where the text says …, say the programme\'s name or "the programme".',
  },
  'au.language': { sv: 'Språk', en: 'Language' },
  'au.count': { sv: '{n} av {total} texter inlästa', en: '{n} of {total} texts recorded' },
  'au.introText': { sv: 'Inledning', en: 'Introduction' },
  'au.question': { sv: 'Fråga {n}', en: 'Question {n}' },
  'au.messageThanks': { sv: 'Tackmeddelandet', en: 'The thank-you message' },
  'au.messageError': { sv: 'Felmeddelandet', en: 'The error message' },
  'au.messageFixAnswers': { sv: 'Svar att ändra', en: 'Answers to change' },
  'au.none': { sv: 'Inte inläst', en: 'Not recorded' },
  'au.by': { sv: 'Inläst av {name} {time}', en: 'Recorded by {name} {time}' },
  'au.upload': { sv: 'Ladda upp ljudfil', en: 'Upload audio file' },
  'au.replace': { sv: 'Byt ljudfil', en: 'Replace audio file' },
  'au.remove': { sv: 'Ta bort', en: 'Remove' },
  'au.removeFor': { sv: 'Ta bort inläsningen av {text}', en: 'Remove the recording of {text}' },
  'au.listen': { sv: 'Lyssna på {text}', en: 'Listen to {text}' },
  'au.uploaded': { sv: 'Inläsningen av {text} är sparad.', en: 'The recording of {text} is saved.' },
  'au.removed': { sv: 'Inläsningen av {text} är borttagen.', en: 'The recording of {text} is removed.' },
  'au.confirmTitle': { sv: 'Ta bort inläsningen?', en: 'Remove the recording?' },
  'au.confirmMessage': {
    sv: 'Deltagarna får telefonens egen uppläsning av {text} igen, eller ingen om telefonen saknar röst för språket.',
    en: "Participants get the phone's own reading of {text} again, or none if the phone has no voice for the language.",
  },
  'au.confirm': { sv: 'Ta bort', en: 'Remove' },
  'au.record': { sv: 'Spela in', en: 'Record' },
  'au.recordFor': { sv: 'Spela in: {text}', en: 'Record: {text}' },
  'au.recordingNow': { sv: 'Spelar in', en: 'Recording' },
  'au.stop': { sv: 'Stoppa', en: 'Stop' },
  'au.stopFor': { sv: 'Stoppa inspelningen av {text}', en: 'Stop recording {text}' },
  'au.listenNew': {
    sv: 'Lyssna på den nya inspelningen av {text}',
    en: 'Listen to the new recording of {text}',
  },
  'au.save': { sv: 'Spara inspelningen', en: 'Save the recording' },
  'au.saveFor': { sv: 'Spara inspelningen av {text}', en: 'Save the recording of {text}' },
  'au.again': { sv: 'Spela in igen', en: 'Record again' },
  'au.againFor': { sv: 'Spela in igen: {text}', en: 'Record again: {text}' },
  'au.discard': { sv: 'Kasta', en: 'Discard' },
  'au.unsaved': {
    sv: 'Spara eller kasta inspelningen innan du byter språk.',
    en: 'Save or discard the recording before you change the language.',
  },
  'au.microphoneDenied': {
    sv: 'Webbläsaren fick inte använda mikrofonen. Tillåt mikrofonen för den här sidan (ikonen i adressfältet) och försök igen, eller ladda upp en ljudfil.',
    en: 'The browser was not allowed to use the microphone. Allow the microphone for this page (the icon in the address bar) and try again, or upload an audio file.',
  },
  'au.noMicrophone': {
    sv: 'Ingen mikrofon hittades. Anslut en mikrofon eller ett headset och försök igen, eller ladda upp en ljudfil.',
    en: 'No microphone was found. Connect a microphone or headset and try again, or upload an audio file.',
  },
  'au.tooLarge': { sv: 'Filen är för stor: högst 10 MB.', en: 'The file is too large: at most 10 MB.' },
  'au.wrongType': {
    sv: 'Filen är inte en ljudfil som enkätsidan kan spela (MP3, M4A, Ogg, WebM eller WAV).',
    en: 'The file is not audio the survey site can play (MP3, M4A, Ogg, WebM or WAV).',
  },
} as const satisfies Texts;
