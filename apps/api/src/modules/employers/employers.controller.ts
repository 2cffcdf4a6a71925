import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  EmployerInternshipResponse,
  EmployerResponse,
  GroupInternshipSummary,
  InternshipResponse,
  PlacesOfferedResponse,
} from '@stegvis/contracts';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow } from '../auth/auth.decorators';
import {
  ContactLogDto,
  ContactLogResponseDto,
  EmployerDto,
  EmployerInternshipResponseDto,
  EmployerQuery,
  EmployerResponseDto,
  GroupInternshipSummaryDto,
  InternshipDto,
  InternshipResponseDto,
  PlacesOfferedDto,
  PlacesOfferedResponseDto,
  UpdateEmployerDto,
  UpdateInternshipDto,
} from './dto/employer.dto';
import { EmployersService } from './employers.service';

const id = new UuidPipe('id');

@ApiTags('employers')
@ApiCookieAuth()
@Controller()
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get('employers')
  @Allow('employer.read')
  @ApiOperation({ summary: 'Search the shared employer register' })
  @ApiOkResponse({ type: [EmployerResponseDto] })
  @ApiProblems(400, 401, 403)
  list(@Query() q: EmployerQuery): Promise<EmployerResponse[]> {
    return this.employers.findEmployers(q);
  }

  @Post('employers')
  @Allow('employer.manage')
  @ApiOperation({ summary: 'Add an employer (organisation number checked by its check digit)' })
  @ApiCreatedResponse({ type: EmployerResponseDto })
  @ApiProblems(400, 401, 403, 409)
  create(@Ctx() ctx: UserContext, @Body() body: EmployerDto): Promise<EmployerResponse> {
    return this.employers.createEmployer(ctx, body);
  }

  @Get('employers/:id')
  @Allow('employer.read')
  @ApiOperation({ summary: 'One employer' })
  @ApiOkResponse({ type: EmployerResponseDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', id) employerId: string): Promise<EmployerResponse> {
    return this.employers.getEmployer(employerId);
  }

  @Put('employers/:id')
  @Allow('employer.manage')
  @ApiOperation({ summary: 'Change an employer; send the version you read' })
  @ApiOkResponse({ type: EmployerResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @Ctx() ctx: UserContext,
    @Param('id', id) employerId: string,
    @Body() body: UpdateEmployerDto,
  ): Promise<EmployerResponse> {
    return this.employers.updateEmployer(ctx, employerId, body);
  }

  @Get('employers/:id/contacts')
  @Allow('employer.read')
  @ApiOperation({ summary: 'Contact history with the employer' })
  @ApiOkResponse({ type: [ContactLogResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  contacts(@Param('id', id) employerId: string) {
    return this.employers.findContacts(employerId);
  }

  @Post('employers/:id/contacts')
  @Allow('employer.manage')
  @ApiOperation({ summary: 'Log a contact: asked, yes, no (with reason) or later' })
  @ApiCreatedResponse({ type: ContactLogResponseDto })
  @ApiProblems(400, 401, 403, 404)
  logContact(@Ctx() ctx: UserContext, @Param('id', id) employerId: string, @Body() body: ContactLogDto) {
    return this.employers.logContact(ctx, employerId, body);
  }

  @Post('employers/:id/places')
  @Allow('employer.manage')
  @ApiOperation({ summary: 'Internship places the employer offers a programme for a period' })
  @ApiCreatedResponse({ type: PlacesOfferedResponseDto })
  @ApiProblems(400, 401, 403, 404)
  offer(
    @Ctx() ctx: UserContext,
    @Param('id', id) employerId: string,
    @Body() body: PlacesOfferedDto,
  ): Promise<PlacesOfferedResponse> {
    return this.employers.offerPlaces(ctx, employerId, body);
  }

  @Get('employers/:id/places')
  @Allow('employer.read')
  @ApiOperation({ summary: "Places the employer offers, for the user's programmes, latest period first" })
  @ApiOkResponse({ type: [PlacesOfferedResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  places(@Ctx() ctx: UserContext, @Param('id', id) employerId: string): Promise<PlacesOfferedResponse[]> {
    return this.employers.findPlaces(ctx, employerId);
  }

  @Get('employers/:id/internships')
  @Allow('internship.read')
  @ApiOperation({
    summary:
      "Internships the employer hosted in the user's programmes; a protected participant named only for those who see her",
  })
  @ApiOkResponse({ type: [EmployerInternshipResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  internships(
    @Ctx() ctx: UserContext,
    @Param('id', id) employerId: string,
  ): Promise<EmployerInternshipResponse[]> {
    return this.employers.findEmployerInternships(ctx, employerId);
  }

  @Post('internships')
  @Allow('internship.write')
  @ApiOperation({ summary: 'Place a participant in an internship' })
  @ApiCreatedResponse({ type: InternshipResponseDto })
  @ApiProblems(400, 401, 403, 404)
  createInternship(@Ctx() ctx: UserContext, @Body() body: InternshipDto): Promise<InternshipResponse> {
    return this.employers.createInternship(ctx, body);
  }

  @Patch('internships/:id')
  @Allow('internship.write')
  @ApiOperation({ summary: 'Extend an internship or record its result' })
  @ApiOkResponse({ type: InternshipResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  updateInternship(
    @Ctx() ctx: UserContext,
    @Param('id', id) internshipId: string,
    @Body() body: UpdateInternshipDto,
  ): Promise<InternshipResponse> {
    return this.employers.updateInternship(ctx, internshipId, body);
  }

  @Get('groups/:id/internships')
  @Allow('internship.read')
  @ApiOperation({ summary: "A group's internships" })
  @ApiOkResponse({ type: [InternshipResponseDto] })
  @ApiProblems(400, 401, 403, 404)
  groupInternships(@Ctx() ctx: UserContext, @Param('id', id) groupId: string): Promise<InternshipResponse[]> {
    return this.employers.findGroupInternships(ctx, groupId);
  }

  @Get('groups/:id/internship-summary')
  @Allow('internship.summary')
  @ApiOperation({
    summary: 'Share with an internship, industries, internships that led to an offer (aggregates)',
  })
  @ApiOkResponse({ type: GroupInternshipSummaryDto })
  @ApiProblems(400, 401, 403, 404)
  summary(@Ctx() ctx: UserContext, @Param('id', id) groupId: string): Promise<GroupInternshipSummary> {
    return this.employers.groupSummary(ctx, groupId);
  }
}
