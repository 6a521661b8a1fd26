import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type BankAuth, ErrorCode } from '@app/contracts';
import { checkBankSignature, SIGNATURE_WINDOW_MS } from '@app/domain';
import { DomainError } from '@app/platform';

import { BanksService } from './banks.service';

const refuse = (header: string, reason: string, message: string) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, reason, message, [{ field: header, messages: [message] }]);

/**
 * Checks a bank request: known bank, HMAC-SHA256 signature over method, path, timestamp, nonce and body hash,
 * a timestamp within five minutes, and a nonce never seen before (recorded in the same step, so two
 * concurrent uses of one nonce cannot both pass).
 */
@Injectable()
export class BankAuthService {
  private readonly logger = new Logger(BankAuthService.name);
  private lastPrune = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly banks: BanksService,
  ) {}

  /** The bank's code once the request is proven to come from it; a typed UNAUTHENTICATED error otherwise. */
  async verify(auth: BankAuth): Promise<string> {
    const bank = await this.banks.find(auth.bankCode);
    if (!bank) {
      throw refuse('X-Bank-Code', `unknown bank ${auth.bankCode}`, '银行代码未登记或已停用');
    }
    const problem = checkBankSignature(bank.secret, auth, auth.signature, Date.now());
    if (problem === 'MALFORMED') {
      throw refuse(
        'X-Signature',
        'malformed signature headers',
        '签名请求头格式不正确：时间戳为毫秒数，随机串为16至64位字母数字，签名为64位小写十六进制',
      );
    }
    if (problem === 'STALE') {
      throw refuse('X-Timestamp', 'timestamp outside the window', '请求时间戳与服务器时间相差超过5分钟');
    }
    if (problem === 'BAD_SIGNATURE') {
      this.logger.warn({ bankCode: auth.bankCode, path: auth.path }, 'bank request with a wrong signature refused');
      throw refuse('X-Signature', 'signature mismatch', '签名不正确');
    }
    const inserted = await this.em
      .fork()
      .getConnection()
      .execute<{ affectedRows: number }>(
        `insert into payment.bank_nonce (bank_code, nonce, seen_at) values (?, ?, now()) on conflict do nothing`,
        [auth.bankCode, auth.nonce],
        'run',
      );
    if (inserted.affectedRows !== 1) {
      throw refuse('X-Nonce', 'nonce reused', '该随机串（nonce）已使用过，疑似重放请求');
    }
    await this.prune();
    return bank.code;
  }

  /** Nonces older than twice the window can never be accepted again anyway; drop them once a minute. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) {
      return;
    }
    this.lastPrune = Date.now();
    await this.em
      .fork()
      .getConnection()
      .execute(
        `delete from payment.bank_nonce where seen_at < now() - make_interval(secs => ?)`,
        [(2 * SIGNATURE_WINDOW_MS) / 1000],
        'run',
      );
  }
}
