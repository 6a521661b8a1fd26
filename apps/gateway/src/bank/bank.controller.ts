import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags, PickType } from '@nestjs/swagger';

import {
  type BankAuth,
  type BankBatchLinesReply,
  type BankBatchListReply,
  type BankBatchReply,
  type BankPostResultsReply,
  type BankStatementReply,
  type BatchStatus,
  BankPostResultsRequest,
  type LineResult,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { BankSignature } from './bank-signature.decorator';
import { Public } from '../identity/auth/auth.decorators';

class ResultsBody extends PickType(BankPostResultsRequest, ['results'] as const) {}

/**
 * The API for payment banks' integrators, outside /api: no staff login, every request signed with the bank's
 * secret (HMAC-SHA256 over method, path, timestamp, nonce and body hash). The payment service checks the
 * signature, the five-minute window and the nonce before it does anything.
 */
@ApiTags('bank')
@ApiHeader({ name: 'X-Bank-Code', required: true, description: 'Your bank code, e.g. JLRCB' })
@ApiHeader({ name: 'X-Timestamp', required: true, description: 'Milliseconds since the Unix epoch' })
@ApiHeader({ name: 'X-Nonce', required: true, description: '16–64 characters [A-Za-z0-9_-], never reused' })
@ApiHeader({
  name: 'X-Signature',
  required: true,
  description: 'Lower-case hex HMAC-SHA256, see docs/bank-integration.md',
})
@Public()
@Controller('bank/v1')
export class BankController {
  constructor(private readonly messaging: MessagingClient) {}

  @Get('batches')
  @ApiOperation({ summary: 'Your batches not yet settled (or ?status=READY|ACKNOWLEDGED|SETTLED)' })
  batches(@BankSignature() auth: BankAuth, @Query('status') status?: BatchStatus): Promise<BankBatchListReply> {
    return this.messaging.request(SUBJECTS.payment.bankBatchList, { auth, ...(status ? { status } : {}) });
  }

  @Get('batches/:batchId/lines')
  @ApiOperation({ summary: "A page of a batch's lines (?after=<lineId>&limit=≤5000), full account numbers" })
  lines(
    @BankSignature() auth: BankAuth,
    @Param('batchId') batchId: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<BankBatchLinesReply> {
    return this.messaging.request(SUBJECTS.payment.bankBatchLines, {
      auth,
      batchId,
      ...(after !== undefined ? { after: Number(after) } : {}),
      ...(limit !== undefined ? { limit: Number(limit) } : {}),
    });
  }

  @Post('batches/:batchId/acknowledgement')
  @HttpCode(200)
  @ApiOperation({ summary: 'You have received the batch and will pay it (repeating is harmless)' })
  acknowledge(@BankSignature() auth: BankAuth, @Param('batchId') batchId: string): Promise<BankBatchReply> {
    return this.messaging.request(SUBJECTS.payment.bankBatchAcknowledge, { auth, batchId });
  }

  @Post('batches/:batchId/results')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Per-line results (≤5000 per request), all or nothing; the same results posted again change nothing',
  })
  // Checked once against the contract when it is sent on (5,000 results: one pass is enough).
  @ApiBody({ type: ResultsBody })
  results(
    @BankSignature() auth: BankAuth,
    @Param('batchId') batchId: string,
    @Body() body: { results?: LineResult[] },
  ): Promise<BankPostResultsReply> {
    return this.messaging.request(
      SUBJECTS.payment.bankResultsPost,
      { auth, batchId, results: body?.results as LineResult[] },
      { timeoutMs: 30_000 },
    );
  }

  @Get('statements/:month')
  @ApiOperation({ summary: 'Reconciliation statement of a cycle (YYYY-MM): per batch, paid + failed + pending' })
  statement(@BankSignature() auth: BankAuth, @Param('month') month: string): Promise<BankStatementReply> {
    return this.messaging.request(SUBJECTS.payment.bankStatement, { auth, month });
  }
}
