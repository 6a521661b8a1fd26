import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { type DivisionReply, GetDivisionRequest, SUBJECTS } from '@app/contracts';

import { DivisionsService } from './divisions.service';

/** Division lookups for other services (the gateway validates account divisions with it). Not personal data. */
@Controller()
export class DivisionsHandler {
  constructor(private readonly divisions: DivisionsService) {}

  @MessagePattern(SUBJECTS.intake.divisionGet)
  get(@Payload() request: GetDivisionRequest): Promise<DivisionReply> {
    return this.divisions.get(request.code, request.at);
  }
}
