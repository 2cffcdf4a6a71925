import { Init1795355258232 } from './1795355258232-init';
import { RetentionRun1796670000000 } from './1796670000000-retention-run';
import { TranslationReview1796690000000 } from './1796690000000-translation-review';
import { ProgrammesAtWork1795355783646 } from './1795355783646-programmes-at-work';
import { Participants1795356244648 } from './1795356244648-participants';
import { ReferralsAndMeetings1795356619528 } from './1795356619528-referrals-and-meetings';
import { Surveys1795357962043 } from './1795357962043-surveys';
import { Statistics1795359989820 } from './1795359989820-statistics';
import { TwoFactor1795361989332 } from './1795361989332-two-factor';
import { Handbook1795975206130 } from './1795975206130-handbook';
import { TotpLastStep1795990472180 } from './1795990472180-totp-last-step';
import { IdempotencyKeysReduced1796550787913 } from './1796550787913-idempotency-keys-reduced';
import { LoginThrottleAndPendingTotp1796550943738 } from './1796550943738-login-throttle-and-pending-totp';
import { PersonalNumberHash1796550946774 } from './1796550946774-personal-number-hash';
import { IdentityRules1796551093714 } from './1796551093714-identity-rules';
import { GroupNumbersPerMunicipalityAndDetailCodes1796553425371 } from './1796553425371-group-numbers-per-municipality-and-detail-codes';
import { TemplateVersions1796570000000 } from './1796570000000-template-versions';
import { EnrolmentMoveReason1796590000000 } from './1796590000000-enrolment-move-reason';
import { MeetingMinutesSending1796610000000 } from './1796610000000-meeting-minutes-sending';
import { CodedGoals1796630000000 } from './1796630000000-coded-goals';
import { CommitteeMembershipEnd1796620000000 } from './1796620000000-committee-membership-end';
import { UserPasswordChangeAndRecoveryCodes1796640000000 } from './1796640000000-user-password-change-and-recovery-codes';
import { OrganisationSignInPolicy1796660000000 } from './1796660000000-organisation-sign-in-policy';
import { OidcLogin1796650000000 } from './1796650000000-oidc-login';
import { OidcLoginSecondFactor1796650000001 } from './1796650000001-oidc-login-second-factor';
import { ActionPlanSteps1796580000000 } from './1796580000000-action-plan-steps';
import { SessionMovesAndAttendanceVersions1796560000000 } from './1796560000000-session-moves-and-attendance-versions';
import { CodeAttemptPrefix1796680000000 } from './1796680000000-code-attempt-prefix';
import { DariAsPrs1796680000001 } from './1796680000001-dari-as-prs';
import { FileBlob1796700000000 } from './1796700000000-file-blob';
import { QuestionnaireAudio1796700000001 } from './1796700000001-questionnaire-audio';

/** In order of application. A new migration is generated with `node dist/cli/generate-migration.js Name`. */
export const MIGRATIONS = [
  Init1795355258232,
  ProgrammesAtWork1795355783646,
  Participants1795356244648,
  ReferralsAndMeetings1795356619528,
  Surveys1795357962043,
  Statistics1795359989820,
  TwoFactor1795361989332,
  Handbook1795975206130,
  TotpLastStep1795990472180,
  IdempotencyKeysReduced1796550787913,
  LoginThrottleAndPendingTotp1796550943738,
  PersonalNumberHash1796550946774,
  IdentityRules1796551093714,
  GroupNumbersPerMunicipalityAndDetailCodes1796553425371,
  TemplateVersions1796570000000,
  ActionPlanSteps1796580000000,
  SessionMovesAndAttendanceVersions1796560000000,
  EnrolmentMoveReason1796590000000,
  MeetingMinutesSending1796610000000,
  CodedGoals1796630000000,
  RetentionRun1796670000000,
  CommitteeMembershipEnd1796620000000,
  UserPasswordChangeAndRecoveryCodes1796640000000,
  OrganisationSignInPolicy1796660000000,
  OidcLogin1796650000000,
  OidcLoginSecondFactor1796650000001,
  CodeAttemptPrefix1796680000000,
  DariAsPrs1796680000001,
  TranslationReview1796690000000,
  FileBlob1796700000000,
  QuestionnaireAudio1796700000001,
];
