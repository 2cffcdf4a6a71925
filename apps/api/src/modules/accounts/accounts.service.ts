import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem, fieldError } from '../../common/problem/problem';
import { AuthService } from '../auth/auth.service';
import { GroupsService, type StaffedGroup } from '../groups/groups.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { StaffingService } from '../staffing/staffing.service';
import { type UserListItem, UsersService } from '../users/users.service';
import type { StaffedGroupDto, StaffReplacementDto } from './dto/account.dto';

/**
 * The admin's actions on someone's way in: a password reset and deactivation. Both end the user's sessions, which
 * the auth module owns, and deactivation hands their groups to others, which the groups module owns; the users
 * module cannot reach either (they depend on it), so the steps meet here, in one transaction each.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly groups: GroupsService,
    private readonly staffing: StaffingService,
    private readonly programmes: ProgrammesService,
    private readonly organisations: OrganisationsService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  /** A one-time password, shown once; the user's sessions end, and they must pick their own at the next sign-in. */
  async resetPassword(ctx: UserContext, userId: string): Promise<string> {
    await this.users.getUser(userId);
    return this.dataSource.transaction(async (m) => {
      const password = await this.users.resetPassword(userId, m);
      await this.auth.revokeAll(ctx, userId, m);
      await this.audit.record(
        ctx,
        { action: 'user.password_reset', entityType: 'user', entityId: userId },
        m,
      );
      return password;
    });
  }

  /** The groups the user is staff of, with who else is, and who may take the user's place. */
  async staffedGroups(ctx: UserContext, userId: string): Promise<StaffedGroupDto[]> {
    await this.users.getUser(userId);
    const mine = await this.policy.staffMemberIdsOf(userId);
    const groups = await this.groups.groupsStaffedBy(mine);
    if (groups.length === 0) return [];
    const staff = new Map((await this.staffing.findStaffMembers()).map((s) => [s.id, s.name]));
    const municipalities = new Map(
      (await this.organisations.findMunicipalities([...new Set(groups.map((g) => g.municipalityId))])).map(
        (x) => [x.id, x.name],
      ),
    );
    const programmeIds = [...new Set(groups.map((g) => g.programmeId))];
    const programmes = new Map<string, { name: string; candidates: { id: string; name: string }[] }>();
    for (const id of programmeIds) {
      const p = await this.programmes.getProgramme(ctx, id);
      const candidates = (await this.staffing.staffOfProgramme(id, []))
        .filter((s) => !mine.includes(s.id))
        .map((s) => ({ id: s.id, name: s.name }));
      programmes.set(id, { name: p.name, candidates });
    }
    return groups.map((g) => {
      const others = g.staffMemberIds.filter((s) => !mine.includes(s));
      return {
        groupId: g.id,
        number: g.number,
        programmeId: g.programmeId,
        programmeName: programmes.get(g.programmeId)!.name,
        municipalityName: municipalities.get(g.municipalityId) ?? '',
        startDate: g.startDate,
        endDate: g.endDate,
        otherStaff: others.map((s) => staff.get(s) ?? '').filter(Boolean),
        replacementRequired: others.length === 0,
        candidates: programmes.get(g.programmeId)!.candidates,
      };
    });
  }

  /**
   * The user can no longer sign in and their open sessions end at once. They leave the staff of every group that
   * still has duties; where they were the only staff, the admin must name who takes over (422 naming the group),
   * so that no group, and no protected person in it, is left without staff. All in one transaction.
   */
  async deactivate(
    ctx: UserContext,
    userId: string,
    replacements: StaffReplacementDto[],
  ): Promise<UserListItem> {
    if (userId === ctx.user.id)
      throw Problem.rule('You cannot deactivate your own account', { code: 'own_account' });
    await this.users.getUser(userId);
    const mine = await this.policy.staffMemberIdsOf(userId);
    const groups = await this.groups.groupsStaffedBy(mine);
    await this.checkReplacements(replacements, groups, mine);
    const missing = groups.filter(
      (g) => g.staffMemberIds.every((s) => mine.includes(s)) && !replacements.some((r) => r.groupId === g.id),
    );
    if (missing.length)
      throw Problem.rule(
        'Name who takes over the groups where the user is the only staff',
        { code: 'group_staff_replacement_required', params: { groupId: missing[0].id } },
        missing.map((g) =>
          fieldError('replacements', `group ${g.id} would be left without staff`, {
            code: 'group_staff_replacement_required',
            params: { groupId: g.id },
          }),
        ),
      );
    await this.dataSource.transaction(async (m) => {
      for (const g of groups) {
        const replacement = replacements.find((r) => r.groupId === g.id)?.staffMemberId ?? null;
        await this.groups.replaceGroupStaff(ctx, g.id, mine, replacement, m);
      }
      await this.users.setActive(userId, false, m);
      await this.auth.revokeAll(ctx, userId, m);
      await this.audit.record(
        ctx,
        {
          action: 'user.deactivate',
          entityType: 'user',
          entityId: userId,
          details: { groups: groups.map((g) => g.id), replacements },
        },
        m,
      );
    });
    return this.users.getUser(userId);
  }

  /** Each replacement names one of the user's groups, once, and a staff member other than the user. */
  private async checkReplacements(
    replacements: StaffReplacementDto[],
    groups: StaffedGroup[],
    mine: string[],
  ): Promise<void> {
    const staff = new Set((await this.staffing.findStaffMembers()).map((s) => s.id));
    const seen = new Set<string>();
    replacements.forEach((r, i) => {
      if (!groups.some((g) => g.id === r.groupId) || seen.has(r.groupId))
        throw Problem.field(
          `replacements.${i}.groupId`,
          'groupId is not a group of the user, or named twice',
          {
            code: 'unknown_reference',
            params: { entity: 'group' },
          },
        );
      seen.add(r.groupId);
      if (!staff.has(r.staffMemberId) || mine.includes(r.staffMemberId))
        throw Problem.field(
          `replacements.${i}.staffMemberId`,
          'staffMemberId names no staff member other than the user',
          { code: 'unknown_reference', params: { entity: 'staff_member' } },
        );
    });
  }
}
