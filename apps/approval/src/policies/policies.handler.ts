import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type ApprovalPolicy,
  type ApprovalPolicyVersionReply,
  CreateApprovalPolicyRequest,
  type ListApprovalPoliciesReply,
  ListApprovalPoliciesRequest,
  ResolveApprovalPolicyRequest,
  SUBJECTS,
} from '@app/contracts';

import { PoliciesService } from './policies.service';

@Controller()
export class PoliciesHandler {
  constructor(private readonly policies: PoliciesService) {}

  @MessagePattern(SUBJECTS.approval.policyResolve)
  resolve(@Payload() request: ResolveApprovalPolicyRequest): Promise<ApprovalPolicy> {
    return this.policies.resolve(request.divisionCode, request.at);
  }

  @MessagePattern(SUBJECTS.approval.policyCreate)
  create(@Payload() request: CreateApprovalPolicyRequest): Promise<ApprovalPolicyVersionReply> {
    return this.policies.create(request);
  }

  @MessagePattern(SUBJECTS.approval.policyList)
  list(@Payload() request: ListApprovalPoliciesRequest): Promise<ListApprovalPoliciesReply> {
    return this.policies.list(request);
  }
}
