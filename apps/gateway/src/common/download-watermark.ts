import { beijingMinute } from '@app/domain';
import { requireCaller } from '@app/platform';

/** What a downloaded PDF carries across every page: who looked and when (Beijing time). */
export function downloadWatermark(now = new Date()): string {
  return `${requireCaller().username} 查阅于 ${beijingMinute(now)} 仅限低保业务使用`;
}
