import { requireCaller } from '@app/platform';

/** What a downloaded PDF carries across every page: who looked and when (Beijing time). */
export function downloadWatermark(now = new Date()): string {
  const time = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  return `${requireCaller().username} 查阅于 ${time} 仅限低保业务使用`;
}
