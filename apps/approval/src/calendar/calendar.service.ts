import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type CalendarReply, type LoadCalendarRequest, PERMISSIONS } from '@app/contracts';
import { ErrorCode } from '@app/contracts';
import { calendarLoadedSignal } from '@app/contracts/temporal';
import { CalendarMissingError, WorkingCalendar } from '@app/domain';
import { assertPermission, DomainError, requireCaller, TemporalClientService } from '@app/platform';

import { CalendarYearRow, Holiday } from './holiday.entity';

/** The holiday calendar as data: loaded per year by an administrator, read for every due date. */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private cached?: { calendar: WorkingCalendar; until: number };

  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalClientService,
  ) {}

  async load(request: LoadCalendarRequest): Promise<CalendarReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.calendarManage);
    const outside = request.days.filter((day) => !day.date.startsWith(`${request.year}-`));
    if (outside.length > 0) {
      const message = `日期${outside[0].date}不属于${request.year}年`;
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'day outside the year', message, [
        { field: 'days', messages: [message] },
      ]);
    }
    await loadCalendarYear(this.em.fork(), request, caller.username);
    this.cached = undefined;
    // In the background: an administrator's request does not wait on every chain of the year.
    void this.tellChains(request.year).catch((error: unknown) =>
      this.logger.error({ err: error, year: request.year }, 'chains not told of the loaded calendar'),
    );
    return this.list();
  }

  /**
   * Tells the chains that may have waited for this year that it is loaded (calendarLoadedSignal): those with a
   * task whose due date or overall due date is unknown, open or decided in the last 30 days (a chain in
   * publicity has no open task). Each works out what it lacked and sets it on its task; a chain already finished
   * is passed over.
   */
  async tellChains(year: number): Promise<void> {
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ workflow_id: string }>>(
        `select distinct workflow_id from approval.task
        where (due_date is null or overall_due_date is null)
          and (status = 'OPEN' or decided_at > now() - interval '30 days')`,
      );
    let told = 0;
    for (const { workflow_id: workflowId } of rows) {
      try {
        told += (await this.temporal.signalIfRunning(workflowId, calendarLoadedSignal, { year })) ? 1 : 0;
      } catch (error) {
        this.logger.error({ err: error, workflowId, year }, 'a chain could not be told of the loaded calendar');
      }
    }
    this.logger.log({ year, told, candidates: rows.length }, 'chains told of the loaded calendar');
  }

  async list(): Promise<CalendarReply> {
    const em = this.em.fork();
    const [rows, waiting] = await Promise.all([
      em.find(CalendarYearRow, {}, { orderBy: { year: 'asc' } }),
      em.getConnection().execute<Array<{ year: number; open_tasks: number }>>(
        `select missing.year, count(distinct task.id)::int as open_tasks
           from approval.task
           cross join lateral (values (task.calendar_missing_year), (task.overall_calendar_missing_year)) missing (year)
          where task.status = 'OPEN' and missing.year is not null
          group by 1 order by 1`,
      ),
    ]);
    return {
      years: rows.map((row) => ({ year: row.year, days: row.days, loadedAt: row.loadedAt.toISOString() })),
      waiting: waiting.map((row) => ({ year: row.year, openTasks: row.open_tasks })),
    };
  }

  /**
   * The last of `workingDays` working days after `from` (those of the `excluding` periods not counted); null with
   * the missing year when the calendar of a year it needs is not loaded — an explicit condition, never a guess.
   */
  async dueDate(
    from: string,
    workingDays: number,
    excluding: Array<{ from: string; to: string }> = [],
  ): Promise<{ dueDate: string | null; calendarMissingYear: number | null }> {
    try {
      const dueDate = (await this.calendar()).addWorkingDaysExcluding(from, workingDays, excluding);
      return { dueDate, calendarMissingYear: null };
    } catch (error) {
      if (error instanceof CalendarMissingError) {
        return { dueDate: null, calendarMissingYear: error.year };
      }
      throw error;
    }
  }

  /** The loaded years read again at the next due date (after a change made other than by `load`). */
  refresh(): void {
    this.cached = undefined;
  }

  /** Every loaded year, reused for a minute (a newly loaded year is seen at once in this process). */
  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && this.cached.until > Date.now()) {
      return this.cached.calendar;
    }
    const em = this.em.fork();
    const [years, days] = await Promise.all([em.find(CalendarYearRow, {}), em.find(Holiday, {})]);
    const calendar = new WorkingCalendar(
      years.map((y) => ({
        year: y.year,
        days: days.filter((d) => d.year === y.year).map((d) => ({ date: d.date, isOffDay: d.isOffDay })),
      })),
    );
    this.cached = { calendar, until: Date.now() + 60_000 };
    return calendar;
  }
}

/** Replaces a year's arrangement in one transaction. */
export async function loadCalendarYear(
  em: EntityManager,
  year: { year: number; days: Array<{ date: string; isOffDay: boolean; name?: string }>; papers?: string[] },
  loadedBy: string,
): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.nativeDelete(Holiday, { year: year.year });
    await tx.nativeDelete(CalendarYearRow, { year: year.year });
    for (const day of year.days) {
      tx.create(Holiday, { date: day.date, year: year.year, isOffDay: day.isOffDay, name: day.name });
    }
    tx.create(CalendarYearRow, { year: year.year, days: year.days.length, papers: year.papers, loadedBy });
  });
}
