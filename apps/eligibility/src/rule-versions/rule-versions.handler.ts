import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  CreatePolicyRequest,
  CreateStandardRequest,
  ListRuleChangesRequest,
  type ListPoliciesReply,
  type ListRuleChangesReply,
  ListRuleVersionsRequest,
  type ListStandardsReply,
  type PolicyReply,
  type StandardReply,
  SUBJECTS,
} from '@app/contracts';

import { RuleVersionsService } from './rule-versions.service';

@Controller()
export class RuleVersionsHandler {
  constructor(private readonly versions: RuleVersionsService) {}

  @MessagePattern(SUBJECTS.eligibility.standardCreate)
  createStandard(@Payload() request: CreateStandardRequest): Promise<StandardReply> {
    return this.versions.createStandard(request);
  }

  @MessagePattern(SUBJECTS.eligibility.standardList)
  listStandards(@Payload() request: ListRuleVersionsRequest): Promise<ListStandardsReply> {
    return this.versions.listStandards(request);
  }

  @MessagePattern(SUBJECTS.eligibility.policyCreate)
  createPolicy(@Payload() request: CreatePolicyRequest): Promise<PolicyReply> {
    return this.versions.createPolicy(request);
  }

  @MessagePattern(SUBJECTS.eligibility.policyList)
  listPolicies(@Payload() request: ListRuleVersionsRequest): Promise<ListPoliciesReply> {
    return this.versions.listPolicies(request);
  }

  @MessagePattern(SUBJECTS.eligibility.ruleChangeList)
  listChanges(@Payload() request: ListRuleChangesRequest): Promise<ListRuleChangesReply> {
    return this.versions.listChanges(request.divisionCode);
  }
}
