import { AUDIO_FILE_TYPES, type AudioFileType } from '@stegvis/contracts';
import { fileTypeFromBuffer } from 'file-type';

/**
 * What a recording's bytes are, by their content: an MP3 from a phone's recorder, an M4A from an iPhone, Ogg or
 * WebM (Opus) from a browser's recorder, or WAV from a computer. file-type names some of these by their container
 * (WebM as video, Opus in Ogg as audio/opus); each maps to the type the survey site's <audio> is told.
 */
const BY_DETECTED: Record<string, AudioFileType> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/aac': 'audio/mp4',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/webm': 'audio/webm',
  'video/webm': 'audio/webm',
  'audio/wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
};

/** The recording's type, or null when the content is not one of the audio files the survey site plays. */
export async function audioContentType(data: Buffer): Promise<AudioFileType | null> {
  const detected = await fileTypeFromBuffer(data);
  const type = detected ? BY_DETECTED[detected.mime] : undefined;
  return type && (AUDIO_FILE_TYPES as readonly string[]).includes(type) ? type : null;
}

/** A recording of one question is seconds long: 10 MB holds minutes of WAV and an hour of MP3. */
export const AUDIO_MAX_BYTES = 10 * 1024 * 1024;
