import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type FixityCheckReply,
  FixitySweepRequest,
  type FixitySweepReply,
  ListFixityChecksRequest,
  type ListFixityChecksReply,
  SUBJECTS,
  VerifyArchiveFileRequest,
} from '@app/contracts';

import { FixityService } from './fixity.service';

@Controller()
export class FixityHandler {
  constructor(private readonly fixity: FixityService) {}

  @MessagePattern(SUBJECTS.archive.fixityVerifyFile)
  verifyFile(@Payload() request: VerifyArchiveFileRequest): Promise<FixityCheckReply> {
    return this.fixity.verifyFile(request.householdId);
  }

  @MessagePattern(SUBJECTS.archive.fixitySweep)
  sweep(@Payload() request: FixitySweepRequest): Promise<FixitySweepReply> {
    return this.fixity.sweep(request.limit);
  }

  @MessagePattern(SUBJECTS.archive.fixityList)
  list(@Payload() request: ListFixityChecksRequest): Promise<ListFixityChecksReply> {
    return this.fixity.list(request);
  }
}
