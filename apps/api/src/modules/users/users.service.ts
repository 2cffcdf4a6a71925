import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@stegvis/contracts';
import { DataSource, type EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { RequestContext } from '../../common/context/request-context';
import { SqlService } from '../../common/sql/sql.service';
import { UserProgramme } from './entities/user-programme.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password.util';

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
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  organisationId?: string | null;
  programmeIds?: string[];
  /** Of programmeIds, those the user leads. */
  leadProgrammeIds?: string[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserProgramme) private readonly allocations: Repository<UserProgramme>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sql: SqlService,
    private readonly audit: AuditService,
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
              ARRAY(SELECT up.programme_id::text FROM user_programme up WHERE up.user_id = u.id ORDER BY 1) AS "programmeIds",
              ARRAY(SELECT up.programme_id::text FROM user_programme up WHERE up.user_id = u.id AND up.lead ORDER BY 1) AS "leadProgrammeIds"
         FROM app_user u WHERE u.id = $1`,
      [id],
    );
    return u ?? null;
  }

  async findUsers(): Promise<Omit<UserRecord, 'passwordHash' | 'totpSecret'>[]> {
    const rows = await this.users.find({ relations: { programmes: true }, order: { displayName: 'ASC' } });
    return rows.map((u) => {
      const { passwordHash: _hidden, totpSecret: _secret, ...rest } = this.toRecord(u);
      return rest;
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

  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash: await hashPassword(password) });
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
