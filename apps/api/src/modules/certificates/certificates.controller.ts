import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import { CertificatesService } from './certificates.service';

const pdf = (buf: Buffer, name: string) =>
  new StreamableFile(buf, { type: 'application/pdf', disposition: `attachment; filename="${name}"` });

@ApiTags('participants')
@ApiCookieAuth()
@Controller('enrolments/:id')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('certificate.pdf')
  @Allow('participant.read')
  @ApiOperation({ summary: 'Certificate (diplom) as PDF; never health data' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 401, 403, 404)
  async certificate(
    @Ctx() ctx: UserContext,
    @Param('id', new UuidPipe('id')) id: string,
  ): Promise<StreamableFile> {
    return pdf(await this.certificates.certificate(ctx, id), 'diplom.pdf');
  }

  @Get('action-plan.pdf')
  @Allow('participant.read')
  @ApiOperation({
    summary: 'Action plan (handlingsplan) as PDF: attendance, internships, progression, the plan ahead',
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
