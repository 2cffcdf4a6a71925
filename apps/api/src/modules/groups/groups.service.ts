import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type AttendanceGridResponse,
  type CalendarResponse,
  type GroupResponse,
  type FieldError,
  goalTarget,
  type SessionResponse,
  stockholmToday,
} from '@stegvis/contracts';
import { DataSource, type EntityManager, In, Repository } from 'typeorm';
import { groupEnrolledKey } from '@stegvis/reports';
import { AuditService } from '../../common/audit/audit.service';
import { DisclosureService } from '../../common/disclosure/disclosure.service';
import type { UserContext } from '../../common/context/request-context';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { ParticipantsService } from '../participants/participants.service';
import { addDays, planCalendar } from '../programmes/calendar.util';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemplatesService } from '../programmes/templates.service';
import { attendanceRates } from './attendance.util';
import type {
  CreateGroupDto,
  CreateSessionDto,
  SaveAttendanceDto,
  UpdateGroupDto,
  UpdateSessionDto,
} from './dto/group.dto';
import { Attendance } from './entities/attendance.entity';
import { Group } from './entities/group.entity';
import { GroupSession } from './entities/session.entity';
import { toGroupResponse, toSessionResponse } from './groups.mapper';

/** A group someone is staff of, for the admin deactivating that person. */
export interface StaffedGroup {
  id: string;
  programmeId: string;
  municipalityId: string;
  number: number;
  startDate: string;
  endDate: string;
  staffMemberIds: string[];
}

@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(Group) private readonly groups: Repository<Group>,
    @InjectRepository(GroupSession) private readonly sessions: Repository<GroupSession>,
    @InjectRepository(Attendance) private readonly attendance: Repository<Attendance>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly templates: TemplatesService,
    private readonly programmes: ProgrammesService,
    private readonly participants: ParticipantsService,
    private readonly disclosure: DisclosureService,
  ) {}

  async createGroup(
    ctx: UserContext,
    dto: CreateGroupDto,
  ): Promise<GroupResponse & { calendar: CalendarResponse | null }> {
    await this.policy.assertProgrammeAccess(ctx, 'group.manage', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    // Group staff see the group's protected identities and health data: only the lead or an admin names them.
    if (dto.staffMemberIds?.length)
      await this.policy.assertMayAssignGroupStaff(ctx, dto.programmeId, {
        type: 'programme',
        id: dto.programmeId,
      });
    const programme = await this.programmes.getProgramme(ctx, dto.programmeId);
    if (!programme.municipalities.some((m) => m.id === dto.municipalityId)) {
      throw Problem.field('municipalityId', 'municipalityId is not one of the programme’s municipalities', {
        code: 'not_in_programme',
        params: { entity: 'municipality' },
      });
    }
    const template = dto.templateId ? await this.templates.templateOf(dto.programmeId, dto.templateId) : null;
    if (dto.templateId && !template)
      throw Problem.field('templateId', 'templateId names no template of this programme', {
        code: 'not_in_programme',
        params: { entity: 'template' },
      });
    // A group starts from the current version; one started earlier keeps the version it was started from.
    if (template?.supersededAt)
      throw Problem.field('templateId', 'a newer version of this template has replaced it', {
        code: 'template_superseded',
      });
    const plan = template ? planCalendar(template, dto.startDate) : null;
    const endDate = dto.endDate ?? plan?.endDate;
    if (!endDate)
      throw Problem.field('endDate', 'endDate is required when no template is given', { code: 'required' });
    if (endDate < dto.startDate)
      throw Problem.field('endDate', 'endDate must not be before startDate', {
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    // Numbers are per programme and municipality; the form shows a taken one at its field (the index still guards).
    if (
      await this.groups.existsBy({
        programmeId: dto.programmeId,
        municipalityId: dto.municipalityId,
        number: dto.number,
      })
    ) {
      const coded = { code: 'group_number_taken', params: { number: dto.number } } as const;
      const message = `group ${dto.number} already exists in this municipality of the programme`;
      throw new Problem(409, message, [fieldError('number', message, coded)], undefined, coded);
    }
    const saved = await this.dataSource.transaction(async (m) => {
      const g = await m.save(
        m.create(Group, {
          programmeId: dto.programmeId,
          municipalityId: dto.municipalityId,
          number: dto.number,
          startDate: dto.startDate,
          endDate,
          capacity: dto.capacity,
          overIntake: dto.overIntake,
          deliveryMode: dto.deliveryMode,
          place: dto.place ?? '',
          templateId: template?.id ?? null,
          staffMemberIds: dto.staffMemberIds ?? [],
        }),
      );
      if (plan) {
        await m.insert(
          GroupSession,
          plan.sessions.map((s) => ({
            groupId: g.id,
            date: s.date,
            startTime: s.startTime,
            endTime: s.endTime,
            kind: s.kind,
            theme: s.theme,
            mode: dto.deliveryMode,
          })),
        );
      }
      await this.audit.record(ctx, { action: 'group.create', entityType: 'group', entityId: g.id }, m);
      return g;
    });
    const calendar = plan ? await this.getCalendar(ctx, saved.id) : null;
    return { ...toGroupResponse(saved, 0), calendar };
  }

  /**
   * Dates, capacity, delivery mode, place and who is group staff. A change of staff needs the programme's lead or an
   * admin (403 otherwise); a user who adds themselves to a group where a protected person is enrolled is logged
   * with `group.staff.self_assign` in her audit trail, so the admin sees it.
   */
  async updateGroup(ctx: UserContext, id: string, dto: UpdateGroupDto): Promise<GroupResponse> {
    const access = await this.policy.assertGroupAccess(ctx, 'group.manage', id);
    const current = await this.groups.findOneByOrFail({ id });
    const given = Object.fromEntries(
      Object.entries(dto).filter(([k, v]) => v !== undefined && k !== 'version'),
    ) as Omit<UpdateGroupDto, 'version'>;
    const staff = given.staffMemberIds;
    const added = staff ? staff.filter((s) => !current.staffMemberIds.includes(s)) : [];
    const removed = staff ? current.staffMemberIds.filter((s) => !staff.includes(s)) : [];
    if (added.length || removed.length)
      await this.policy.assertMayAssignGroupStaff(ctx, access.programmeId, { type: 'group', id });
    if (given.startDate !== undefined || given.endDate !== undefined)
      await this.checkNewPeriod(
        ctx,
        id,
        given.startDate ?? current.startDate,
        given.endDate ?? current.endDate,
      );
    const mine = added.length ? await this.policy.staffMemberIdsOf(ctx.user.id) : [];
    const selfAssigned = added.some((s) => mine.includes(s));
    const protectedPeople = selfAssigned ? await this.participants.protectedParticipantIdsInGroup(id) : [];
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Group)
        .set({ ...given, version: current.version + 1 })
        .where('id = :id AND version = :v', { id, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.stale('The group was changed by someone else. Reload and try again.');
      await this.audit.recordMany(
        ctx,
        [
          {
            action: 'group.manage',
            entityType: 'group',
            entityId: id,
            details: { changed: Object.keys(given), ...(staff ? { added, removed } : {}) },
          },
          ...protectedPeople.map((participantId) => ({
            action: 'group.staff.self_assign' as const,
            entityType: 'group',
            entityId: id,
            subjectId: participantId,
          })),
        ],
        m,
      );
    });
    return this.getGroup(ctx, id);
  }

  /**
   * New dates must hold what the group already has: no scheduled session and no enrolment outside them (move or
   * cancel the session, or change the enrolment, first). Each refusal names the date field that cuts it off.
   */
  private async checkNewPeriod(ctx: UserContext, groupId: string, start: string, end: string): Promise<void> {
    if (end < start)
      throw Problem.field('endDate', 'endDate must not be before startDate', {
        code: 'end_before_start',
        params: { start: 'startDate' },
      });
    const sessions = await this.sessions.find({
      where: { groupId, status: 'scheduled' },
      order: { date: 'ASC' },
      select: { id: true, date: true },
    });
    const before = sessions.filter((x) => x.date < start);
    const after = sessions.filter((x) => x.date > end);
    if (before.length || after.length) {
      const field = before.length ? 'startDate' : 'endDate';
      const outside = [...before, ...after];
      throw Problem.field(field, `${outside.length} scheduled sessions fall outside ${start} – ${end}`, {
        code: 'sessions_outside_period',
        params: { count: outside.length, first: outside[0].date },
      });
    }
    const enrolments = await this.participants.findGroupEnrolments(ctx, groupId, { audit: false });
    const early = enrolments.filter((e) => e.startDate < start);
    const late = enrolments.filter((e) => (e.endDate ?? e.startDate) > end);
    if (early.length || late.length)
      throw Problem.field(
        early.length ? 'startDate' : 'endDate',
        `${early.length + late.length} enrolments fall outside ${start} – ${end}`,
        { code: 'enrolments_outside_period', params: { count: early.length + late.length } },
      );
  }

  /**
   * The groups where any of the given staff members is group staff and whose duties go on: not ended, or ended in
   * the last 12 months (the follow-ups, and a protected person's last group staff still see her). No access check:
   * for the admin deactivating a user.
   */
  async groupsStaffedBy(staffMemberIds: readonly string[]): Promise<StaffedGroup[]> {
    if (staffMemberIds.length === 0) return [];
    const [y, m, d] = stockholmToday().split('-').map(Number);
    const since = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
    const rows = await this.groups
      .createQueryBuilder('g')
      .where('g.staff_member_ids && :ids::uuid[]', { ids: [...staffMemberIds] })
      .andWhere('g.end_date >= :since', { since })
      .orderBy('g.start_date', 'ASC')
      .addOrderBy('g.number', 'ASC')
      .getMany();
    return rows.map((g) => ({
      id: g.id,
      programmeId: g.programmeId,
      municipalityId: g.municipalityId,
      number: g.number,
      startDate: g.startDate,
      endDate: g.endDate,
      staffMemberIds: g.staffMemberIds,
    }));
  }

  /**
   * Takes the leaving staff members off the group's staff and puts the replacement (when given) on, in the caller's
   * transaction, audited like any change of staff.
   */
  async replaceGroupStaff(
    ctx: UserContext,
    groupId: string,
    leaving: readonly string[],
    replacement: string | null,
    m: EntityManager,
  ): Promise<void> {
    const g = await m.findOneByOrFail(Group, { id: groupId });
    const kept = g.staffMemberIds.filter((s) => !leaving.includes(s));
    const next = replacement && !kept.includes(replacement) ? [...kept, replacement] : kept;
    await m.update(Group, { id: groupId }, { staffMemberIds: next, version: g.version + 1 });
    await this.audit.record(
      ctx,
      {
        action: 'group.manage',
        entityType: 'group',
        entityId: groupId,
        details: {
          changed: ['staffMemberIds'],
          added: next.filter((s) => !g.staffMemberIds.includes(s)),
          removed: g.staffMemberIds.filter((s) => !next.includes(s)),
        },
      },
      m,
    );
  }

  async findGroups(ctx: UserContext, programmeId: string): Promise<GroupResponse[]> {
    await this.policy.assertProgrammeAccess(ctx, 'group.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    const rows = await this.groups.find({ where: { programmeId }, order: { number: 'ASC' } });
    const counts = await this.participants.countActive(rows.map((g) => g.id));
    await this.registerCounts(ctx, programmeId, counts);
    return rows.map((g) => toGroupResponse(g, counts.get(g.id) ?? 0));
  }

  async getGroup(ctx: UserContext, id: string): Promise<GroupResponse> {
    const access = await this.policy.assertGroupAccess(ctx, 'group.read', id);
    const g = await this.groups.findOneByOrFail({ id });
    const counts = await this.participants.countActive([id]);
    await this.registerCounts(ctx, access.programmeId, counts);
    return toGroupResponse(g, counts.get(id) ?? 0);
  }

  /** A group's enrolled count is a plain count: for aggregate-only readers checked against the disclosure audit. */
  private async registerCounts(ctx: UserContext, programmeId: string, counts: ReadonlyMap<string, number>) {
    if (this.disclosure.audience(ctx.user).kind !== 'aggregate') return;
    await this.disclosure.checkCounts(
      programmeId,
      'group',
      [...counts].map(([groupId, value]) => ({ key: groupEnrolledKey(groupId), value })),
    );
  }

  /**
   * The sessions, and the Swedish days off the template's plan skipped (named, so a worker sees why a week is
   * short). A group without a template has no plan, so nothing was skipped.
   */
  async getCalendar(ctx: UserContext, groupId: string): Promise<CalendarResponse> {
    const access = await this.policy.assertGroupAccess(ctx, 'group.read', groupId);
    const [rows, group] = await Promise.all([
      this.sessions.find({ where: { groupId }, order: { date: 'ASC', startTime: 'ASC' } }),
      this.groups.findOneByOrFail({ id: groupId }),
    ]);
    const template = group.templateId
      ? await this.templates.templateOf(access.programmeId, group.templateId)
      : null;
    const plan = template ? planCalendar(template, group.startDate) : null;
    const notes = this.policy.can(ctx.user, 'session.notes.read');
    return {
      sessions: rows.map((s) => toSessionResponse(s, notes)),
      lectureCount: rows.filter((s) => s.kind === 'lecture' && s.status === 'scheduled').length,
      lecturesShort: plan?.lecturesShort ?? 0,
      skippedHolidays: plan?.skippedHolidays ?? [],
    };
  }

  async createSession(ctx: UserContext, groupId: string, dto: CreateSessionDto): Promise<SessionResponse> {
    await this.policy.assertGroupAccess(ctx, 'session.manage', groupId);
    if (dto.endTime <= dto.startTime)
      throw Problem.field('endTime', 'endTime must be after startTime', {
        code: 'end_not_after_start',
        params: { start: 'startTime' },
      });
    const s = await this.dataSource.transaction(async (m) => {
      const row = await m.save(
        m.create(GroupSession, {
          ...dto,
          groupId,
          mode: dto.mode ?? 'on_site',
          presenterStaffId: dto.presenterStaffId ?? null,
          note: dto.note?.trim() ?? '',
        }),
      );
      await this.audit.record(ctx, { action: 'session.create', entityType: 'session', entityId: row.id }, m);
      return row;
    });
    return toSessionResponse(s);
  }

  /** Move, cancel, change presenter, mark the presenter absent and assign a substitute. */
  async updateSession(ctx: UserContext, sessionId: string, dto: UpdateSessionDto): Promise<SessionResponse> {
    const current = await this.sessions.findOneBy({ id: sessionId });
    if (!current) throw Problem.notFound('session');
    await this.policy.assertGroupAccess(ctx, 'session.manage', current.groupId);
    // Fields left out of the request keep their current values.
    const given = Object.fromEntries(
      Object.entries(dto).filter(([, v]) => v !== undefined),
    ) as UpdateSessionDto;
    const next = { ...current, ...given };
    if (next.endTime.slice(0, 5) <= next.startTime.slice(0, 5))
      throw Problem.field('endTime', 'endTime must be after startTime', {
        code: 'end_not_after_start',
        params: { start: 'startTime' },
      });
    const moved =
      next.date !== current.date ||
      next.startTime.slice(0, 5) !== current.startTime.slice(0, 5) ||
      next.endTime.slice(0, 5) !== current.endTime.slice(0, 5);
    // A move needs its own reason: the old note (say, why it was added) does not explain it.
    if (moved && !dto.note?.trim())
      throw Problem.field('note', 'say why the session is moved (note)', { code: 'move_reason_required' });
    // The first planned day stays known across moves; moved back there, it is no longer moved.
    const firstDay = current.movedFrom ?? current.date;
    const movedFrom = next.date === firstDay ? null : firstDay;
    if (dto.status === 'cancelled' && !(dto.note ?? current.note).trim()) {
      throw Problem.field('note', 'say why the session is cancelled (note)', {
        code: 'cancel_reason_required',
      });
    }
    if (next.substituteStaffId && next.substituteStaffId === next.presenterStaffId) {
      throw Problem.field('substituteStaffId', 'the substitute must be someone other than the presenter', {
        code: 'substitute_is_presenter',
      });
    }
    await this.dataSource.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(GroupSession)
        .set({
          date: next.date,
          startTime: next.startTime,
          endTime: next.endTime,
          theme: next.theme,
          mode: next.mode,
          presenterStaffId: next.presenterStaffId,
          presenterAbsent: next.presenterAbsent,
          substituteStaffId: next.substituteStaffId,
          status: next.status,
          note: next.note,
          movedFrom,
          version: current.version + 1,
        })
        .where('id = :id AND version = :v', { id: sessionId, v: dto.version })
        .execute();
      if (res.affected !== 1)
        throw Problem.stale('The session was changed by someone else. Reload and try again.');
      await this.audit.record(
        ctx,
        {
          action: 'session.update',
          entityType: 'session',
          entityId: sessionId,
          details: { changed: Object.keys(dto).filter((k) => k !== 'version') },
        },
        m,
      );
    });
    return toSessionResponse(await this.sessions.findOneByOrFail({ id: sessionId }));
  }

  /**
   * The named attendance grid; every protected person whose real name it shows leaves a
   * `participant.identity.read`. `onlyEnrolmentId` narrows it to one person (her certificate), whose identity read
   * the caller records.
   */
  async getAttendance(
    ctx: UserContext,
    groupId: string,
    onlyEnrolmentId?: string,
  ): Promise<AttendanceGridResponse> {
    const access = await this.policy.assertGroupAccess(ctx, 'attendance.read', groupId);
    const [sessions, all, programme] = await Promise.all([
      this.sessions.find({ where: { groupId }, order: { date: 'ASC', startTime: 'ASC' } }),
      this.participants.findGroupEnrolments(ctx, groupId, { audit: !onlyEnrolmentId }),
      this.programmes.getProgramme(ctx, access.programmeId),
    ]);
    const enrolmentsByStart = onlyEnrolmentId ? all.filter((e) => e.id === onlyEnrolmentId) : all;
    // Alphabetical, as on a paper register.
    const enrolments = [...enrolmentsByStart].sort((a, b) =>
      a.displayName.localeCompare(b.displayName, 'sv'),
    );
    const marks = sessions.length
      ? await this.attendance.find({ where: { sessionId: In(sessions.map((s) => s.id)) } })
      : [];
    const taken = new Set(marks.map((m) => m.sessionId));
    const goal = goalTarget(programme.goals, 'attendance') ?? 0;
    const rates = attendanceRates(
      sessions.map((s) => ({
        id: s.id,
        date: s.date,
        cancelled: s.status === 'cancelled',
        taken: taken.has(s.id),
      })),
      enrolments,
      new Map(marks.map((m) => [`${m.sessionId}:${m.enrolmentId}`, m.status])),
      goal,
    );
    await this.audit.recordMany(
      ctx,
      enrolments.map((e) => ({
        action: 'attendance.read',
        entityType: 'enrolment',
        entityId: e.id,
        subjectId: e.participantId,
      })),
    );
    return {
      groupId,
      goalPercent: goal,
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.date,
        theme: s.theme,
        kind: s.kind,
        status: s.status,
      })),
      rows: enrolments.map((e, i) => ({
        ...rates.people[i],
        participantId: e.participantId,
        displayName: e.displayName,
      })),
      marks: marks.map((m) => ({
        sessionId: m.sessionId,
        enrolmentId: m.enrolmentId,
        status: m.status,
        reason: m.reason,
        version: m.version,
      })),
      groupRate: rates.group,
      meetingGoal: rates.meetingGoal,
    };
  }

  /** A week (or any set) of marks in one idempotent request: a retry with the same key stores nothing twice. */
  async saveAttendance(
    ctx: UserContext,
    groupId: string,
    dto: SaveAttendanceDto,
    key: string | undefined,
  ): Promise<{ status: number; body: { saved: number }; replayed: boolean }> {
    await this.policy.assertGroupAccess(ctx, 'attendance.write', groupId);
    const sessionIds = [...new Set(dto.marks.map((m) => m.sessionId))];
    const sessions = await this.sessions.find({ where: { id: In(sessionIds) } });
    // Ids only, no names shown: not an identity read.
    const enrolments = await this.participants.findGroupEnrolments(ctx, groupId, { audit: false });
    const enrolmentById = new Map(enrolments.map((e) => [e.id, e]));
    const sessionById = new Map(sessions.map((s) => [s.id, s]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    dto.marks.forEach((m, i) => {
      const s = sessionById.get(m.sessionId);
      const e = enrolmentById.get(m.enrolmentId);
      if (!s || s.groupId !== groupId)
        errors.push(
          fieldError(`marks.${i}.sessionId`, 'sessionId is not a session of this group', {
            code: 'not_in_group',
            params: { entity: 'session' },
          }),
        );
      else if (s.status === 'cancelled')
        errors.push(
          fieldError(`marks.${i}.sessionId`, 'the session is cancelled', { code: 'session_cancelled' }),
        );
      if (!e)
        errors.push(
          fieldError(`marks.${i}.enrolmentId`, 'enrolmentId is not an enrolment in this group', {
            code: 'not_in_group',
            params: { entity: 'enrolment' },
          }),
        );
      else if (s && (s.date < e.startDate || (e.endDate !== null && s.date > e.endDate))) {
        errors.push(
          fieldError(`marks.${i}.enrolmentId`, 'the participant was not enrolled on the session date', {
            code: 'not_enrolled_on_date',
          }),
        );
      }
      const k = `${m.sessionId}:${m.enrolmentId}`;
      if (seen.has(k))
        errors.push(
          fieldError(`marks.${i}`, 'the same session and participant appear twice', {
            code: 'duplicate_mark',
          }),
        );
      seen.add(k);
    });
    if (errors.length) throw Problem.badRequest(errors.map((e) => e.message).join('; '), errors);
    return this.idempotency.run(`attendance:${ctx.user.id}:${groupId}`, key, dto, async (m) => {
      // The marks as one JSON parameter in one statement (a week is a hundred rows; the ORM's builder cost more).
      // A mark sent with the version its sender read is not written when the stored one has moved on (0: the cell
      // was empty); a concurrent insert of the same cell waits here and then meets the same check.
      const written: unknown = await m.query(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS x(session_id uuid, enrolment_id uuid, status text, reason text, expected int))
         INSERT INTO attendance AS a (session_id, enrolment_id, status, reason, recorded_by)
         SELECT session_id, enrolment_id, status, reason, $2::uuid FROM x
         ON CONFLICT (session_id, enrolment_id)
         DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, recorded_by = EXCLUDED.recorded_by,
                       updated_at = now(), version = a.version + 1
          WHERE NOT EXISTS (SELECT 1 FROM x
                             WHERE x.session_id = a.session_id AND x.enrolment_id = a.enrolment_id
                               AND x.expected IS NOT NULL AND x.expected <> a.version)
         RETURNING a.session_id`,
        [
          JSON.stringify(
            dto.marks.map((x) => ({
              session_id: x.sessionId,
              enrolment_id: x.enrolmentId,
              status: x.status,
              reason: x.status === 'excused' ? (x.reason ?? null) : null,
              expected: x.version ?? null,
            })),
          ),
          ctx.user.id,
        ],
      );
      if (!Array.isArray(written) || written.length !== dto.marks.length)
        throw Problem.stale(
          'Someone else saved attendance for these sessions after you read them. Reload and save again.',
        );
      await this.audit.recordMany(
        ctx,
        dto.marks.map((x) => ({
          action: 'attendance.write',
          entityType: 'enrolment',
          entityId: x.enrolmentId,
          subjectId: enrolmentById.get(x.enrolmentId)!.participantId,
        })),
        m,
      );
      return { status: 200, body: { saved: dto.marks.length } };
    });
  }

  /** A session's theme, its group and the group's method template (the handbook's material for it); no access check. */
  async sessionTheme(
    sessionId: string,
  ): Promise<{ theme: string; groupId: string; templateId: string | null } | null> {
    const [s]: { theme: string; group_id: string; template_id: string | null }[] =
      await this.dataSource.query(
        `SELECT s.theme, s.group_id, g.template_id FROM group_session s JOIN programme_group g ON g.id = s.group_id WHERE s.id = $1`,
        [sessionId],
      );
    return s ? { theme: s.theme, groupId: s.group_id, templateId: s.template_id } : null;
  }

  /** First day of the group's internship weeks (from its template); the group's start when it has none. */
  async internshipPhaseStart(groupId: string): Promise<string> {
    return (await this.internshipPhaseStarts([groupId])).get(groupId)!;
  }

  /** The same for many groups in two queries (a report over a thousand groups must not ask a thousand times). */
  async internshipPhaseStarts(groupIds: string[]): Promise<Map<string, string>> {
    const groups = groupIds.length ? await this.groups.findBy({ id: In(groupIds) }) : [];
    const templates = await this.templates.templatesByIds([
      ...new Set(groups.map((g) => g.templateId).filter((x): x is string => !!x)),
    ]);
    return new Map(
      groups.map((g) => {
        const t = g.templateId ? templates.get(g.templateId) : undefined;
        if (!t) return [g.id, g.startDate] as const;
        const i = t.phases.findIndex((p) => p.kind === 'internship');
        const weeksBefore = t.phases.slice(0, i < 0 ? t.phases.length : i).reduce((s, p) => s + p.weeks, 0);
        return [g.id, addDays(g.startDate, weeksBefore * 7)] as const;
      }),
    );
  }

  /** For the import: a group without a calendar, inside the importer's transaction. */
  async importGroup(
    m: EntityManager,
    g: { programmeId: string; municipalityId: string; number: number; startDate: string; endDate: string },
  ): Promise<string> {
    const existing = await m.findOneBy(Group, {
      programmeId: g.programmeId,
      municipalityId: g.municipalityId,
      number: g.number,
    });
    if (existing) return existing.id;
    return (
      await m.save(
        m.create(Group, {
          ...g,
          capacity: 10,
          overIntake: 0,
          deliveryMode: 'on_site',
          place: '',
          templateId: null,
          staffMemberIds: [],
        }),
      )
    ).id;
  }
}
