import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type AssessmentReply,
  ErrorCode,
  type ListAssessmentsReply,
  PERMISSIONS,
  type PreviewAssessmentRequest,
  type RunAssessmentRequest,
  type StoredAssessmentReply,
} from '@app/contracts';
import { assessHousehold, type AssessmentInput, canonicalJson, checkIdNumber } from '@app/domain';
import { AccessError, assertPermission, assertVisible, DomainError, inScope, requireCaller } from '@app/platform';

import { AssessmentWriter } from './assessment-writer';
import { Assessment } from './assessment.entity';
import { KnownDivisions } from '../rule-versions/known-divisions';
import { RuleVersionsService } from '../rule-versions/rule-versions.service';

/** Runs the means test with the standard and policy in force for a division on a date. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly versions: RuleVersionsService,
    private readonly divisions: KnownDivisions,
    private readonly writer: AssessmentWriter,
  ) {}

  /** An assessment stored nowhere: what a caseworker shows a family before anything is filed. */
  async preview(request: PreviewAssessmentRequest): Promise<AssessmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    return this.assess(request);
  }

  /**
   * Assess and store, immutably. Idempotent by key: the same key and inputs return the first assessment (even
   * if a new standard came into force since); the same key with other inputs is refused.
   */
  async run(request: RunAssessmentRequest): Promise<StoredAssessmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.assessmentRun);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const input = normalizedInput(request);
    const inputHash = hashInput(request, input);
    const result = await this.assess(request, input);
    // Written in a group with the other assessments in flight; a repeated key inserts nothing.
    const inserted = await this.writer.insert({
      idempotencyKey: request.idempotencyKey,
      householdId: request.householdId,
      applicationId: request.applicationId ?? null,
      divisionCode: request.divisionCode,
      urbanRural: request.urbanRural,
      at: request.at,
      standardId: result.standardId,
      policyId: result.policyId,
      inputHash,
      input: JSON.stringify(input),
      result: JSON.stringify(result),
      createdBy: caller.userId,
    });
    if (!inserted) {
      const first = await this.em.fork().findOneOrFail(Assessment, { idempotencyKey: request.idempotencyKey });
      return this.repeated(first, inputHash);
    }
    return {
      ...result,
      id: inserted.id,
      householdId: request.householdId,
      applicationId: request.applicationId ?? null,
      divisionCode: request.divisionCode,
      urbanRural: request.urbanRural,
      at: request.at,
      inputHash,
      createdAt: inserted.createdAt.toISOString(),
    };
  }

  async get(assessmentId: string): Promise<StoredAssessmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const row = await this.em.fork().findOne(Assessment, { id: assessmentId });
    assertVisible(caller, row?.divisionCode);
    return toReply(row!);
  }

  /** A household's assessments, newest first, those in the caller's scope. */
  async list(householdId: string): Promise<ListAssessmentsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const rows = await this.em.fork().find(Assessment, { householdId }, { orderBy: { createdAt: 'desc' }, limit: 100 });
    return { items: rows.filter((row) => inScope(caller, row.divisionCode)).map(toReply) };
  }

  private repeated(first: Assessment, inputHash: string): StoredAssessmentReply {
    if (first.inputHash !== inputHash) {
      const message = '该幂等键已用于内容不同的另一次评估';
      throw new DomainError(ErrorCode.IDEMPOTENCY_CONFLICT, 'idempotency key reused', message, [
        { field: 'idempotencyKey', messages: [message] },
      ]);
    }
    return toReply(first);
  }

  private async assess(request: PreviewAssessmentRequest, input = normalizedInput(request)) {
    await this.divisions.assertExists(request.divisionCode);
    const { standard, policy } = await this.versions.inForce(request.divisionCode, request.urbanRural, request.at);
    return assessHousehold(input, standard, policy);
  }
}

/** The input as assessed: ID numbers in their 18-digit form, absent lists empty. */
function normalizedInput(request: PreviewAssessmentRequest): AssessmentInput {
  const normalize = (id: string) => checkIdNumber(id).normalized;
  return {
    members: request.members.map((member) => ({
      idNumber: normalize(member.idNumber),
      birthDate: member.birthDate,
      disabilityGrade: member.disabilityGrade ?? null,
      health: member.health,
    })),
    incomes: (request.incomes ?? []).map((income) => ({
      memberIdNumber: normalize(income.memberIdNumber),
      category: income.category,
      amountFen: income.amountFen,
      period: income.period,
    })),
    deductions: (request.deductions ?? []).map((deduction) => ({
      memberIdNumber: normalize(deduction.memberIdNumber),
      category: deduction.category,
      amountFen: deduction.amountFen,
      period: deduction.period,
    })),
    assets: (request.assets ?? []).map((asset) => ({
      type: asset.type,
      valueFen: asset.valueFen,
      ...(asset.quantity !== undefined ? { quantity: asset.quantity } : {}),
    })),
    at: request.at,
  };
}

function hashInput(request: RunAssessmentRequest, input: AssessmentInput): string {
  const canonical = canonicalJson({
    householdId: request.householdId,
    applicationId: request.applicationId ?? null,
    divisionCode: request.divisionCode,
    urbanRural: request.urbanRural,
    input,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function toReply(row: Assessment): StoredAssessmentReply {
  return {
    ...row.result,
    id: row.id,
    householdId: row.householdId,
    applicationId: row.applicationId ?? null,
    divisionCode: row.divisionCode,
    urbanRural: row.urbanRural,
    at: row.at,
    inputHash: row.inputHash,
    createdAt: row.createdAt.toISOString(),
  };
}
