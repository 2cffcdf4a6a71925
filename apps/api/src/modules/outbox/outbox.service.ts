import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { nodemailer } from '../../common/lazy';
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
  const transport = nodemailer().createTransport(url);
  return {
    send: async (mail) => {
      await transport.sendMail({
        from: 'Stegvis <no-reply@stegvis.local>',
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        attachments: mail.attachment
          ? [{ filename: mail.attachment.name, content: mail.attachment.content }]
          : [],
      });
    },
  };
}

const MAX_ATTEMPTS = 5;
const BATCH = 50;

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
      mails.map((x) => ({
        recipient: x.to,
        subject: x.subject,
        body: x.body,
        attachmentName: x.attachment?.name ?? null,
        attachment: x.attachment?.content ?? null,
      })),
    );
  }

  /**
   * Sends what waits, at most BATCH mails; a failure is retried at a later flush, at most MAX_ATTEMPTS times.
   * Returns how many were sent. Each mail is claimed with a row lock (SKIP LOCKED) for as long as it is being
   * sent, so replicas flushing at the same time never send the same mail twice.
   */
  async flush(sender: MailSender | null = this.sender): Promise<number> {
    if (!sender) return 0;
    const tried: string[] = [];
    let sent = 0;
    while (tried.length < BATCH) {
      const outcome = await this.outbox.manager.transaction(async (m) => {
        const query = m
          .createQueryBuilder(OutboxEmail, 'mail')
          .where({ sentAt: IsNull(), attempts: LessThan(MAX_ATTEMPTS) })
          .orderBy('mail.createdAt', 'ASC')
          .limit(1)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked');
        // Tried once in this flush is enough: a failing mail waits for the next one.
        if (tried.length) query.andWhere('mail.id NOT IN (:...tried)', { tried });
        const mail = await query.getOne();
        if (!mail) return 'none';
        tried.push(mail.id);
        try {
          await sender.send({
            to: mail.recipient,
            subject: mail.subject,
            body: mail.body,
            attachment: mail.attachment
              ? { name: mail.attachmentName ?? 'bilaga', content: mail.attachment }
              : undefined,
          });
          await m.update(OutboxEmail, { id: mail.id }, { sentAt: new Date(), attempts: mail.attempts + 1 });
          return 'sent';
        } catch (err) {
          await m.update(
            OutboxEmail,
            { id: mail.id },
            {
              attempts: mail.attempts + 1,
              lastError: err instanceof Error ? err.message.slice(0, 500) : 'failed',
            },
          );
          return 'failed';
        }
      });
      if (outcome === 'none') break;
      if (outcome === 'sent') sent++;
    }
    return sent;
  }
}
