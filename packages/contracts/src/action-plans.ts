import type { StaffRole } from './staffing.js';

/**
 * The action plan (handlingsplan) of one enrolment: the steps agreed with the participant, each with who carries
 * it out and by when. The PDF prints them under "Planen framåt".
 */
export interface ActionPlanStepRequest {
  /** What is to be done, e.g. "Söka undersköterskeutbildningen på Komvux". */
  text: string;
  /** Who carries it out, e.g. "Deltagaren", "SYV", "Arbetsförmedlingen". */
  owner: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** A change of a step; send the version you read. */
export interface UpdateActionPlanStepRequest extends Partial<ActionPlanStepRequest> {
  version: number;
  done?: boolean;
}

export interface ActionPlanStepResponse extends ActionPlanStepRequest {
  id: string;
  enrolmentId: string;
  participantId: string;
  done: boolean;
  /** UTC instant it was marked done, or null. */
  doneAt: string | null;
  version: number;
}

/** Someone who may sign a group's certificate: its staff, and the staff allocated to its programme. */
export interface CertificateSigner {
  id: string;
  name: string;
  staffRole: StaffRole;
}
