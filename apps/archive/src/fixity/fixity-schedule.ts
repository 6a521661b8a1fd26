import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';

import { SYSTEM_CALLER } from '@app/platform';

import { FixitySweep } from './fixity-sweep.entity';
import { FixityService } from './fixity.service';

/** How often the schedule looks whether a sweep is due. */
const POLL_MS = 10 * 60_000;
const CLAIM_LOCK = 7_310_422;

/**
 * The scheduled fixity sweep: every ARCHIVE_FIXITY_SWEEP_HOURS (0: never) one replica checks every file.
 * Due-ness is read from the last scheduled sweep in the database, so restarts and replicas neither skip nor
 * double a sweep: a replica claims it under an advisory lock by writing the sweep row.
 */
@Injectable()
export class FixitySchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FixitySchedule.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly config: ConfigService,
    private readonly em: EntityManager,
    private readonly fixity: FixityService,
  ) {}

  onApplicationBootstrap(): void {
    const hours = Number(this.config.get('ARCHIVE_FIXITY_SWEEP_HOURS', 24));
    if (!(hours > 0)) {
      this.logger.log('scheduled fixity sweep off (ARCHIVE_FIXITY_SWEEP_HOURS=0)');
      return;
    }
    this.timer = setInterval(() => void this.tick(hours), POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Runs a sweep of every file if none was started in the last `hours` hours. */
  async tick(hours: number): Promise<boolean> {
    if (this.running) {
      return false;
    }
    this.running = true;
    try {
      const claimed = await this.em.fork().transactional(async (em) => {
        await em.execute('select pg_advisory_xact_lock(?)', [CLAIM_LOCK]);
        const [recent] = await em.execute<Array<{ n: string }>>(
          `select count(*) as n from archive.fixity_sweep
            where scope = '*' and started_at > now() - ? * interval '1 hour'`,
          [hours],
        );
        return Number(recent.n) === 0
          ? em.create(FixitySweep, { startedAt: new Date(), scope: '*', startedBy: SYSTEM_CALLER.username })
          : undefined;
      });
      if (claimed) {
        await this.fixity.runSweep(SYSTEM_CALLER, undefined, claimed);
      }
      return claimed !== undefined;
    } catch (error) {
      this.logger.error({ err: error }, 'scheduled fixity sweep failed');
      return false;
    } finally {
      this.running = false;
    }
  }
}
