import { can, type Role } from '@stegvis/contracts';

export interface MinutesRecipientCandidate {
  id: string;
  email: string;
  role: Role;
  active: boolean;
  programmeIds: readonly string[];
}

/**
 * Who is sent a meeting's minutes: of the invited, those who may read them (`meeting.read`, the analysis group
 * and the programme's staff) and still work in the meeting's programme. An invited evaluator or steering member
 * gets no minutes, as they get no PDF. The one rule for minutes recipients; the e-mail names nobody either way.
 */
export function minutesRecipients<T extends MinutesRecipientCandidate>(
  programmeId: string,
  invited: readonly (T | null)[],
): T[] {
  const seen = new Set<string>();
  return invited.filter((u): u is T => {
    if (!u || !u.active || seen.has(u.id)) return false;
    seen.add(u.id);
    return can(u.role, 'meeting.read') && u.programmeIds.includes(programmeId);
  });
}
