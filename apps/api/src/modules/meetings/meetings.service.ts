import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type MeetingResponse, ratio, stockholmDate } from '@stegvis/contracts';
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
import type { ActionItemDto, DecisionsDto, MeetingDto } from './dto/meeting.dto';
import { ActionItem } from './entities/action-item.entity';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingMember } from './entities/meeting-member.entity';
import { Meeting } from './entities/meeting.entity';
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
  ) {}

  /** Plans a meeting; its agenda is drawn from the queue (referrals screened or wait-listed), which move to "on agenda". */
  async createMeeting(ctx: UserContext, dto: MeetingDto): Promise<MeetingResponse> {
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
  ): Promise<Pick<MeetingResponse, 'id' | 'date' | 'status' | 'programmeId'>[]> {
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

  async getMeeting(ctx: UserContext, id: string): Promise<MeetingResponse> {
    const meeting = await this.load(ctx, id, 'meeting.read');
    const [members, items, actions] = await Promise.all([
      this.members.findBy({ meetingId: id }),
      this.agenda.find({ where: { meetingId: id }, order: { position: 'ASC' } }),
      this.actions.find({ where: { meetingId: id }, order: { dueDate: 'ASC' } }),
    ]);
    const users = new Map(
      (await this.users.usersByIds(members.map((x) => x.userId))).map((u) => [u.id, u.displayName]),
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
      caseNotes: meeting.caseNotes,
      actionItems: actions.map((a) => ({
        id: a.id,
        text: a.text,
        owner: a.owner,
        dueDate: a.dueDate,
        done: a.done,
      })),
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
  async decide(ctx: UserContext, id: string, dto: DecisionsDto): Promise<MeetingResponse> {
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

  async recordAttendance(ctx: UserContext, id: string, presentUserIds: string[]): Promise<MeetingResponse> {
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

  async setNotes(ctx: UserContext, id: string, caseNotes: string): Promise<MeetingResponse> {
    await this.load(ctx, id, 'meeting.manage');
    await this.dataSource.transaction(async (m) => {
      await m.update(Meeting, { id }, { caseNotes });
      await this.audit.record(ctx, { action: 'meeting.notes', entityType: 'meeting', entityId: id }, m);
    });
    return this.getMeeting(ctx, id);
  }

  async addActionItem(ctx: UserContext, id: string, dto: ActionItemDto): Promise<MeetingResponse> {
    await this.load(ctx, id, 'meeting.manage');
    await this.actions.insert({ meetingId: id, text: dto.text, owner: dto.owner, dueDate: dto.dueDate });
    return this.getMeeting(ctx, id);
  }

  async setActionItemDone(ctx: UserContext, itemId: string, done: boolean): Promise<MeetingResponse> {
    const item = await this.actions.findOneBy({ id: itemId });
    if (!item) throw Problem.notFound('action item');
    await this.load(ctx, item.meetingId, 'meeting.manage');
    await this.actions.update({ id: itemId }, { done });
    return this.getMeeting(ctx, item.meetingId);
  }

  /** The minutes as PDF: never the case-discussion notes, which stay in the meeting for its members. */
  async minutesPdf(ctx: UserContext, id: string): Promise<Buffer> {
    const { caseNotes: _notes, ...m } = await this.getMeeting(ctx, id);
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
    await this.dataSource.transaction((tx) =>
      this.outbox.enqueue(
        tx,
        recipients.map((u) => ({
          to: u.email,
          subject: `Protokoll från analysgruppens möte ${m.date}`,
          body: `Hej!\n\nHär kommer protokollet från analysgruppens möte ${m.date}. Logga in i Stegvis för att se ärendena.\n\nMed vänlig hälsning\nStegvis`,
          attachment: { name: `protokoll-${m.date}.pdf`, content: pdf },
        })),
      ),
    );
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
    const orgs = new Map((await this.organisations.findOrganisations()).map((o) => [o.id, o.name]));
    return {
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
