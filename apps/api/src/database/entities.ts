import { FileBlob } from '../modules/files/entities/file-blob.entity';
import { HandbookEditor } from '../modules/handbook/entities/handbook-editor.entity';
import { HandbookEntryVersion } from '../modules/handbook/entities/handbook-entry-version.entity';
import { HandbookEntry } from '../modules/handbook/entities/handbook-entry.entity';
import { HandbookFile } from '../modules/handbook/entities/handbook-file.entity';
import { SessionMaterial } from '../modules/handbook/entities/session-material.entity';
import { AuditEvent } from '../common/audit/audit-event.entity';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity';
import { LoginThrottle } from '../modules/auth/entities/login-throttle.entity';
import { OidcLogin } from '../modules/auth/entities/oidc-login.entity';
import { Session } from '../modules/auth/entities/session.entity';
import { EmployerContactLog } from '../modules/employers/entities/employer-contact-log.entity';
import { Employer } from '../modules/employers/entities/employer.entity';
import { Internship } from '../modules/employers/entities/internship.entity';
import { PlacesOffered } from '../modules/employers/entities/places-offered.entity';
import { Attendance } from '../modules/groups/entities/attendance.entity';
import { Group } from '../modules/groups/entities/group.entity';
import { GroupSession } from '../modules/groups/entities/session.entity';
import { Municipality } from '../modules/organisations/entities/municipality.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { ActionPlanStep } from '../modules/participants/entities/action-plan-step.entity';
import { Assessment } from '../modules/participants/entities/assessment.entity';
import { Consent } from '../modules/participants/entities/consent.entity';
import { Enrolment } from '../modules/participants/entities/enrolment.entity';
import { FollowUp } from '../modules/participants/entities/follow-up.entity';
import { Need } from '../modules/participants/entities/need.entity';
import { Outcome } from '../modules/participants/entities/outcome.entity';
import { Participant } from '../modules/participants/entities/participant.entity';
import { RetentionRun } from '../modules/participants/entities/retention-run.entity';
import { Talk } from '../modules/participants/entities/talk.entity';
import { MethodTemplate } from '../modules/programmes/entities/method-template.entity';
import { ProgrammeMunicipality } from '../modules/programmes/entities/programme-municipality.entity';
import { ProgrammePartner } from '../modules/programmes/entities/programme-partner.entity';
import { Programme } from '../modules/programmes/entities/programme.entity';
import { CommitteeMember } from '../modules/staffing/entities/committee-member.entity';
import { StaffAllocation } from '../modules/staffing/entities/staff-allocation.entity';
import { StaffMember } from '../modules/staffing/entities/staff-member.entity';
import { ActionItem } from '../modules/meetings/entities/action-item.entity';
import { MeetingAgendaItem } from '../modules/meetings/entities/meeting-agenda-item.entity';
import { MeetingMember } from '../modules/meetings/entities/meeting-member.entity';
import { Meeting } from '../modules/meetings/entities/meeting.entity';
import { MinutesSending } from '../modules/meetings/entities/minutes-sending.entity';
import { OutboxEmail } from '../modules/outbox/entities/email.entity';
import { ReferralEvent } from '../modules/referrals/entities/referral-event.entity';
import { Referral } from '../modules/referrals/entities/referral.entity';
import { CodeAttempt } from '../modules/surveys/entities/code-attempt.entity';
import { FreeTextReview } from '../modules/surveys/entities/free-text-review.entity';
import { QuestionnaireAudio } from '../modules/surveys/entities/questionnaire-audio.entity';
import { TranslationReview } from '../modules/surveys/entities/translation-review.entity';
import { SurveyCode } from '../modules/surveys/entities/survey-code.entity';
import { SurveyResponse } from '../modules/surveys/entities/survey-response.entity';
import { SurveyRound } from '../modules/surveys/entities/survey-round.entity';
import { Budget } from '../modules/statistics/entities/budget.entity';
import { TargetGroupStat } from '../modules/statistics/entities/target-group-stat.entity';
import { RecoveryCode } from '../modules/users/entities/recovery-code.entity';
import { UserProgramme } from '../modules/users/entities/user-programme.entity';
import { User } from '../modules/users/entities/user.entity';

/**
 * Every entity, for the migration CLI and the schema-drift test. Modules still register only their own with
 * TypeOrmModule.forFeature; this list exists because the CLI has no Nest container.
 */
export const ENTITIES = [
  AuditEvent,
  IdempotencyKey,
  LoginThrottle,
  OidcLogin,
  Session,
  Municipality,
  Organisation,
  Programme,
  ProgrammeMunicipality,
  ProgrammePartner,
  MethodTemplate,
  User,
  UserProgramme,
  RecoveryCode,
  Participant,
  RetentionRun,
  Enrolment,
  Consent,
  Need,
  Talk,
  Assessment,
  Outcome,
  FollowUp,
  ActionPlanStep,
  Group,
  GroupSession,
  Attendance,
  StaffMember,
  StaffAllocation,
  CommitteeMember,
  Employer,
  EmployerContactLog,
  PlacesOffered,
  Internship,
  Referral,
  ReferralEvent,
  Meeting,
  MeetingMember,
  MeetingAgendaItem,
  ActionItem,
  MinutesSending,
  OutboxEmail,
  SurveyRound,
  SurveyCode,
  SurveyResponse,
  FreeTextReview,
  TranslationReview,
  QuestionnaireAudio,
  CodeAttempt,
  TargetGroupStat,
  Budget,
  HandbookEntry,
  HandbookEntryVersion,
  HandbookFile,
  FileBlob,
  HandbookEditor,
  SessionMaterial,
];
