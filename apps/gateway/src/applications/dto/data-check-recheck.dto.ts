import { OmitType } from '@nestjs/swagger';

import { RecheckDataCheckRequest, RecordNoticeDeliveryRequest } from '@app/contracts';

/** A re-check of a disputed data check: the objection, the re-checked means, the evidence; the key from the header. */
export class DataCheckRecheckDto extends OmitType(RecheckDataCheckRequest, [
  'applicationId',
  'idempotencyKey',
] as const) {}

/** The service of a data-check notice: when, how, to whom; the application and the notice from the path. */
export class NoticeDeliveryDto extends OmitType(RecordNoticeDeliveryRequest, [
  'applicationId',
  'documentId',
] as const) {}
