import { OmitType } from '@nestjs/swagger';

import { RecheckDataCheckRequest } from '@app/contracts';

/** A re-check of a disputed data check: the objection, the re-checked means, the evidence; the key from the header. */
export class DataCheckRecheckDto extends OmitType(RecheckDataCheckRequest, [
  'applicationId',
  'idempotencyKey',
] as const) {}
