import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createTransport } from 'nodemailer';
import { type EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OutboxEmail } from './entities/email.entity';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  attachment?: { name: string; content: Buffer };
}

/** Where e-mail goes. SMTP in production; none configured means mail waits in the outbox. */
export interface MailSender {
  send(mail: OutgoingEmail): Promise<void>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');

export function smtpSender(url: string): MailSender {
  const transport = createTransport(url);
  return {
    send: async (mail) => {
      await transport.sendMail({
        from: 'Stegvis <no-reply@stegvis.local>',
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        attachments: mail.attachment ? [{ filename: mail.attachment.name, content: mail.attachment.content }] : [],
      });
    },
  };
}

const MAX_ATTEMPTS = 5;

@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(OutboxEmail) private readonly outbox: Repository<OutboxEmail>,
    @Inject(MAIL_SENDER) private readonly sender: MailSender | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sender || this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => void this.flush().catch((err: unknown) => this.logger.error(err)), 30_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues mail inside the caller's transaction. */
  async enqueue(m: EntityManager, mails: OutgoingEmail[]): Promise<void> {
    if (mails.length === 0) return;
    await m.insert(
      OutboxEmail,
      mails.map((x) => ({ recipient: x.to, subject: x.subject, body: x.body, attachmentName: x.attachment?.name ?? null, attachment: x.attachment?.content ?? null })),
    );
  }

  /** Sends what waits; a failure is retried later, at most MAX_ATTEMPTS times. Returns how many were sent. */
  async flush(sender: MailSender | null = this.sender): Promise<number> {
    if (!sender) return 0;
    const waiting = await this.outbox.find({ where: { sentAt: IsNull(), attempts: LessThan(MAX_ATTEMPTS) }, order: { createdAt: 'ASC' }, take: 50 });
    let sent = 0;
    for (const mail of waiting) {
      try {
        await sender.send({ to: mail.recipient, subject: mail.subject, body: mail.body, attachment: mail.attachment ? { name: mail.attachmentName ?? 'bilaga', content: mail.attachment } : undefined });
        await this.outbox.update({ id: mail.id }, { sentAt: new Date(), attempts: mail.attempts + 1 });
        sent++;
      } catch (err) {
        await this.outbox.update({ id: mail.id }, { attempts: mail.attempts + 1, lastError: err instanceof Error ? err.message.slice(0, 500) : 'failed' });
      }
    }
    return sent;
  }
}
