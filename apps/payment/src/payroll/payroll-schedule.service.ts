import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';

import { PAYROLL_SCHEDULE_ID, PAYROLL_WORKFLOW_TYPE, TASK_QUEUES } from '@app/contracts/temporal';
import { TemporalClientService } from '@app/platform';

const RETRY_MS = 60_000;

/**
 * Keeps the Temporal Schedule that starts the payroll every month on the configured day (Beijing time). Made
 * at start-up, updated when the day changes; while Temporal is unreachable it tries again every minute.
 */
@Injectable()
export class PayrollScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PayrollScheduleService.name);
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.get<string>('PAYROLL_SCHEDULE') !== 'off') {
      void this.ensure();
    }
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  async ensure(): Promise<void> {
    const dayOfMonth = Number(this.config.get('PAYROLL_DAY_OF_MONTH') ?? 5);
    const hour = Number(this.config.get('PAYROLL_HOUR') ?? 2);
    const chunks = Number(this.config.get('PAYROLL_CHUNKS') ?? 2);
    const spec = { calendars: [{ dayOfMonth, hour, minute: 0 }], timezone: 'Asia/Shanghai' };
    try {
      try {
        await this.temporal.client.schedule.create({
          scheduleId: PAYROLL_SCHEDULE_ID,
          spec,
          action: {
            type: 'startWorkflow',
            workflowType: PAYROLL_WORKFLOW_TYPE,
            workflowId: 'payroll-scheduled',
            taskQueue: TASK_QUEUES.payroll,
            args: [{ chunks }],
          },
          policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
        });
        this.logger.log({ dayOfMonth, hour }, 'payroll schedule created');
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) {
          throw error;
        }
        const handle = this.temporal.client.schedule.getHandle(PAYROLL_SCHEDULE_ID);
        const described = await handle.describe();
        const current = described.spec.calendars?.[0];
        const args = described.action.type === 'startWorkflow' ? described.action.args : undefined;
        const currentChunks = (args?.[0] as { chunks?: number } | undefined)?.chunks;
        if (
          current?.dayOfMonth?.[0]?.start !== dayOfMonth ||
          current?.hour?.[0]?.start !== hour ||
          currentChunks !== chunks
        ) {
          await handle.update((previous) => ({
            ...previous,
            spec,
            action: { ...previous.action, args: [{ chunks }] },
          }));
          this.logger.log({ dayOfMonth, hour, chunks }, 'payroll schedule updated');
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'payroll schedule not set yet (Temporal unreachable?); retrying in a minute');
      this.retry = setTimeout(() => void this.ensure(), RETRY_MS);
    }
  }
}
