import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { type CertificateSigner, STAFF_ROLES, type StaffRole } from '@stegvis/contracts';
import { IsOptional, IsUUID } from 'class-validator';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { CertificatesService } from './certificates.service';

export class CertificateQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Who signs: one of GET /api/enrolments/{id}/certificate/signers',
  })
  @IsOptional()
  @IsUUID()
  signerId?: string;
}

export class CertificateSignerDto implements CertificateSigner {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES }) staffRole: StaffRole;
}

const pdf = (buf: Buffer, name: string) =>
  new StreamableFile(buf, { type: 'application/pdf', disposition: `attachment; filename="${name}"` });

@ApiTags('participants')
@ApiCookieAuth()
@Controller('enrolments/:id')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('certificate/signers')
  @Allow('participant.read')
  @ApiOperation({
    summary: "Who may sign the certificate: the group's staff and the programme's allocated staff",
  })
  @ApiOkResponse({ type: [CertificateSignerDto] })
  @ApiProblems(400, 401, 403, 404)
  signers(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<CertificateSigner[]> {
    return this.certificates.signers(ctx, id);
  }

  @Get('certificate.pdf')
  @Allow('participant.read')
  @ApiOperation({
    summary:
      "Certificate (diplom) as PDF: the group's modules from its method template, the date of issue and the signer; never health data",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async certificate(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
    @Query() q: CertificateQuery,
  ): Promise<StreamableFile> {
    return pdf(await this.certificates.certificate(ctx, id, q.signerId), 'diplom.pdf');
  }

  @Get('action-plan.pdf')
  @Allow('participant.read')
  @ApiOperation({
    summary:
      'Action plan (handlingsplan) as PDF: attendance, internships, progression, the plan ahead with its steps',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async actionPlan(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<StreamableFile> {
    return pdf(await this.certificates.actionPlan(ctx, id), 'handlingsplan.pdf');
  }
}
