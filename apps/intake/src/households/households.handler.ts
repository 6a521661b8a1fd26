import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  CreateHouseholdRequest,
  GetHouseholdRequest,
  type HouseholdReply,
  ImportHouseholdsRequest,
  type ImportHouseholdsReply,
  SearchHouseholdsRequest,
  type SearchHouseholdsReply,
  SUBJECTS,
} from '@app/contracts';

import { HouseholdsService } from './households.service';

@Controller()
export class HouseholdsHandler {
  constructor(private readonly households: HouseholdsService) {}

  @MessagePattern(SUBJECTS.intake.householdCreate)
  create(@Payload() request: CreateHouseholdRequest): Promise<HouseholdReply> {
    return this.households.create(request);
  }

  @MessagePattern(SUBJECTS.intake.householdGet)
  get(@Payload() request: GetHouseholdRequest): Promise<HouseholdReply> {
    return this.households.get(request.householdId, request.reveal ?? false);
  }

  @MessagePattern(SUBJECTS.intake.householdSearch)
  search(@Payload() request: SearchHouseholdsRequest): Promise<SearchHouseholdsReply> {
    return this.households.search(request.q, request.limit);
  }

  @MessagePattern(SUBJECTS.intake.householdImport)
  import(@Payload() request: ImportHouseholdsRequest): Promise<ImportHouseholdsReply> {
    return this.households.importBulk(request.households);
  }
}
