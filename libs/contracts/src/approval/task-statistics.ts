import { IsOptional } from 'class-validator';

import type { DecisionStage } from './approval-policy';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsCalendarDate } from '../common/identity.validators';

/**
 * Supervision figures of the approval work in an area (督办统计): what is open and late now, and what was decided
 * in a period (Beijing days, both inclusive; default the 30 days to today), in all and per division one level down.
 */
export class TaskStatisticsRequest {
  /** The area: the caller's own by default, or one part of it; outside it, 403. */
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @IsOptional()
  @IsCalendarDate({ message: 'from 应为YYYY-MM-DD格式的日期' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ message: 'to 应为YYYY-MM-DD格式的日期' })
  to?: string;
}

export interface TaskCounts {
  /** Open now. */
  open: number;
  /** Open past the stage's due date. */
  overdue: number;
  /** Open, the application past its overall limit. */
  overallOverdue: number;
  /** Open and escalated (a supervision record filed). */
  escalated: number;
  /** Decided (or the notice served) in the period. */
  decided: number;
  /** Of those, decided after their due date. */
  decidedLate: number;
}

export interface TaskStatisticsReply {
  divisionCode: string;
  from: string;
  to: string;
  /** The day "overdue" is counted on (today, Beijing). */
  asOf: string;
  total: TaskCounts & {
    /** Open tasks by stage; DELIVERY counts notices to serve. */
    openByStage: Partial<Record<DecisionStage | 'DELIVERY', number>>;
    /** Decisions in the period by outcome (APPROVE, REJECT, RETURN, TERMINATE, DELIVER). */
    decidedByOutcome: Record<string, number>;
    /** Calendar days from a task's opening to its decision, in the period: median and 90th percentile. */
    decisionDays: { p50: number | null; p90: number | null };
  };
  /** One line per division one level down (a county's streets, a street's communities) that has any task. */
  parts: Array<TaskCounts & { divisionCode: string }>;
}
