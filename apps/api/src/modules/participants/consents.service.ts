import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type ConsentPurpose, type ConsentResponse, stockholmToday } from '@stegvis/contracts';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import type { UserContext } from '../../common/context/request-context';
import { PolicyService } from '../../common/policy/policy.service';
import { Problem } from '../../common/problem/problem';
import { OrganisationsService } from '../organisations/organisations.service';
import type { ConsentDto, ShareDto } from './dto/participant.dto';
import { Consent } from './entities/consent.entity';
import { Participant } from './entities/participant.entity';

function toResponse(c: Consent): ConsentResponse {
  return {
    id: c.id,
    participantId: c.participantId,
    purpose: c.purpose,
    organisationId: c.organisationId,
    scope: c.scope,
    givenOn: c.givenOn,
    recordedBy: c.recordedBy,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ConsentsService {
  constructor(
    @InjectRepository(Consent) private readonly consents: Repository<Consent>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
  ) {}

  async addConsent(ctx: UserContext, participantId: string, dto: ConsentDto): Promise<ConsentResponse> {
    await this.policy.assertParticipantAccess(ctx, 'consent.write', participantId);
    // A consent is something she has given: a date not yet come would make it count before she agreed.
    const today = stockholmToday();
    if (dto.givenOn > today)
      throw Problem.field('givenOn', 'givenOn must not be after today', {
        code: 'date_in_future',
        params: { today },
      });
    if (dto.organisationId && (await this.organisations.unknownOrganisations([dto.organisationId])).length) {
      throw Problem.field('organisationId', 'organisationId names no organisation', {
        code: 'unknown_reference',
        params: { entity: 'organisation' },
      });
    }
    const saved = await this.dataSource.transaction(async (m) => {
      const c = await m.save(
        m.create(Consent, {
          participantId,
          purpose: dto.purpose,
          organisationId: dto.purpose === 'share_with_partner' ? (dto.organisationId ?? null) : null,
          scope: dto.scope ?? '',
          givenOn: dto.givenOn,
          recordedBy: ctx.user.id,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'consent.give',
          entityType: 'consent',
          entityId: c.id,
          subjectId: participantId,
          details: { purpose: dto.purpose },
        },
        m,
      );
      return c;
    });
    return toResponse(saved);
  }

  async findConsents(ctx: UserContext, participantId: string): Promise<ConsentResponse[]> {
    await this.policy.assertParticipantAccess(ctx, 'participant.read', participantId);
    return (
      await this.consents.find({ where: { participantId }, order: { givenOn: 'ASC', createdAt: 'ASC' } })
    ).map(toResponse);
  }

  async withdraw(ctx: UserContext, consentId: string): Promise<ConsentResponse> {
    const c = await this.consents.findOneBy({ id: consentId });
    if (!c) throw Problem.notFound('consent');
    await this.policy.assertParticipantAccess(ctx, 'consent.write', c.participantId);
    if (c.withdrawnAt)
      throw Problem.rule('The consent is already withdrawn', { code: 'consent_already_withdrawn' });
    await this.dataSource.transaction(async (m) => {
      await m.update(Consent, { id: consentId }, { withdrawnAt: new Date() });
      await this.audit.record(
        ctx,
        {
          action: 'consent.withdraw',
          entityType: 'consent',
          entityId: consentId,
          subjectId: c.participantId,
        },
        m,
      );
    });
    return toResponse(await this.consents.findOneByOrFail({ id: consentId }));
  }

  /** Whether a consent for `purpose` (and organisation) is in force. The one check every consent-bound action uses. */
  async hasConsent(
    participantId: string,
    purpose: ConsentPurpose,
    organisationId?: string,
  ): Promise<boolean> {
    return this.consents.existsBy({
      participantId,
      purpose,
      withdrawnAt: IsNull(),
      ...(organisationId ? { organisationId } : {}),
    });
  }

  /**
   * Of these participants, those who have withdrawn a "share with partner" consent and not given it again for that
   * organisation: from then on their name reaches no referral, meeting or minutes (ReferralsService masks it).
   */
  async sharingWithdrawn(participantIds: readonly string[]): Promise<Set<string>> {
    if (participantIds.length === 0) return new Set();
    const rows: { participant_id: string }[] = await this.consents
      .createQueryBuilder('w')
      .select('DISTINCT w.participant_id', 'participant_id')
      .where('w.participant_id = ANY (CAST(:ids AS uuid[]))', { ids: participantIds })
      .andWhere("w.purpose = 'share_with_partner' AND w.withdrawn_at IS NOT NULL")
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM consent c WHERE c.participant_id = w.participant_id AND c.purpose = 'share_with_partner'
           AND c.withdrawn_at IS NULL AND c.organisation_id IS NOT DISTINCT FROM w.organisation_id)`,
      )
      .getRawMany();
    return new Set(rows.map((r) => r.participant_id));
  }

  async requireConsent(
    participantId: string,
    purpose: ConsentPurpose,
    organisationId?: string,
  ): Promise<void> {
    if (!(await this.hasConsent(participantId, purpose, organisationId))) {
      throw Problem.rule(
        `No consent in force for ${purpose}${organisationId ? ' with this organisation' : ''}: the participant has not given it, or has withdrawn it`,
        { code: 'consent_missing', params: { purpose } },
      );
    }
  }

  /**
   * Shares the referral facts (name, Swedish level, status) with a partner organisation, as the analysis group
   * does; refused (422) without a consent in force that covers that organisation.
   */
  async share(
    ctx: UserContext,
    participantId: string,
    dto: ShareDto,
  ): Promise<{ organisationId: string; shared: string[] }> {
    // What is shared names her: for a protected identity only those who see her may share it (as for erasure and
    // the extract); to anyone else she does not exist.
    await this.policy.assertIdentityAccess(ctx, 'participant.write', participantId);
    await this.requireConsent(participantId, 'share_with_partner', dto.organisationId);
    const p = await this.dataSource.getRepository(Participant).findOneByOrFail({ id: participantId });
    const shared = ['name', 'swedishLevel', 'enrolments'];
    await this.audit.record(ctx, {
      action: 'participant.share',
      entityType: 'participant',
      entityId: p.id,
      subjectId: p.id,
      details: { organisationId: dto.organisationId, purpose: dto.purpose, shared },
    });
    return { organisationId: dto.organisationId, shared };
  }
}
