import type { Texts } from './texts';

/** The login page's sign-in through the municipality's identity provider (OpenID Connect). */
export const SIGN_IN_TEXTS = {
  'signIn.or': { sv: 'eller', en: 'or' },
  'signIn.oidc': { sv: 'Logga in med kommunens konto', en: "Sign in with the municipality's account" },
  'signIn.sso.expired': {
    sv: 'Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.',
    en: 'The sign-in took too long or was started in another browser. Try again.',
  },
  'signIn.sso.cancelled': {
    sv: 'Inloggningen med kommunens konto avbröts.',
    en: "The sign-in with the municipality's account was cancelled.",
  },
  'signIn.sso.failed': {
    sv: 'Kommunens inloggning kunde inte bekräftas. Försök igen, eller kontakta administratören om det upprepas.',
    en: "The municipality's sign-in could not be confirmed. Try again, or contact the administrator if it recurs.",
  },
  'signIn.sso.unavailable': {
    sv: 'Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund.',
    en: "The municipality's sign-in service does not answer right now. Try again in a while.",
  },
  'signIn.sso.no_email': {
    sv: 'Kommunens inloggning gav ingen bekräftad e-postadress, så ditt konto i Stegvis kunde inte hittas.',
    en: "The municipality's sign-in gave no confirmed e-mail address, so your Stegvis account could not be found.",
  },
  'signIn.sso.unknown_user': {
    sv: 'Det finns inget konto i Stegvis med din e-postadress. Be administratören att lägga upp dig.',
    en: 'There is no Stegvis account with your e-mail address. Ask the administrator to add you.',
  },
  'signIn.sso.inactive': {
    sv: 'Ditt konto i Stegvis är avstängt. Kontakta administratören.',
    en: 'Your Stegvis account is deactivated. Contact the administrator.',
  },
  'signIn.code.title': { sv: 'Tvåstegsverifiering', en: 'Two-factor login' },
  'signIn.code.intro': {
    sv: 'Du är inloggad med kommunens konto. Ange nu koden från din autentiseringsapp.',
    en: "You are signed in with the municipality's account. Now enter the code from your authenticator app.",
  },
  'signIn.code.over': {
    sv: 'Inloggningen tog för lång tid. Börja om med kommunens konto.',
    en: "The sign-in took too long. Start again with the municipality's account.",
  },
  'signIn.code.recoveryCode': { sv: 'Återställningskod', en: 'Recovery code' },
  'signIn.code.useRecovery': { sv: 'Använd en återställningskod', en: 'Use a recovery code' },
  'signIn.code.useApp': { sv: 'Använd koden från appen', en: 'Use the code from the app' },
  'signIn.code.wrongRecovery': {
    sv: 'Fel eller redan använd återställningskod.',
    en: 'Wrong or already used recovery code.',
  },
  'signIn.code.restart': { sv: 'Till inloggningen', en: 'To the sign-in page' },
} as const satisfies Texts;
