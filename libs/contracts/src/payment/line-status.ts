/* Plain constants (no validators): the staff console imports them. */

/**
 * PENDING: sent or to be sent to the bank; PAID, FAILED: the bank's answer; HELD: owed but sent to no bank, its
 * benefit's card being unable to receive (see `PAYEE_HOLD_FAILURES`) until the payee is changed; CANCELLED: a held
 * month finance found not owed (e.g. after the holder's death), never to be paid (`CancelLineRequest`).
 */
export const LINE_STATUSES = ['PENDING', 'PAID', 'FAILED', 'HELD', 'CANCELLED'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** The statuses in staff words (rosters, dossiers). */
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  PENDING: '待银行回盘',
  PAID: '已发放',
  FAILED: '发放失败',
  HELD: '暂缓发放',
  CANCELLED: '不予发放',
};
