import { AUDIO_FILE_TYPES, type AudioFileType } from '@stegvis/contracts';
import { fileTypeFromBuffer } from 'file-type';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';

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
  // An MP4 is named by its brand, and a browser's recorder (Safari's, Chrome's "audio/mp4") writes the generic
  // "isom"/"iso5"/"mp42" that file-type calls video. What counts is what the file holds: sound and no picture.
  if (detected?.mime === 'video/mp4') return isSoundOnly(data) ? 'audio/mp4' : null;
  const type = detected ? BY_DETECTED[detected.mime] : undefined;
  return type && (AUDIO_FILE_TYPES as readonly string[]).includes(type) ? type : null;
}

/** Whether an MP4's tracks, as mp4box reads its movie header, are sound only (fragmented or not). */
function isSoundOnly(data: Buffer): boolean {
  let movie: Movie | null = null;
  const file = createFile();
  file.onReady = (m) => {
    movie = m;
  };
  try {
    // A copy of only this file's bytes: mp4box marks the ArrayBuffer, and a Buffer may share a larger one.
    const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes, 0));
    file.flush();
  } catch {
    return false;
  }
  const m = movie as Movie | null;
  return m !== null && m.audioTracks.length > 0 && m.tracks.length === m.audioTracks.length;
}

/** A recording of one question is seconds long: 10 MB holds minutes of WAV and an hour of MP3. */
export const AUDIO_MAX_BYTES = 10 * 1024 * 1024;
