/**
 * Every error and warning that reaches a person, by a stable code with its parameters. The api sends the code
 * beside an English `detail` or `message`; the admin words it in Swedish or English (its
 * core/i18n/problem-texts.ts, whose test fails on a code without a text). Each entry names its parameters and
 * their types: 'number', 'string' or 'string[]'. A code is never renamed or reused for another meaning; add a new
 * one instead (CONTRIBUTING.md, "How to add an error code").
 */
export const PROBLEM_CODES = {
  // Field checks: class-validator rules (common/problem/validation.ts in the api) and hand-written ones.
  required: {},
  unknown_field: {},
  not_string: {},
  not_integer: {},
  not_number: {},
  not_boolean: {},
  not_array: {},
  not_object: {},
  invalid_uuid: {},
  invalid_email: {},
  invalid_url: {},
  invalid_date: {},
  invalid_time: {},
  invalid_format: {},
  invalid_value: {},
  too_small: { min: 'number' },
  too_large: { max: 'number' },
  out_of_range: { min: 'number', max: 'number' },
  too_short: { min: 'number' },
  too_long: { max: 'number' },
  length_between: { min: 'number', max: 'number' },
  too_few_items: { min: 'number' },
  too_many_items: { max: 'number' },
  duplicate_items: {},
  not_allowed: { allowed: 'string[]' },
  invalid_personal_number: {},
  invalid_organisation_number: {},
  end_before_start: { start: 'string' },
  end_not_after_start: { start: 'string' },
  // A group's new dates would leave scheduled sessions or enrolments outside them.
  sessions_outside_period: { count: 'number', first: 'string' },
  enrolments_outside_period: { count: 'number' },
  // Aggregate-only readers choose among fixed periods: tertials, years, the whole programme.
  period_not_fixed: {},
  before_enrolment_start: { startDate: 'string' },
  // A date that has not come yet where only the past makes sense (a consent given).
  date_in_future: { today: 'string' },
  detail_code_not_in_category: { category: 'string', allowed: 'string[]' },
  // A follow-up dated before its window opens (follow-up-dates.ts: a month before it falls due).
  follow_up_before_window: { months: 'number', windowStart: 'string', dueDate: 'string' },
  unknown_reference: { entity: 'string' },
  not_in_programme: { entity: 'string' },
  not_in_group: { entity: 'string' },
  percent_over_100: {},
  duplicate_key: { key: 'string' },
  year_of_arrival_before_birth: {},
  same_group: {},
  cancel_reason_required: {},
  move_reason_required: {},
  substitute_is_presenter: {},
  lectures_phase_required: {},
  free_text_missing: {},
  redacted_text_required: {},
  not_invited: {},
  not_on_agenda: {},
  // Meetings: an action item falls due on or after its meeting; case discussions are for the invited and the staff.
  due_before_meeting: { meetingDate: 'string' },
  case_notes_invited_only: {},
  session_cancelled: {},
  not_enrolled_on_date: {},
  duplicate_mark: {},
  answer_not_applicable: {},
  not_a_choice: {},
  not_answerable: {},
  password_too_short: { min: 'number' },
  password_too_common: {},
  password_contains_email: {},
  password_too_weak: { warning: 'string' },
  invalid_characters: {},
  wrong_password: {},
  totp_code_wrong: {},
  recovery_code_wrong: {},
  invalid_cursor: {},
  idempotency_key_required: {},
  idempotency_key_invalid: {},
  // Files: uploads and imports.
  file_required: {},
  file_too_large: { maxBytes: 'number' },
  file_type_not_allowed: {},
  upload_unreadable: {},
  file_not_csv: {},
  file_not_xlsx: {},
  file_no_sheet: {},
  file_no_rows: {},
  file_has_errors: { count: 'number' },
  missing_columns: { columns: 'string[]' },
  invalid_group_number: {},
  unknown_municipality_code: { value: 'string' },
  end_required_unless_ongoing: {},
  group_dates_differ: { group: 'number', row: 'number' },
  column_count_differs: { expected: 'number', actual: 'number' },
  unknown_columns: { columns: 'string[]' },
  duplicate_columns: { columns: 'string[]' },
  before_group_start: { groupStart: 'string' },
  after_group_end: { groupEnd: 'string' },
  ongoing_in_ended_group: { groupEnd: 'string' },
  ongoing_has_end: {},
  only_when_left_early: {},
  outside_enrolment: { start: 'string', end: 'string' },
  duplicate_row: { row: 'number' },
  already_imported: {},
  group_exists_with_other_dates: { start: 'string', end: 'string' },
  // The confirmed file is not the one the dry run checked (docs/import.md).
  file_changed_since_dry_run: {},
  // The request as a whole.
  invalid_request: {},
  body_empty: {},
  invalid_json: {},
  body_too_large: {},
  body_too_deep: { max: 'number' },
  unsupported_media_type: {},
  // 401 and 403.
  not_signed_in: {},
  wrong_credentials: {},
  totp_required: {},
  // Right password, but the user's organisation signs in through the identity provider only.
  local_password_off: {},
  csrf_token_missing: {},
  mfa_setup_required: {},
  password_change_required: {},
  forbidden: {},
  not_your_organisation: {},
  handbook_editor_required: {},
  programme_lead_required: {},
  // 404, 409, 410.
  not_found: { entity: 'string' },
  survey_code_missing: {},
  survey_code_unknown: {},
  survey_code_other_round: {},
  stale_version: {},
  // An edit or a group start from a method template version that a newer version has replaced.
  template_superseded: {},
  // A group number already used in that municipality of the programme (numbers are per municipality).
  group_number_taken: { number: 'number' },
  conflict: {},
  duplicate_value: {},
  // The directory: a municipality's name or SCB code, or an organisation's name, is already in use.
  directory_name_taken: {},
  municipality_code_taken: { code: 'string' },
  duplicate_personal_number: {},
  duplicate_email: {},
  already_enrolled: {},
  already_active_in_programme: {},
  request_in_progress: {},
  survey_code_used: {},
  round_not_open: { opensAt: 'string' },
  round_closed: {},
  // 422: rules of the domain.
  rule_not_met: {},
  consent_to_share_required: {},
  consent_missing: { purpose: 'string' },
  consent_already_withdrawn: {},
  // Committees: a person is in a programme's steering or analysis group once at a time; an ended membership stays ended.
  already_committee_member: {},
  committee_membership_ended: { endedOn: 'string' },
  totp_not_enabled: {},
  totp_required_for_role: {},
  // Users: a group must keep its staff when one of them is deactivated; the admin keeps their own account.
  group_staff_replacement_required: { groupId: 'string' },
  own_account: {},
  referral_transition: { from: 'string', to: 'string' },
  enrolment_not_active: {},
  outcome_before_follow_up: {},
  theme_mismatch: { entryTheme: 'string', sessionTheme: 'string' },
  editor_must_be_staff: { role: 'string' },
  idempotency_key_reused: {},
  // A survey round's results wait until it has closed (state 'closed') with at least k answers.
  survey_results_not_ready: { state: 'string', answered: 'number', k: 'number' },
  // 429 and 5xx.
  too_many_requests: {},
  too_many_logins: {},
  too_many_code_attempts: { seconds: 'number' },
  internal_error: {},
  database_unavailable: {},
  unavailable: {},
  // Warnings: saved or shown all the same, but a person is told.
  over_allocated: { name: 'string', percent: 'number' },
  personal_number_in_text: { excerpt: 'string' },
  fewer_than_k: { k: 'number' },
  screening_swedish_level_missing: {},
  screening_swedish_level: { level: 'string', min: 'string' },
  screening_birth_country_missing: {},
  screening_foreign_born: {},
  screening_not_foreign_born: {},
  screening_age_missing: {},
  screening_age: { age: 'number', min: 'number', max: 'number' },
  screening_registered_at_af: {},
  screening_not_registered_at_af: {},
} as const satisfies Record<string, Record<string, ProblemParamKind>>;

/** How a parameter is typed in the catalogue. */
export type ProblemParamKind = 'number' | 'string' | 'string[]';

type ParamValue<K> = K extends 'number' ? number : K extends 'string[]' ? string[] : string;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The parameters a code carries, e.g. `ProblemParams<'too_large'>` is `{ max: number }`. */
export type ProblemParams<C extends ProblemCode> = {
  -readonly [K in keyof (typeof PROBLEM_CODES)[C]]: ParamValue<(typeof PROBLEM_CODES)[C][K]>;
};

/** A code with its parameters; `params` may be left out for a code that has none. */
export type Coded<C extends ProblemCode = ProblemCode> = C extends ProblemCode
  ? keyof (typeof PROBLEM_CODES)[C] extends never
    ? { code: C; params?: ProblemParams<C> }
    : { code: C; params: ProblemParams<C> }
  : never;

/** A warning or flag as a response carries it: the code, its parameters, and the English (or legacy) text. */
export type ProblemNotice<C extends ProblemCode = ProblemCode> = Coded<C> & { message: string };

/** Parameters as they travel in JSON, whatever the code. */
export type ProblemParamValues = Record<string, string | number | string[]>;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROBLEM_CODES, code);
}
