import { Injectable, signal } from '@angular/core';
import { toDataURL } from 'qrcode';
import type { IssuedCode } from './surveys-api';

/** One participant's slip: the code as link, QR image and short code, and the name for the tear-off strip. */
export interface Slip {
  enrolmentId: string;
  displayName: string;
  shortCode: string;
  link: string;
  qr: string;
}

export interface SlipBatch {
  groupId: string;
  roundId: string;
  closesAt: string;
  slips: Slip[];
}

/**
 * The codes just given out, kept in memory only until the slips are printed: the api shows a code once and never
 * again, and the print page (outside the app's frame, so no header or menu prints) reads them from here. A reload
 * loses them, on purpose; a lost code is then replaced from the round.
 */
@Injectable({ providedIn: 'root' })
export class SlipStore {
  readonly batch = signal<SlipBatch | null>(null);

  async keep(batch: Omit<SlipBatch, 'slips'>, codes: readonly IssuedCode[]): Promise<void> {
    const base = `${location.origin}/s/`;
    const slips = await Promise.all(
      codes.map(async (c) => {
        const link = `${base}?t=${c.token}`;
        return {
          enrolmentId: c.enrolmentId,
          displayName: c.displayName,
          shortCode: c.shortCode,
          link,
          qr: await toDataURL(link, { margin: 1, width: 220, errorCorrectionLevel: 'M' }),
        };
      }),
    );
    this.batch.set({ ...batch, slips });
  }

  /** The survey site's address as printed: without the code, which the QR image and the short code carry. */
  siteAddress(): string {
    return `${location.host}/s/`;
  }
}
