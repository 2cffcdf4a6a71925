import { ApiProperty } from '@nestjs/swagger';
import { ActionPlanStepResponseDto } from './action-plan.dto';
import {
  AssessmentResponseDto,
  AuditTrailEntryDto,
  ConsentResponseDto,
  EnrolmentDto,
  NeedResponseDto,
  OutcomeResponseDto,
  ParticipantDto,
  TalkResponseDto,
} from './participant.dto';

/**
 * The data-subject extract (GDPR art. 15): what this module keeps about one person, and who read or changed it.
 * Health data (needs, talk notes) is included only for a caller who sees her health data; `healthIncluded` says
 * whether it was, so an extract made without it is never mistaken for a complete one.
 */
export class ParticipantExtractDto {
  @ApiProperty({ description: 'When the extract was made (UTC)' }) madeAt: string;
  @ApiProperty({ type: ParticipantDto }) participant: ParticipantDto;
  @ApiProperty({ type: [ConsentResponseDto] }) consents: ConsentResponseDto[];
  @ApiProperty({ type: [EnrolmentDto] }) enrolments: EnrolmentDto[];
  @ApiProperty({ type: [AssessmentResponseDto] }) assessments: AssessmentResponseDto[];
  @ApiProperty({ type: [OutcomeResponseDto] }) outcomes: OutcomeResponseDto[];
  @ApiProperty({ type: [ActionPlanStepResponseDto] }) actionPlanSteps: ActionPlanStepResponseDto[];
  @ApiProperty({
    description:
      'Whether needs, talk notes and health outcomes are in it (only for those who see her health data)',
  })
  healthIncluded: boolean;
  @ApiProperty({ type: [NeedResponseDto] }) needs: NeedResponseDto[];
  @ApiProperty({ type: [TalkResponseDto] }) talks: TalkResponseDto[];
  @ApiProperty({ type: [AuditTrailEntryDto], description: 'Every audited read and change of her data' })
  auditTrail: AuditTrailEntryDto[];
}
