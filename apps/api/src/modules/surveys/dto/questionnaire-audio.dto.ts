import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIO_FILE_TYPES,
  type AudioFileType,
  type QuestionnaireAudioTextResponse,
} from '@stegvis/contracts';

export class RecordingUploaderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class RecordingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AUDIO_FILE_TYPES }) contentType: AudioFileType;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ type: RecordingUploaderDto }) uploadedBy: RecordingUploaderDto;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class QuestionnaireAudioTextDto implements QuestionnaireAudioTextResponse {
  @ApiProperty({ example: 'question:overall', description: '`intro` or `question:<name>`' }) key: string;
  @ApiProperty({ description: 'What to read aloud, in the language, one line per piece' }) text: string;
  @ApiProperty({ type: RecordingDto, nullable: true }) recording: RecordingDto | null;
}
