import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  ChangeHouseholdMembersRequest,
  CreateHouseholdRequest,
  GetHouseholdRequest,
  HouseholdPublicityRequest,
  type HouseholdPublicityReply,
  type HouseholdReply,
  ImportHouseholdsRequest,
  type ImportHouseholdsReply,
  type MemberChangeReply,
  SearchHouseholdsRequest,
  type SearchHouseholdsReply,
  SUBJECTS,
} from '@app/contracts';

import { HouseholdChangesService } from './household-changes.service';
import { HouseholdsService } from './households.service';

@Controller()
export class HouseholdsHandler {
  constructor(
    private readonly households: HouseholdsService,
    private readonly changes: HouseholdChangesService,
  ) {}

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

  @MessagePattern(SUBJECTS.intake.householdChangeMembers)
  changeMembers(@Payload() request: ChangeHouseholdMembersRequest): Promise<MemberChangeReply> {
    return this.changes.change(request);
  }

  @MessagePattern(SUBJECTS.intake.householdPublicity)
  publicity(@Payload() request: HouseholdPublicityRequest): Promise<HouseholdPublicityReply> {
    return this.households.publicity(request.householdIds);
  }
}
