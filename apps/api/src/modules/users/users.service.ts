import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@stegvis/contracts';
import { DataSource, type EntityManager, In, IsNull, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { RequestContext, UserContext } from '../../common/context/request-context';
import { Problem } from '../../common/problem/problem';
import { SqlService } from '../../common/sql/sql.service';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OrganisationsService } from '../organisations/organisations.service';
import { RecoveryCode } from './entities/recovery-code.entity';
import { UserProgramme } from './entities/user-programme.entity';
import { User } from './entities/user.entity';
import { assertStrongPassword, hashPassword } from './password.util';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  active: boolean;
  passwordHash: string;
  programmeIds: string[];
  /** The programmes whose allocation carries the lead mark (processledare); a subset of programmeIds. */
  leadProgrammeIds: string[];
  totpSecret: string | null;
  totpEnabled: boolean;
  /** Signed in with a password the admin was shown: the user's sessions may only change it. */
  mustChangePassword: boolean;
}

/** A user as the admin's list shows them: no secrets, and whether their role must use two-factor login. */
export type UserListItem = Omit<UserRecord, 'passwordHash' | 'totpSecret'> & { totpRequired: boolean };

/** What the admin changes about a user; absent fields stay as they are. */
export interface UserChange {
  displayName?: string;
  role?: Role;
  organisationId?: string | null;
}

/** How many one-time recovery codes a user gets when two-factor login is switched on. */
export const RECOVERY_CODE_COUNT = 10;

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  organisationId?: string | null;
  programmeIds?: string[];
  /** Of programmeIds, those the user leads. */
  leadProgrammeIds?: string[];
  /** The password is one someone else was shown: the user must change it at the first sign-in. */
  mustChangePassword?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserProgramme) private readonly allocations: Repository<UserProgramme>,
    @InjectRepository(RecoveryCode) private readonly recoveryCodes: Repository<RecoveryCode>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sql: SqlService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async findByEmail(email: string): Promise<UserRecord | null> {
    const user = await this.users.findOne({
      where: { email: email.trim().toLowerCase() },
      relations: { programmes: true },
    });
    return user ? this.toRecord(user) : null;
  }

  /**
   * One user with their programmes, in one query: this runs for every signed-in request (AuthService.authenticate),
   * where TypeORM's find with a to-many relation cost two queries and most of a millisecond of building them.
   */
  async findById(id: string): Promise<UserRecord | null> {
    const [u] = await this.sql.rows<UserRecord>(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.organisation_id AS "organisationId", u.active,
              u.password_hash AS "passwordHash", u.totp_secret AS "totpSecret", u.totp_enabled AS "totpEnabled",
              u.must_change_password AS "mustChangePassword",
              ARRAY(SELECT up.programme_id::text FROM user_programme up WHERE up.user_id = u.id ORDER BY 1) AS "programmeIds",
              ARRAY(SELECT up.programme_id::text FROM user_programme up WHERE up.user_id = u.id AND up.lead ORDER BY 1) AS "leadProgrammeIds"
         FROM app_user u WHERE u.id = $1`,
      [id],
    );
    return u ?? null;
  }

  async findUsers(): Promise<UserListItem[]> {
    const rows = await this.users.find({ relations: { programmes: true }, order: { displayName: 'ASC' } });
    return rows.map((u) => this.toListItem(this.toRecord(u)));
  }

  /** One user as the admin's list shows them; 404 when there is none. */
  async getUser(id: string): Promise<UserListItem> {
    const u = await this.findById(id);
    if (!u) throw Problem.notFound('user');
    return this.toListItem(u);
  }

  /** Whether the role must sign in with two factors (TOTP_REQUIRED_ROLES). */
  totpRequired(role: Role): boolean {
    return this.config.totpRequiredRoles.includes(role);
  }

  private toListItem(u: UserRecord): UserListItem {
    const { passwordHash: _hidden, totpSecret: _secret, ...rest } = u;
    return { ...rest, totpRequired: this.totpRequired(u.role) };
  }

  /**
   * A user the admin adds: the e-mail must be free (409) and a given password strong (400); without one, the api
   * makes a one-time password, shown once, which the user must change at the first sign-in.
   */
  async addUser(
    ctx: UserContext,
    input: Omit<CreateUserInput, 'password'> & { password?: string },
  ): Promise<{ user: UserListItem; oneTimePassword?: string }> {
    if (input.password !== undefined)
      assertStrongPassword('password', input.password, { email: input.email, name: input.displayName });
    if (await this.findByEmail(input.email))
      throw Problem.conflict('A user with this e-mail already exists', { code: 'duplicate_email' });
    await this.assertOrganisation(input.organisationId);
    const oneTimePassword = input.password === undefined ? newOneTimePassword() : undefined;
    let created: UserRecord;
    try {
      created = await this.createUser(
        { ...input, password: input.password ?? oneTimePassword!, mustChangePassword: !!oneTimePassword },
        ctx,
      );
    } catch (err) {
      const code = err instanceof QueryFailedError && (err.driverError as { code?: string }).code;
      // Two admins adding the same e-mail at once: the unique index decides.
      if (code === '23505')
        throw Problem.conflict('A user with this e-mail already exists', { code: 'duplicate_email' });
      // A programme that does not exist: the foreign key says so (the programmes module owns that table).
      if (code === '23503')
        throw Problem.field('programmeIds', 'programmeIds names a programme that does not exist', {
          code: 'unknown_reference',
          params: { entity: 'programme' },
        });
      throw err;
    }
    return { user: this.toListItem(created), ...(oneTimePassword ? { oneTimePassword } : {}) };
  }

  /**
   * Changes the name, role or organisation, audited with what changed. The admin cannot change their own role: the
   * last admin would otherwise be able to lock everyone out of the users page.
   */
  async updateUser(ctx: UserContext, id: string, change: UserChange): Promise<UserListItem> {
    const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as UserChange;
    const current = await this.getUser(id);
    if (given.role !== undefined && given.role !== current.role && id === ctx.user.id)
      throw new Problem(
        422,
        'You cannot change your own role',
        [{ field: 'role', message: 'role of your own account', code: 'own_account' }],
        undefined,
        { code: 'own_account' },
      );
    if (given.organisationId !== undefined) await this.assertOrganisation(given.organisationId);
    await this.dataSource.transaction(async (m) => {
      if (Object.keys(given).length) await m.update(User, { id }, given);
      await this.audit.record(
        ctx,
        {
          action: 'user.manage',
          entityType: 'user',
          entityId: id,
          details: {
            changed: Object.keys(given),
            ...(given.role && given.role !== current.role
              ? { role: { from: current.role, to: given.role } }
              : {}),
          },
        },
        m,
      );
    });
    return this.getUser(id);
  }

  /** Removes the user's allocation to the programme (and its lead mark); 404 when there is none. */
  async removeAllocation(ctx: UserContext, userId: string, programmeId: string): Promise<UserListItem> {
    await this.dataSource.transaction(async (m) => {
      const res = await m.delete(UserProgramme, { userId, programmeId });
      if (!res.affected) throw Problem.notFound('allocation');
      await this.audit.record(
        ctx,
        {
          action: 'user.manage',
          entityType: 'user',
          entityId: userId,
          details: { programmeId, removed: true },
        },
        m,
      );
    });
    return this.getUser(userId);
  }

  /**
   * A new one-time password for the user, in the caller's transaction (which ends their sessions and audits it):
   * the admin shows it once, and the user must change it at the next sign-in.
   */
  async resetPassword(userId: string, manager: EntityManager): Promise<string> {
    const password = newOneTimePassword();
    const res = await manager.update(
      User,
      { id: userId },
      { passwordHash: await hashPassword(password), mustChangePassword: true },
    );
    if (!res.affected) throw Problem.notFound('user');
    return password;
  }

  /** Switches the user's sign-in off (or on again), in the caller's transaction. */
  async setActive(userId: string, active: boolean, manager: EntityManager): Promise<void> {
    await manager.update(User, { id: userId }, { active });
  }

  /** 400 naming organisationId when it names no organisation (the organisations module owns that table). */
  private async assertOrganisation(organisationId: string | null | undefined): Promise<void> {
    if (organisationId && (await this.organisations.unknownOrganisations([organisationId])).length)
      throw Problem.field('organisationId', 'organisationId names no organisation', {
        code: 'unknown_reference',
        params: { entity: 'organisation' },
      });
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  /**
   * With the requester's context (the api), the new user is audited in the same transaction; the seed, the CLI and
   * the initial admin have no requester.
   */
  async createUser(input: CreateUserInput, ctx?: RequestContext): Promise<UserRecord> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (m) => {
      const user = await m.save(
        m.create(User, {
          email: input.email.trim().toLowerCase(),
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          organisationId: input.organisationId ?? null,
          mustChangePassword: input.mustChangePassword ?? false,
        }),
      );
      // A programme the user leads is one they are allocated to.
      const programmeIds = [...new Set([...(input.programmeIds ?? []), ...(input.leadProgrammeIds ?? [])])];
      if (programmeIds.length) {
        await m.insert(
          UserProgramme,
          programmeIds.map((programmeId) => ({
            userId: user.id,
            programmeId,
            lead: input.leadProgrammeIds?.includes(programmeId) ?? false,
          })),
        );
      }
      if (ctx)
        await this.audit.record(
          ctx,
          { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role } },
          m,
        );
      return {
        ...this.toRecord(user),
        programmeIds: programmeIds.sort(),
        leadProgrammeIds: programmeIds.filter((id) => input.leadProgrammeIds?.includes(id)).sort(),
      };
    });
  }

  /** Allocates users to a programme (idempotent). */
  async allocate(userIds: string[], programmeId: string, manager = this.dataSource.manager): Promise<void> {
    if (userIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserProgramme)
      .values(userIds.map((userId) => ({ userId, programmeId })))
      .orIgnore()
      .execute();
  }

  /**
   * Allocates the user to the programme (if not yet) and sets its lead mark; false when there is no such user or
   * programme. `audit` runs in the same transaction, so the change and its audit entry commit together.
   */
  async setAllocation(
    userId: string,
    programmeId: string,
    lead: boolean,
    audit: (m: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (m) => {
        if (!(await m.existsBy(User, { id: userId }))) return false;
        await m
          .createQueryBuilder()
          .insert()
          .into(UserProgramme)
          .values({ userId, programmeId, lead })
          .orUpdate(['lead'], ['user_id', 'programme_id'])
          .execute();
        await audit(m);
        return true;
      });
    } catch (err) {
      // No such programme: the foreign key says so (the programmes module owns that table).
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23503')
        return false;
      throw err;
    }
  }

  async usersByIds(ids: string[]): Promise<Pick<UserRecord, 'id' | 'displayName' | 'role'>[]> {
    if (ids.length === 0) return [];
    const rows = await this.users.find({ where: { id: In(ids) } });
    return rows.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
  }

  /** The user's own new password: a one-time password the admin was shown is spent with it. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.update(
      { id: userId },
      { passwordHash: await hashPassword(password), mustChangePassword: false },
    );
  }

  /**
   * New recovery codes for the user, replacing any earlier ones, in the caller's transaction: returned once, kept
   * as hashes.
   */
  async replaceRecoveryCodes(userId: string, manager: EntityManager): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await manager.delete(RecoveryCode, { userId });
    await manager.insert(
      RecoveryCode,
      codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
    );
    return codes;
  }

  /** Spends one of the user's recovery codes; false when it is not theirs or already used. One statement, once. */
  async claimRecoveryCode(userId: string, code: string): Promise<boolean> {
    const res = await this.recoveryCodes.update(
      { userId, codeHash: hashRecoveryCode(code), usedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
    return res.affected === 1;
  }

  /** How many of the user's recovery codes are still unused. */
  async recoveryCodesLeft(userId: string): Promise<number> {
    return this.recoveryCodes.countBy({ userId, usedAt: IsNull() });
  }

  private toRecord(u: User): UserRecord {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      organisationId: u.organisationId,
      active: u.active,
      passwordHash: u.passwordHash,
      totpSecret: u.totpSecret,
      totpEnabled: u.totpEnabled,
      mustChangePassword: u.mustChangePassword,
      programmeIds: (u.programmes ?? []).map((p) => p.programmeId).sort(),
      leadProgrammeIds: (u.programmes ?? [])
        .filter((p) => p.lead)
        .map((p) => p.programmeId)
        .sort(),
    };
  }

  /** With the caller's transaction, so that the change and its audit entry commit together. */
  async setTotp(
    userId: string,
    secret: string | null,
    enabled: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(
      User,
      { id: userId },
      { totpSecret: secret, totpEnabled: enabled, totpLastStep: null },
    );
    // Codes for a second factor that is off would be a way round it when it is switched on again.
    if (!enabled) await manager.delete(RecoveryCode, { userId });
  }

  /**
   * Takes a TOTP step for the user if it is later than the last one taken; false when that code (or a later one)
   * was already used. One statement, so two logins racing with the same code cannot both win.
   */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = await this.sql.rows(
      'UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [userId, step],
    );
    return rows.length === 1;
  }
}

// 20 characters from 15 random bytes: typed once, from the admin's dialog, then replaced.
function newOneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

// Crockford's base32 without the look-alikes: 16 characters (80 bits) in groups of four, typed from paper.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Spaces, dashes and case do not matter when the code is typed. */
function hashRecoveryCode(code: string): string {
  const plain = code.toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(plain).digest('hex');
}
