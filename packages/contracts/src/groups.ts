export const PHASE_KINDS = ['mapping', 'lectures', 'internship', 'job_search'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export interface TemplatePhase {
  kind: PhaseKind;
  weeks: number;
  /** Whether afternoon lectures run during this phase. */
  lectures: boolean;
}

export interface MethodTemplateRequest {
  name: string;
  phases: TemplatePhase[];
  /** Lecture themes in the order they are given; the calendar takes them one per lecture. */
  themes: string[];
  lectureCount: number;
  /** ISO weekdays (1 = Monday) with a lecture. */
  lectureWeekdays: number[];
  lectureStart: string;
  lectureEnd: string;
  /** ISO weekday of a weekly computer-skills day, or null. */
  computerDayWeekday: number | null;
}

/** A change of a template: saved as a new version; groups started from an earlier version keep theirs. */
export interface UpdateMethodTemplateRequest extends MethodTemplateRequest {
  /** The version you read; a newer one is a 409. */
  version: number;
}

export interface MethodTemplateResponse extends MethodTemplateRequest {
  /** This version's id: a group keeps the id of the version it was started from. */
  id: string;
  programmeId: string;
  /** The id of the template's first version, shared by all its versions. */
  lineageId: string;
  /** 1 for the first version, one more for each change. */
  version: number;
  /** When a newer version replaced this one; null for the current version. */
  supersededAt: string | null;
  totalWeeks: number;
}

export const DELIVERY_MODES = ['on_site', 'digital', 'hybrid', 'split'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const SESSION_KINDS = ['lecture', 'computer_day', 'study_visit', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface CreateGroupRequest {
  programmeId: string;
  municipalityId: string;
  number: number;
  startDate: string;
  endDate?: string;
  capacity: number;
  overIntake: number;
  deliveryMode: DeliveryMode;
  place?: string;
  templateId?: string;
  staffMemberIds?: string[];
}

/**
 * A change of a group; send the version you read. Who is group staff (`staffMemberIds`) is changed only by the
 * programme's lead or an admin.
 */
export interface UpdateGroupRequest {
  version: number;
  /** New dates: refused while scheduled sessions or enrolments would fall outside them. */
  startDate?: string;
  endDate?: string;
  capacity?: number;
  overIntake?: number;
  deliveryMode?: DeliveryMode;
  place?: string;
  staffMemberIds?: string[];
}

export interface GroupResponse {
  id: string;
  programmeId: string;
  municipalityId: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string;
  capacity: number;
  overIntake: number;
  deliveryMode: DeliveryMode;
  place: string;
  templateId: string | null;
  staffMemberIds: string[];
  enrolledCount: number;
  version: number;
}

export interface SessionResponse {
  id: string;
  groupId: string;
  date: string;
  startTime: string;
  endTime: string;
  kind: SessionKind;
  theme: string;
  mode: DeliveryMode;
  presenterStaffId: string | null;
  presenterAbsent: boolean;
  substituteStaffId: string | null;
  status: SessionStatus;
  /** Why it was added, cancelled or moved; null for the roles without 'session.notes.read' (free text may name people). */
  note: string | null;
  /** The date it was first planned for, when it has been moved to another day; null otherwise. */
  movedFrom: string | null;
  version: number;
}

export interface CreateSessionRequest {
  date: string;
  startTime: string;
  endTime: string;
  kind: SessionKind;
  theme: string;
  mode?: DeliveryMode;
  presenterStaffId?: string | null;
  /** Why it is added (the admin asks for it). */
  note?: string;
}

export interface UpdateSessionRequest {
  version: number;
  date?: string;
  startTime?: string;
  endTime?: string;
  theme?: string;
  mode?: DeliveryMode;
  presenterStaffId?: string | null;
  presenterAbsent?: boolean;
  substituteStaffId?: string | null;
  status?: SessionStatus;
  note?: string;
}

export interface CalendarResponse {
  sessions: SessionResponse[];
  lectureCount: number;
  /** Lectures the template asks for that did not fit in its lecture weeks (holidays). */
  lecturesShort: number;
  skippedHolidays: { date: string; name: string }[];
}

export const ATTENDANCE_STATUSES = ['present', 'excused', 'unexcused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ABSENCE_REASONS = [
  'sick_child',
  'own_sickness',
  'authority_appointment',
  'doctor_appointment',
  'other',
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export interface AttendanceMark {
  sessionId: string;
  enrolmentId: string;
  status: AttendanceStatus;
  reason?: AbsenceReason | null;
  /**
   * Read: the stored mark's version. Save: the version you read, 0 when the cell was empty; a mark changed since
   * answers 409 and nothing is stored. Left out, the mark is saved whatever is stored (last writer wins).
   */
  version?: number;
}

export interface SaveAttendanceRequest {
  marks: AttendanceMark[];
}

export interface Ratio {
  count: number;
  of: number;
  /** Whole per cent, rounded half up; null when `of` is 0. */
  percent: number | null;
}

export interface AttendanceRow {
  enrolmentId: string;
  participantId: string;
  displayName: string;
  rate: Ratio;
  excused: number;
  unexcused: number;
  meetsGoal: boolean;
}

export interface AttendanceGridResponse {
  groupId: string;
  goalPercent: number;
  sessions: Pick<SessionResponse, 'id' | 'date' | 'theme' | 'kind' | 'status'>[];
  rows: AttendanceRow[];
  marks: AttendanceMark[];
  groupRate: Ratio;
  meetingGoal: Ratio;
}
