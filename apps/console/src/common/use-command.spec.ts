import { keepsKey } from './use-command';
import { ApiError } from '../api/api-error';

describe('a command that failed', () => {
  it('keeps its key when the answer was lost, so sending again gives the first answer', () => {
    expect(keepsKey(new ApiError(0, 'NETWORK', '无法连接服务器'))).toBe(true);
    expect(keepsKey(new ApiError(502, 'HTTP_502', '服务暂时不可用'))).toBe(true);
    expect(keepsKey(new ApiError(504, 'TIMEOUT', '处理超时'))).toBe(true);
  });

  it('takes a new key after a refusal, which recorded nothing', () => {
    expect(keepsKey(new ApiError(400, 'VALIDATION_FAILED', '请求内容不符合要求'))).toBe(false);
    expect(keepsKey(new ApiError(409, 'CONFLICT', '该任务已办结'))).toBe(false);
    expect(keepsKey(new ApiError(403, 'FORBIDDEN', '无权办理'))).toBe(false);
  });
});
