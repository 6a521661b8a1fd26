import { IsOptional } from 'class-validator';

import { IsDivisionCode } from '../common/division-code.validator';

/** Archive-work figures (目标管理考评) for a division: the caller's own when none is given. */
export class ArchiveStatisticsRequest {
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;
}

export interface ArchiveCount {
  key: string;
  files: number;
  items: number;
  pages: number;
}

export interface ArchiveStatisticsReply {
  divisionCode: string;
  generatedAt: string;
  totals: { files: number; items: number; pages: number; correctedItems: number };
  byCabinet: ArchiveCount[];
  byBox: ArchiveCount[];
  /** key: APPROVAL / DAILY_MANAGEMENT */
  byClass: ArchiveCount[];
  /** key: the document type */
  byType: ArchiveCount[];
  /** key: the year items were filed */
  byYear: ArchiveCount[];
  /** key: YYYY-MM; files opened that month (Beijing time) */
  filesOpenedByMonth: Array<{ month: string; files: number }>;
  /** key: YYYY-MM; files closed that month: benefits ended or the case closed without them (retention events) */
  filesClosedByMonth: Array<{ month: string; files: number }>;
  /** Borrowing requests (查借阅) for files of the division, by status. */
  borrowing: { pending: number; approved: number; refused: number };
  fixity: {
    checks: number;
    filesChecked: number;
    /** Files whose latest check found problems. */
    filesWithProblems: number;
    lastSweepAt: string | null;
  };
}
