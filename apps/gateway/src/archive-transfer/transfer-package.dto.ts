import { OmitType } from '@nestjs/swagger';

import { CreateTransferPackageRequest } from '@app/contracts';

/** The body of a transfer package; the key comes in the Idempotency-Key header. */
export class TransferPackageDto extends OmitType(CreateTransferPackageRequest, ['idempotencyKey'] as const) {}
