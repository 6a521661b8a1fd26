import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';

import { ApprovalWorkflowService } from './approval-workflow.service';
import { ChainNotice, type ChainNoticeSignal } from './chain-notice.entity';

/** How many unsent notices one sweep sends at most. */
const SWEEP_BATCH = 100;

/**
 * Tells applications' chains of what changes their figures, through an outbox: a notice is written in the same
 * transaction as the change it tells of (`queue`), sent once that is committed (`send`), and whatever could not be
 * sent then is sent by the sweep — at start and every CHAIN_NOTICE_RETRY_MS (30 s; 0: only at start). So the chain
 * always hears of a recorded change, and never before the change can be read.
 */
@Injectable()
export class ChainNoticesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChainNoticesService.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly em: EntityManager,
    private readonly config: ConfigService,
    private readonly workflows: ApprovalWorkflowService,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    const every = Number(this.config.get('CHAIN_NOTICE_RETRY_MS', 30_000));
    if (every > 0) {
      this.timer = setInterval(() => void this.sweep(), every);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** The notice, in the transaction of what it tells of: one per change (`changeId` is unique). */
  queue(
    tx: EntityManager,
    notice: { changeId: string; workflowId: string; signal: ChainNoticeSignal; summary: string; occurredOn: string },
  ): void {
    tx.create(ChainNotice, notice);
  }

  /**
   * Sends the notice of `changeId` unless it was sent (none queued: nothing to send), or is being sent by a sweep
   * right now. A chain that has ended needs no telling. Temporal unreachable: thrown, and the notice stays for the
   * sweep.
   */
  async send(changeId: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const [notice] = await this.claim(em, { changeId });
      if (notice) {
        await this.deliver(em, notice);
      }
    });
  }

  /** Sends what is unsent, oldest first; answers how many went. One sweep at a time in this process. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sendUnsent().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sendUnsent(): Promise<number> {
    let sent = 0;
    try {
      await this.em.fork().transactional(async (em) => {
        for (const notice of await this.claim(em, {})) {
          await this.deliver(em, notice);
          sent += 1;
        }
      });
    } catch (error) {
      this.logger.warn({ err: error, sent }, 'chain notices not all sent; the next sweep tries again');
    }
    if (sent > 0) {
      this.logger.log({ sent }, 'chain notices sent by the sweep');
    }
    return sent;
  }

  /**
   * Unsent notices locked for this transaction, oldest first; those another sender holds are skipped, so two senders
   * (a request and a sweep, or two replicas) never send the same notice at once.
   */
  private claim(em: EntityManager, where: { changeId?: string }): Promise<ChainNotice[]> {
    return em.find(
      ChainNotice,
      { ...where, sentAt: null },
      { orderBy: { createdAt: 'asc' }, limit: SWEEP_BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  private async deliver(em: EntityManager, notice: ChainNotice): Promise<void> {
    await this.workflows.signalChange(notice.workflowId, notice.signal, {
      changeId: notice.changeId,
      summary: notice.summary,
      occurredOn: notice.occurredOn,
    });
    notice.sentAt = new Date();
    await em.flush();
  }
}
