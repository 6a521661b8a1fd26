/** The loaded holiday calendars, as `GET /api/v1/calendars` and a load answer them (a plain file: the console reads it). */
export interface CalendarReply {
  years: Array<{ year: number; days: number; loadedAt: string }>;
  /**
   * Years that open inbox tasks wait for: their due date, or their application's overall due date, is unknown
   * until the year is loaded (a task waiting for both counts once). A year listed here that is loaded already
   * has chains that have not caught up yet (they are told when it is loaded).
   */
  waiting: Array<{ year: number; openTasks: number }>;
}
