import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ratio, stockholmDate } from '@stegvis/contracts';
import { DataSource, Repository } from 'typeorm';
import { disclosureLedger } from '@stegvis/reports';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { GroupsService } from '../groups/groups.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { OutboxService } from '../outbox/outbox.service';
import { ParticipantsService } from '../participants/participants.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { ReferralsService } from '../referrals/referrals.service';
import { UsersService } from '../users/users.service';
import { StaffingService } from '../staffing/staffing.service';
import type {
  ActionItemDto,
  DecisionsDto,
  InviteeCandidateDto,
  MeetingDetail,
  MeetingDto,
} from './dto/meeting.dto';
import { ActionItem } from './entities/action-item.entity';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingMember } from './entities/meeting-member.entity';
import { Meeting } from './entities/meeting.entity';
import { MinutesSending } from './entities/minutes-sending.entity';
import { renderMinutes } from './minutes.pdf';
import { minutesRecipients } from './minutes-recipients';

/** The tertial of the Swedish day: a referral at 00:30 on 1 January belongs to the new year. */
const tertialOf = (d: Date) => {
  const day = stockholmDate(d);
  return `${day.slice(0, 4)}-T${Math.floor((Number(day.slice(5, 7)) - 1) / 4) + 1}`;
};

@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingMember) private readonly members: Repository<MeetingMember>,
    @InjectRepository(MeetingAgendaItem) private readonly agenda: Repository<MeetingAgendaItem>,
    @InjectRepository(ActionItem) private readonly actions: Repository<ActionItem>,
    @InjectRepository(MinutesSending) private readonly sendings: Repository<MinutesSending>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly groups: GroupsService,
    private readonly programmes: ProgrammesService,
    private readonly outbox: OutboxService,
    private readonly participants: ParticipantsService,
    private readonly staffing: StaffingService,
  ) {}

  /**
   * Whom a new meeting may invite: the programme's current analysis-group members (checked by default when they have
   * an account in the programme) and the programme's staff (to add by hand). Committee members are read as stored.
   */
  async invitees(ctx: UserContext, programmeId: string): Promise<InviteeCandidateDto[]> {
    await this.policy.assertProgrammeAccess(ctx, 'meeting.manage', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    // Current members only: findCommittee leaves out ended memberships unless asked.
    const committee = await this.staffing.findCommittee(ctx, programmeId, 'analysis');
    const users = new Map((await this.users.findUsers()).map((u) => [u.id, u]));
    const staff = [...users.values()].filter(
      (u) => u.role === 'staff' && u.active && u.programmeIds.includes(programmeId),
    );
    const orgs = new Map(
      (
        await this.organisations.findOrganisations([
          ...new Set(
            [...committee.map((c) => c.organisationId), ...staff.map((u) => u.organisationId)].filter(
              (x): x is string => !!x,
            ),
          ),
        ])
      ).map((o) => [o.id, o.name]),
    );
    const seen = new Set<string>();
    const out: InviteeCandidateDto[] = [];
    for (const c of committee) {
      const u = c.userId ? users.get(c.userId) : undefined;
      if (u && seen.has(u.id)) continue;
      if (u) seen.add(u.id);
      const unavailable =
        !u || !u.active ? 'no_account' : u.programmeIds.includes(programmeId) ? null : 'not_in_programme';
      out.push({
        userId: unavailable === 'no_account' ? null : u!.id,
        name: c.name,
        organisationName: orgs.get(c.organisationId) ?? '',
        roleTitle: c.roleTitle ?? '',
        source: 'analysis',
        invitedByDefault: unavailable === null,
        unavailable,
      });
    }
    for (const u of staff.sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({
        userId: u.id,
        name: u.displayName,
        organisationName: u.organisationId ? (orgs.get(u.organisationId) ?? '') : 'Processpersonal',
        roleTitle: '',
        source: 'staff',
        invitedByDefault: false,
        unavailable: null,
      });
    }
    await this.audit.record(ctx, {
      action: 'committee.read',
      entityType: 'programme',
      entityId: programmeId,
    });
    return out;
  }

  /**
   * Case discussions are for the programme's staff and the analysis members invited to the meeting: an analysis
   * member of the programme who was not invited neither reads nor writes them.
   */
  private mayUseNotes(ctx: UserContext, members: readonly MeetingMember[]): boolean {
    return (
      ctx.user.role === 'staff' ||
      (ctx.user.role === 'analysis_member' && members.some((x) => x.userId === ctx.user.id))
    );
  }

  /** Plans a meeting; its agenda is drawn from the queue (referrals screened or wait-listed), which move to "on agenda". */
  async createMeeting(ctx: UserContext, dto: MeetingDto): Promise<MeetingDetail> {
    await this.policy.assertProgrammeAccess(ctx, 'meeting.manage', dto.programmeId, {
      type: 'programme',
      id: dto.programmeId,
    });
    const invited = await Promise.all(dto.invitedUserIds.map((id) => this.users.findById(id)));
    const bad = invited.findIndex((u) => !u || !u.programmeIds.includes(dto.programmeId));
    if (bad >= 0)
      throw Problem.field(`invitedUserIds.${bad}`, 'every invited user must work in this programme', {
        code: 'not_in_programme',
        params: { entity: 'user' },
      });
    const ready = await this.referrals.readyForDecision(dto.programmeId);
    const id = await this.dataSource.transaction(async (m) => {
      const meeting = await m.save(
        m.create(Meeting, { programmeId: dto.programmeId, date: dto.date, createdBy: ctx.user.id }),
      );
      if (invited.length)
        await m.insert(
          MeetingMember,
          invited.map((u) => ({ meetingId: meeting.id, userId: u!.id, organisationId: u!.organisationId })),
        );
      if (ready.length)
        await m.insert(
          MeetingAgendaItem,
          ready.map((r, i) => ({ meetingId: meeting.id, referralId: r.id, position: i + 1 })),
        );
      for (const r of ready)
        await this.referrals.move(ctx, m, r, 'on_agenda', {
          reason: '',
          version: r.version,
          meetingId: meeting.id,
        });
      await this.audit.record(
        ctx,
        { action: 'meeting.create', entityType: 'meeting', entityId: meeting.id },
        m,
      );
      return meeting.id;
    });
    return this.getMeeting(ctx, id);
  }

  async findMeetings(
    ctx: UserContext,
    programmeId: string,
  ): Promise<Pick<MeetingDetail, 'id' | 'date' | 'status' | 'programmeId'>[]> {
    await this.policy.assertProgrammeAccess(ctx, 'meeting.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    return (await this.meetings.find({ where: { programmeId }, order: { date: 'DESC' } })).map((x) => ({
      id: x.id,
      date: x.date,
      status: x.status,
      programmeId,
    }));
  }

  async getMeeting(ctx: UserContext, id: string): Promise<MeetingDetail> {
    const meeting = await this.load(ctx, id, 'meeting.read');
    const [members, items, actions, carried, sent] = await Promise.all([
      this.members.findBy({ meetingId: id }),
      this.agenda.find({ where: { meetingId: id }, order: { position: 'ASC' } }),
      this.actions.find({ where: { meetingId: id }, order: { dueDate: 'ASC', text: 'ASC' } }),
      this.carriedActionItems(meeting),
      this.latestSending(id),
    ]);
    const notesReadable = this.mayUseNotes(ctx, members);
    if (notesReadable && meeting.caseNotes)
      await this.audit.record(ctx, {
        action: 'meeting.read',
        entityType: 'meeting',
        entityId: id,
        details: { caseNotes: true },
      });
    const users = new Map(
      (
        await this.users.usersByIds([...new Set([...members.map((x) => x.userId), ...(sent?.userIds ?? [])])])
      ).map((u) => [u.id, u.displayName]),
    );
    const orgs = new Map(
      (
        await this.organisations.findOrganisations([
          ...new Set(members.map((x) => x.organisationId).filter((x): x is string => !!x)),
        ])
      ).map((o) => [o.id, o.name]),
    );
    const referrals = await this.referrals.byIds(items.map((i) => i.referralId));
    const byId = new Map(referrals.map((r) => [r.id, r]));
    const agenda = await this.referrals.describe(
      ctx,
      items.map((i) => byId.get(i.referralId)!).filter(Boolean),
    );
    const decisions = await this.referrals.meetingDecisions(id);
    const toDecision = { accepted: 'accept', wait_listed: 'wait_list', declined: 'decline' } as const;
    return {
      id,
      programmeId: meeting.programmeId,
      date: meeting.date,
      status: meeting.status,
      invited: members.map((x) => ({
        userId: x.userId,
        name: users.get(x.userId) ?? '',
        organisationName: x.organisationId ? (orgs.get(x.organisationId) ?? '') : 'Processpersonal',
        present: x.present,
      })),
      agenda,
      caseNotes: notesReadable ? meeting.caseNotes : '',
      caseNotesReadable: notesReadable,
      actionItems: actions.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        dueDate: a.dueDate,
        done: a.done,
      })),
      carriedActionItems: carried,
      version: meeting.version,
      minutesSent: sent && {
        sentAt: sent.sentAt,
        sentBy: sent.sentBy,
        recipients: sent.userIds.map((u) => {
          const x = members.find((mm) => mm.userId === u);
          return {
            userId: u,
            name: users.get(u) ?? '',
            organisationName: x?.organisationId ? (orgs.get(x.organisationId) ?? '') : 'Processpersonal',
          };
        }),
      },
      decisions: decisions.map((d) => ({
        referralId: d.referralId,
        decision: toDecision[d.toStatus as keyof typeof toDecision],
        reason: d.reason,
        groupId: byId.get(d.referralId)?.groupId ?? null,
      })),
    };
  }

  /**
   * All decisions of a meeting in one transaction: every referral is updated, participants created and enrolled,
   * or nothing is. A referral someone else decided meanwhile fails the call with 409.
   */
  async decide(ctx: UserContext, id: string, dto: DecisionsDto): Promise<MeetingDetail> {
    const meeting = await this.load(ctx, id, 'meeting.manage');
    const onAgenda = new Set((await this.agenda.findBy({ meetingId: id })).map((a) => a.referralId));
    const groupStarts = new Map<string, string>();
    for (const [i, d] of dto.decisions.entries()) {
      if (!onAgenda.has(d.referralId))
        throw Problem.field(`decisions.${i}.referralId`, 'the referral is not on this meeting’s agenda', {
          code: 'not_on_agenda',
        });
      if (d.decision === 'accept' && !groupStarts.has(d.groupId!)) {
        const g = await this.groups.getGroup(ctx, d.groupId!).catch(() => null);
        if (!g || g.programmeId !== meeting.programmeId)
          throw Problem.field(`decisions.${i}.groupId`, 'groupId is not a group of this programme', {
            code: 'not_in_programme',
            params: { entity: 'group' },
          });
        groupStarts.set(d.groupId!, g.startDate);
      }
    }
    await this.dataSource.transaction(async (m) => {
      for (const d of dto.decisions) {
        await this.referrals.decide(ctx, m, id, {
          ...d,
          groupStart: d.groupId ? groupStarts.get(d.groupId) : undefined,
        });
      }
      await m.update(Meeting, { id }, { status: 'held' });
    });
    return this.getMeeting(ctx, id);
  }

  async recordAttendance(ctx: UserContext, id: string, presentUserIds: string[]): Promise<MeetingDetail> {
    await this.load(ctx, id, 'meeting.manage');
    const members = await this.members.findBy({ meetingId: id });
    const unknown = presentUserIds.findIndex((u) => !members.some((x) => x.userId === u));
    if (unknown >= 0)
      throw Problem.field(`presentUserIds.${unknown}`, 'not invited to this meeting', {
        code: 'not_invited',
      });
    await this.dataSource.transaction(async (m) => {
      for (const x of members)
        await m.update(
          MeetingMember,
          { meetingId: id, userId: x.userId },
          { present: presentUserIds.includes(x.userId) },
        );
      await this.audit.record(ctx, { action: 'meeting.attendance', entityType: 'meeting', entityId: id }, m);
    });
    return this.getMeeting(ctx, id);
  }

  /**
   * Saves the case notes. With `version`, a meeting changed since (someone else saved notes, or decisions) is
   * refused with 409 and nothing is written over.
   */
  async setNotes(ctx: UserContext, id: string, caseNotes: string, version?: number): Promise<MeetingDetail> {
    await this.load(ctx, id, 'meeting.manage');
    if (!this.mayUseNotes(ctx, await this.members.findBy({ meetingId: id }))) {
      await this.audit.record(ctx, {
        action: 'meeting.notes',
        entityType: 'meeting',
        entityId: id,
        outcome: 'denied',
      });
      throw new Problem(
        403,
        'Only the programme’s staff and the analysis members invited to the meeting write its case discussions',
        undefined,
        undefined,
        { code: 'case_notes_invited_only' },
      );
    }
    await this.dataSource.transaction(async (m) => {
      const res = await m.update(Meeting, version === undefined ? { id } : { id, version }, { caseNotes });
      if (!res.affected)
        throw Problem.stale('The meeting was changed by someone else since it was read; read it again');
      await this.audit.record(ctx, { action: 'meeting.notes', entityType: 'meeting', entityId: id }, m);
    });
    return this.getMeeting(ctx, id);
  }

  /** An action item with owner and due date, not before the meeting; open until marked done. */
  async addActionItem(ctx: UserContext, id: string, dto: ActionItemDto): Promise<MeetingDetail> {
    const meeting = await this.load(ctx, id, 'meeting.manage');
    const text = dto.text.trim();
    const owner = dto.owner.trim();
    if (!text) throw Problem.field('text', 'text is required', { code: 'required' });
    if (!owner) throw Problem.field('owner', 'owner is required', { code: 'required' });
    if (dto.dueDate < meeting.date)
      throw Problem.field('dueDate', `the due date is before the meeting (${meeting.date})`, {
        code: 'due_before_meeting',
        params: { meetingDate: meeting.date },
      });
    await this.dataSource.transaction(async (m) => {
      const saved = await m.save(m.create(ActionItem, { meetingId: id, text, owner, dueDate: dto.dueDate }));
      await this.audit.record(
        ctx,
        {
          action: 'meeting.manage',
          entityType: 'meeting',
          entityId: id,
          details: { actionItem: saved.id, change: 'add' },
        },
        m,
      );
    });
    return this.getMeeting(ctx, id);
  }

  /**
   * Marks an action item done or open again. Answers the meeting the item was set at; a carried item is marked from
   * a later meeting's page, which reloads itself.
   */
  async setActionItemDone(ctx: UserContext, itemId: string, done: boolean): Promise<MeetingDetail> {
    const item = await this.actions.findOneBy({ id: itemId });
    if (!item) throw Problem.notFound('action item');
    await this.load(ctx, item.meetingId, 'meeting.manage');
    await this.dataSource.transaction(async (m) => {
      await m.update(ActionItem, { id: itemId }, { done });
      await this.audit.record(
        ctx,
        {
          action: 'meeting.manage',
          entityType: 'meeting',
          entityId: item.meetingId,
          details: { actionItem: itemId, change: done ? 'done' : 'reopened' },
        },
        m,
      );
    });
    return this.getMeeting(ctx, item.meetingId);
  }

  /** Open action items of the programme's earlier meetings: the next meeting's agenda carries them. */
  private async carriedActionItems(meeting: Meeting): Promise<MeetingDetail['carriedActionItems']> {
    const rows: {
      id: string;
      text: string;
      owner: string;
      due_date: string;
      meeting_id: string;
      meeting_date: string;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.text, a.owner, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, m.id AS meeting_id,
              to_char(m.date, 'YYYY-MM-DD') AS meeting_date
         FROM action_item a JOIN meeting m ON m.id = a.meeting_id
        WHERE m.programme_id = $1 AND NOT a.done AND m.id <> $2
          AND (m.date < $3 OR (m.date = $3 AND m.created_at < $4))
        ORDER BY a.due_date, m.date, a.text`,
      [meeting.programmeId, meeting.id, meeting.date, meeting.createdAt],
    );
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      owner: r.owner,
      dueDate: r.due_date,
      done: false,
      meetingId: r.meeting_id,
      meetingDate: r.meeting_date,
    }));
  }

  /** The latest sending of the minutes: when, by whom, to whom. */
  private async latestSending(
    meetingId: string,
  ): Promise<{ sentAt: string; sentBy: string; userIds: string[] } | null> {
    const rows = await this.sendings.find({ where: { meetingId }, order: { sentAt: 'DESC' } });
    if (rows.length === 0) return null;
    const at = rows[0].sentAt.getTime();
    const latest = rows.filter((r) => r.sentAt.getTime() === at);
    return {
      sentAt: rows[0].sentAt.toISOString(),
      sentBy: rows[0].sentBy,
      userIds: latest.map((r) => r.userId),
    };
  }

  /** The minutes as PDF: never the case-discussion notes, which stay in the meeting for its members. */
  async minutesPdf(ctx: UserContext, id: string): Promise<Buffer> {
    const { caseNotes: _notes, caseNotesReadable: _readable, ...m } = await this.getMeeting(ctx, id);
    const programme = await this.programmes.getProgramme(ctx, m.programmeId);
    await this.audit.record(ctx, { action: 'meeting.minutes', entityType: 'meeting', entityId: id });
    return renderMinutes(m, programme.name);
  }

  /** Puts the minutes in the outbox for the invited who may read them (`minutesRecipients`); the e-mail names nobody. */
  async sendMinutes(ctx: UserContext, id: string): Promise<{ queued: number }> {
    const pdf = await this.minutesPdf(ctx, id);
    const m = await this.getMeeting(ctx, id);
    const recipients = minutesRecipients(
      m.programmeId,
      await Promise.all(m.invited.map((i) => this.users.findById(i.userId))),
    );
    const sentAt = new Date();
    await this.dataSource.transaction(async (tx) => {
      await this.outbox.enqueue(
        tx,
        recipients.map((u) => ({
          to: u.email,
          subject: `Protokoll från analysgruppens möte ${m.date}`,
          body: `Hej!\n\nHär kommer protokollet från analysgruppens möte ${m.date}. Logga in i Stegvis för att se ärendena.\n\nMed vänlig hälsning\nStegvis`,
          attachment: { name: `protokoll-${m.date}.pdf`, content: pdf },
        })),
      );
      if (recipients.length)
        await tx.insert(
          MinutesSending,
          recipients.map((u) => ({ meetingId: id, userId: u.id, sentAt, sentBy: ctx.user.id })),
        );
      await this.audit.record(
        ctx,
        {
          action: 'meeting.minutes',
          entityType: 'meeting',
          entityId: id,
          details: { sent: recipients.length },
        },
        tx,
      );
    });
    return { queued: recipients.length };
  }

  /** Referrals per organisation per tertial, and days from referral to decision. */
  async inflow(ctx: UserContext, programmeId: string) {
    await this.policy.assertProgrammeAccess(ctx, 'inflow.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    // Counts of referrals and meetings, before anyone joins a group: registered with the disclosure engine.
    disclosureLedger.record('inflow');
    const rows = await this.referrals.inflowTimes(programmeId);
    const orgs = new Map((await this.organisations.findOrganisations()).map((o) => [o.id, o.name]));
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = `${tertialOf(r.receivedAt)}|${orgs.get(r.organisationId) ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const days = rows
      .filter((r) => r.decidedAt)
      .map((r) => Math.floor((r.decidedAt!.getTime() - r.receivedAt.getTime()) / 86_400_000))
      .sort((a, b) => a - b);
    const median =
      days.length === 0
        ? null
        : days.length % 2
          ? days[(days.length - 1) / 2]
          : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
    return {
      byTertial: [...counts.entries()]
        .map(([k, n]) => ({ tertial: k.split('|')[0], organisationName: k.split('|')[1], referrals: n }))
        .sort(
          (a, b) =>
            a.tertial.localeCompare(b.tertial) || a.organisationName.localeCompare(b.organisationName, 'sv'),
        ),
      daysToDecision: {
        decided: days.length,
        medianDays: median,
        meanDays: days.length ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10 : null,
      },
    };
  }

  /** Invited and absent per organisation over the programme's meetings (absence is a known problem). */
  async absence(ctx: UserContext, programmeId: string) {
    await this.policy.assertProgrammeAccess(ctx, 'inflow.read', programmeId, {
      type: 'programme',
      id: programmeId,
    });
    // Counts of referrals and meetings, before anyone joins a group: registered with the disclosure engine.
    disclosureLedger.record('meeting-attendance');
    const rows: { organisation_id: string | null; invited: number; present: number; absent: number }[] =
      await this.dataSource.query(
        `SELECT mm.organisation_id, count(*)::int AS invited, count(*) FILTER (WHERE mm.present)::int AS present, count(*) FILTER (WHERE mm.present = false)::int AS absent
         FROM meeting_member mm JOIN meeting m ON m.id = mm.meeting_id WHERE m.programme_id = $1 GROUP BY mm.organisation_id`,
        [programmeId],
      );
    const perMeeting: {
      meeting_id: string;
      date: string;
      organisation_id: string | null;
      invited: number;
      present: number;
      absent: number;
    }[] = await this.dataSource.query(
      `SELECT m.id AS meeting_id, to_char(m.date, 'YYYY-MM-DD') AS date, mm.organisation_id, count(*)::int AS invited,
              count(*) FILTER (WHERE mm.present)::int AS present, count(*) FILTER (WHERE mm.present = false)::int AS absent
         FROM meeting_member mm JOIN meeting m ON m.id = mm.meeting_id WHERE m.programme_id = $1
        GROUP BY m.id, m.date, m.created_at, mm.organisation_id ORDER BY m.date, m.created_at, m.id`,
      [programmeId],
    );
    const orgs = new Map((await this.organisations.findOrganisations()).map((o) => [o.id, o.name]));
    const orgName = (id: string | null) => (id ? (orgs.get(id) ?? '') : 'Processpersonal');
    return {
      byMeeting: perMeeting
        .map((r, i) => ({
          order: perMeeting.findIndex((x) => x.meeting_id === r.meeting_id) * 10_000 + i,
          row: {
            meetingId: r.meeting_id,
            date: r.date,
            organisationName: orgName(r.organisation_id),
            invited: r.invited,
            present: r.present,
            absent: r.absent,
          },
        }))
        .sort(
          (a, b) =>
            Math.floor(a.order / 10_000) - Math.floor(b.order / 10_000) ||
            a.row.organisationName.localeCompare(b.row.organisationName, 'sv'),
        )
        .map((x) => x.row),
      byOrganisation: rows
        .map((r) => ({
          organisationName: r.organisation_id ? (orgs.get(r.organisation_id) ?? '') : 'Processpersonal',
          invited: r.invited,
          present: r.present,
          absent: r.absent,
        }))
        .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv')),
    };
  }

  /** Next group starts: capacity against accepted and queued, and an over-intake suggestion from the programme's early-leaver rate. */
  async intake(ctx: UserContext, programmeId: string, from: string) {
    const all = await this.groups.findGroups(ctx, programmeId);
    const groups = all.filter((g) => g.startDate >= from);
    const stats = await this.participants.endedEnrolmentCounts(all.map((g) => g.id));
    const rate = ratio(stats.left, stats.total);
    const counts = await this.referrals.countByGroupAndStatus(programmeId);
    const queued = counts.filter((c) => c.status !== 'accepted').reduce((s, c) => s + c.n, 0);
    return {
      groups: groups.map((g) => ({
        groupId: g.id,
        name: g.name,
        startDate: g.startDate,
        capacity: g.capacity,
        accepted: counts
          .filter((c) => c.groupId === g.id && c.status === 'accepted')
          .reduce((s, c) => s + c.n, 0),
        queued,
        // Enough extra places that, after the usual share leaves early, the group is still full.
        suggestedOverIntake:
          rate.of === 0 || rate.count === 0
            ? 0
            : Math.ceil((g.capacity * rate.count) / (rate.of - rate.count)),
      })),
      earlyLeaverRate: rate,
    };
  }

  private async load(
    ctx: UserContext,
    id: string,
    action: 'meeting.read' | 'meeting.manage',
  ): Promise<Meeting> {
    const meeting = await this.meetings.findOneBy({ id });
    await this.policy.assertProgrammeAccess(ctx, action, meeting?.programmeId ?? null, {
      type: 'meeting',
      id,
    });
    // Counts of referrals and meetings, before anyone joins a group: registered with the disclosure engine.
    disclosureLedger.record('intake');
    return meeting!;
  }
}
