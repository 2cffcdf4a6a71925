import { Injectable, signal } from '@angular/core';

export type Lang = 'sv' | 'en';

/**
 * UI texts, Swedish first. Runtime-switchable (a case officer may prefer English), so not Angular's build-time
 * i18n. Keys are grouped by screen.
 */
const TEXTS = {
  'app.name': { sv: 'Stegvis', en: 'Stegvis' },
  'nav.programmes': { sv: 'Insatser', en: 'Programmes' },
  'nav.groups': { sv: 'Grupper och närvaro', en: 'Groups and attendance' },
  'nav.participants': { sv: 'Deltagare', en: 'Participants' },
  'nav.referrals': { sv: 'Remisser och analysgrupp', en: 'Referrals and analysis group' },
  'nav.logout': { sv: 'Logga ut', en: 'Sign out' },
  'nav.language': { sv: 'English', en: 'Svenska' },
  'role.admin': { sv: 'Systemadministratör', en: 'System administrator' },
  'role.staff': { sv: 'Personal', en: 'Staff' },
  'role.analysis_member': { sv: 'Analysgrupp', en: 'Analysis group' },
  'role.steering': { sv: 'Styrgrupp', en: 'Steering group' },
  'role.evaluator': { sv: 'Utvärderare', en: 'Evaluator' },
  'login.title': { sv: 'Logga in i Stegvis', en: 'Sign in to Stegvis' },
  'login.email': { sv: 'E-post', en: 'E-mail' },
  'login.password': { sv: 'Lösenord', en: 'Password' },
  'login.submit': { sv: 'Logga in', en: 'Sign in' },
  'login.wrong': { sv: 'Fel e-post eller lösenord', en: 'Wrong e-mail or password' },
  'login.throttled': { sv: 'För många försök – vänta en stund och försök igen', en: 'Too many attempts – wait a while and try again' },
  'login.expired': { sv: 'Du har blivit utloggad. Logga in igen för att fortsätta.', en: 'You were signed out. Sign in again to continue.' },
  'error.network': { sv: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.', en: 'Could not reach the server. Check the connection and try again.' },
  'error.generic': { sv: 'Något gick fel. Försök igen.', en: 'Something went wrong. Try again.' },
  'programmes.title': { sv: 'Insatser', en: 'Programmes' },
  'programmes.new': { sv: 'Ny insats', en: 'New programme' },
  'programmes.name': { sv: 'Namn', en: 'Name' },
  'programmes.owner': { sv: 'Insatsägare', en: 'Owner municipality' },
  'programmes.period': { sv: 'Period', en: 'Period' },
  'programmes.municipalities': { sv: 'Kommuner', en: 'Municipalities' },
  'programmes.partners': { sv: 'Samverkansparter', en: 'Partner organisations' },
  'programmes.empty': { sv: 'Inga insatser ännu.', en: 'No programmes yet.' },
  'programmes.edit': { sv: 'Ändra', en: 'Edit' },
  'form.start': { sv: 'Startdatum (ÅÅÅÅ-MM-DD)', en: 'Start date (YYYY-MM-DD)' },
  'form.end': { sv: 'Slutdatum (ÅÅÅÅ-MM-DD)', en: 'End date (YYYY-MM-DD)' },
  'form.targetGroup': { sv: 'Målgrupp', en: 'Target group' },
  'form.goals': { sv: 'Mål', en: 'Goals' },
  'form.goalKey': { sv: 'Nyckel', en: 'Key' },
  'form.goalDescription': { sv: 'Beskrivning', en: 'Description' },
  'form.goalTarget': { sv: 'Målvärde', en: 'Target value' },
  'form.goalUnit': { sv: 'Enhet', en: 'Unit' },
  'form.addGoal': { sv: 'Lägg till mål', en: 'Add goal' },
  'form.remove': { sv: 'Ta bort', en: 'Remove' },
  'form.save': { sv: 'Spara', en: 'Save' },
  'form.cancel': { sv: 'Avbryt', en: 'Cancel' },
  'form.saved': { sv: 'Sparat', en: 'Saved' },
  'form.required': { sv: 'Obligatoriskt', en: 'Required' },
  'form.tooLong': { sv: 'För långt (högst 200 tecken)', en: 'Too long (at most 200 characters)' },
  'form.badDate': { sv: 'Skriv datumet som ÅÅÅÅ-MM-DD', en: 'Write the date as YYYY-MM-DD' },
  'form.endBeforeStart': { sv: 'Slutdatum får inte vara före startdatum', en: 'End date must not be before start date' },
  'form.percentMax': { sv: 'En procentsats kan vara högst 100', en: 'A percentage is at most 100' },
  'form.negative': { sv: 'Får inte vara negativt', en: 'Must not be negative' },
  'form.conflict': { sv: 'Någon annan har ändrat insatsen – ladda om sidan. Dina ändringar finns kvar i formuläret.', en: 'Someone else changed the programme – reload. Your changes are still in the form.' },
  'form.fixFields': { sv: 'Rätta de markerade fälten.', en: 'Correct the marked fields.' },
  'form.draftRestored': { sv: 'Ditt utkast har återställts.', en: 'Your draft has been restored.' },
  'unit.percent': { sv: 'procent', en: 'per cent' },
  'groups.title': { sv: 'Grupper och närvaro', en: 'Groups and attendance' },
  'groups.programme': { sv: 'Insats', en: 'Programme' },
  'groups.empty': { sv: 'Inga grupper i insatsen ännu.', en: 'No groups in this programme yet.' },
  'groups.enrolled': { sv: 'Inskrivna', en: 'Enrolled' },
  'groups.capacity': { sv: 'Platser', en: 'Places' },
  'groups.open': { sv: 'Öppna', en: 'Open' },
  'groups.calendar': { sv: 'Kalender', en: 'Calendar' },
  'groups.attendance': { sv: 'Närvaro', en: 'Attendance' },
  'groups.week': { sv: 'Vecka', en: 'Week' },
  'groups.prevWeek': { sv: 'Föregående vecka', en: 'Previous week' },
  'groups.nextWeek': { sv: 'Nästa vecka', en: 'Next week' },
  'groups.saveWeek': { sv: 'Spara veckan', en: 'Save the week' },
  'groups.saved': { sv: 'Närvaron är sparad.', en: 'Attendance saved.' },
  'groups.unsaved': { sv: 'Osparade ändringar', en: 'Unsaved changes' },
  'groups.retrying': { sv: 'Ingen kontakt med servern – dina markeringar finns kvar. Försök igen.', en: 'No contact with the server – your marks are kept. Try again.' },
  'groups.groupRate': { sv: 'Gruppens närvaro', en: 'Group attendance' },
  'groups.meetingGoal': { sv: 'Når målet', en: 'Meets the goal' },
  'groups.goal': { sv: 'mål', en: 'goal' },
  'groups.participant': { sv: 'Deltagare', en: 'Participant' },
  'groups.rate': { sv: 'Närvaro', en: 'Attendance' },
  'groups.noSessions': { sv: 'Inga tillfällen den här veckan.', en: 'No sessions this week.' },
  'groups.cancelled': { sv: 'Inställt', en: 'Cancelled' },
  'att.present': { sv: 'Närvarande', en: 'Present' },
  'att.excused': { sv: 'Giltig frånvaro', en: 'Excused' },
  'att.unexcused': { sv: 'Ogiltig frånvaro', en: 'Unexcused' },
  'att.reason': { sv: 'Orsak', en: 'Reason' },
  'reason.sick_child': { sv: 'Vård av barn', en: 'Sick child' },
  'reason.own_sickness': { sv: 'Egen sjukdom', en: 'Own sickness' },
  'reason.authority_appointment': { sv: 'Myndighetsbesök', en: 'Authority appointment' },
  'reason.doctor_appointment': { sv: 'Läkarbesök', en: 'Doctor appointment' },
  'reason.other': { sv: 'Annat', en: 'Other' },
  'kind.lecture': { sv: 'Föreläsning', en: 'Lecture' },
  'kind.computer_day': { sv: 'Datordag', en: 'Computer day' },
  'kind.study_visit': { sv: 'Studiebesök', en: 'Study visit' },
  'kind.other': { sv: 'Övrigt', en: 'Other' },
  'unit.count': { sv: 'antal', en: 'count' },
} as const;

export type TextKey = keyof typeof TEXTS;

@Injectable({ providedIn: 'root' })
export class I18n {
  readonly lang = signal<Lang>((localStorage.getItem('stegvis.lang') as Lang | null) ?? 'sv');

  t(key: TextKey): string {
    return TEXTS[key][this.lang()];
  }

  toggle(): void {
    const next: Lang = this.lang() === 'sv' ? 'en' : 'sv';
    this.lang.set(next);
    // The language choice is a preference, not personal data.
    localStorage.setItem('stegvis.lang', next);
    document.documentElement.lang = next;
  }
}
