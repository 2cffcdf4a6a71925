import type { GroupResponse, SessionResponse } from '@stegvis/contracts';
import type { Group } from './entities/group.entity';
import type { GroupSession } from './entities/session.entity';

export function toGroupResponse(g: Group, enrolledCount: number): GroupResponse {
  return {
    id: g.id,
    programmeId: g.programmeId,
    municipalityId: g.municipalityId,
    number: g.number,
    name: `Grupp ${g.number}`,
    startDate: g.startDate,
    endDate: g.endDate,
    capacity: g.capacity,
    overIntake: g.overIntake,
    deliveryMode: g.deliveryMode,
    place: g.place,
    templateId: g.templateId,
    staffMemberIds: g.staffMemberIds,
    enrolledCount,
    version: g.version,
  };
}

/** `withNote` false for the roles without 'session.notes.read': the note is free text that may name people. */
export function toSessionResponse(s: GroupSession, withNote = true): SessionResponse {
  return {
    id: s.id,
    groupId: s.groupId,
    date: s.date,
    startTime: s.startTime.slice(0, 5),
    endTime: s.endTime.slice(0, 5),
    kind: s.kind,
    theme: s.theme,
    mode: s.mode,
    presenterStaffId: s.presenterStaffId,
    presenterAbsent: s.presenterAbsent,
    substituteStaffId: s.substituteStaffId,
    status: s.status,
    note: withNote ? s.note : null,
    movedFrom: s.movedFrom,
    version: s.version,
  };
}
