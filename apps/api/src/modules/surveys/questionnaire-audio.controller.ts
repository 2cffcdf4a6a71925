import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Put,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, type UserContext } from '../../common/context/request-context';
import { FileUpload, type UploadedFileData } from '../../common/http/single-file-upload';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Allow, Public } from '../auth/auth.decorators';
import { AUDIO_MAX_BYTES } from './audio-content';
import { QuestionnaireAudioTextDto } from './dto/questionnaire-audio.dto';
import { QuestionnaireAudioService, type RecordingsByLanguage } from './questionnaire-audio.service';
import { VersionPipe } from './version.pipe';

@ApiTags('surveys')
@ApiCookieAuth()
@Controller('questionnaires/:id/versions/:version/audio/:language')
export class QuestionnaireAudioController {
  constructor(private readonly audio: QuestionnaireAudioService) {}

  @Get()
  @Allow('survey.manage')
  @ApiOperation({
    summary:
      'Each text of a questionnaire version to read aloud in a language, with its recording if there is one',
  })
  @ApiOkResponse({ type: [QuestionnaireAudioTextDto] })
  @ApiProblems(400, 401, 403, 404)
  list(
    @Param('id') id: string,
    @Param('version', new VersionPipe()) version: number,
    @Param('language') language: string,
  ) {
    return this.audio.list(id, version, language);
  }

  @Put(':key')
  @Allow('survey.manage')
  @FileUpload(() => AUDIO_MAX_BYTES)
  @ApiOperation({
    summary:
      'Upload a recording of one text (MP3, M4A, Ogg, WebM or WAV, recognised from the content); replaces the one before',
  })
  @ApiOkResponse({ type: QuestionnaireAudioTextDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  upload(
    @Ctx() ctx: UserContext,
    @Param('id') id: string,
    @Param('version', new VersionPipe()) version: number,
    @Param('language') language: string,
    @Param('key') key: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ) {
    return this.audio.upload(ctx, id, version, language, key, file);
  }

  @Delete(':key')
  @Allow('survey.manage')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove the recording of one text: the survey site goes back to the phone’s voice',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  remove(
    @Ctx() ctx: UserContext,
    @Param('id') id: string,
    @Param('version', new VersionPipe()) version: number,
    @Param('language') language: string,
    @Param('key') key: string,
  ): Promise<void> {
    return this.audio.remove(ctx, id, version, language, key);
  }
}

/**
 * A recording for the survey site, which participants reach without an account. It names no one, and a new
 * upload gets a new id, so browsers and proxies may keep it for a year.
 */
@ApiTags('public surveys')
@Controller('public/surveys/audio')
@Public()
export class PublicQuestionnaireAudioController {
  constructor(private readonly audio: QuestionnaireAudioService) {}

  /** Asked when the code screen or a refused code shows: a new recording has a new id, so a minute's cache is safe. */
  @Get()
  @ApiOperation({
    summary:
      "The recordings of the survey site's own screens before a round is known: language → text key → id",
  })
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: { type: 'string', format: 'uuid' } },
      example: { ti: { 'message:code': '6f1c0a52-3b8e-4d7a-9f57-0c2b8d1e4a10' } },
    },
  })
  site(): Promise<RecordingsByLanguage> {
    return this.audio.siteRecordings();
  }

  @Get(':id')
  @ApiOperation({ summary: 'A recording of a questionnaire text (streamed)' })
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @ApiProduces('audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm', 'audio/wav')
  @ApiProblems(400, 404)
  async stream(@Param('id', new UuidPipe('id')) id: string): Promise<StreamableFile> {
    const { recording, stream } = await this.audio.stream(id);
    return new StreamableFile(stream, {
      type: recording.contentType,
      length: recording.size,
      disposition: 'inline',
    });
  }
}
