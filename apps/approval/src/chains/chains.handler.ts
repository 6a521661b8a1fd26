import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { ChainStateRequest, SUBJECTS } from '@app/contracts';
import type { ChainState } from '@app/contracts/temporal';

import { ChainsService } from './chains.service';

@Controller()
export class ChainsHandler {
  constructor(private readonly chains: ChainsService) {}

  @MessagePattern(SUBJECTS.approval.chainState)
  state(@Payload() request: ChainStateRequest): Promise<ChainState> {
    return this.chains.state(request.applicationId);
  }
}
