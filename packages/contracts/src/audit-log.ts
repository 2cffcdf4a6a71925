import type { AuditOutcome } from './audit.js';

/**
 * The audit log as the system owner reads it (docs/security.md, "The audit log"): who did what, when, to whom.
 * A participant is named by her name, or by her pseudonym when her identity is protected; never a personal number.
 */
export interface AuditLogEntry {
  id: string;
  /** UTC, ISO 8601. */
  at: string;
  actorId: string | null;
  /** The user's name; null for the system's own jobs. */
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  subjectId: string | null;
  subjectName: string | null;
  outcome: string;
}

export interface AuditLogPage {
  items: AuditLogEntry[];
  nextCursor: string | null;
}

/** The retention rule in force, its last run and what falls due next (docs/security.md, "Retention"). */
export interface RetentionStatus {
  years: number;
  /** Whether the daily job runs in this deployment (RETENTION_SCHEDULE). */
  scheduled: boolean;
  lastRun: {
    /** UTC, ISO 8601. */
    at: string;
    /** success, or failure when the job stopped on an error (nothing of that run was kept). */
    outcome: AuditOutcome;
    pseudonymised: number;
    /** Enrolments that ended before this date (YYYY-MM-DD) were past retention. */
    cutoff: string;
  } | null;
  /** UTC, ISO 8601; null when the job is not scheduled. */
  nextRunAt: string | null;
  /** Participants past retention now: the next run pseudonymises them. */
  dueNow: number;
  /** The next day (YYYY-MM-DD, Swedish time) on which more participants pass retention, and how many. */
  nextDue: { date: string; count: number } | null;
}
