import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type AssessmentReply, ErrorCode, PERMISSIONS, type PreviewAssessmentRequest } from '@app/contracts';
import { assessHousehold, checkIdNumber } from '@app/domain';
import { AccessError, assertPermission, DomainError, inScope, requireCaller } from '@app/platform';

import { Policy } from '../policies/policy.entity';
import { Standard } from '../standards/standard.entity';

/** Runs the means test with the standard and policy in force for a division on a date. */
@Injectable()
export class AssessmentsService {
  constructor(private readonly em: EntityManager) {}

  /** An assessment stored nowhere: what a caseworker shows a family before anything is filed. */
  async preview(request: PreviewAssessmentRequest): Promise<AssessmentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const em = this.em.fork();
    const candidates = [request.divisionCode.slice(0, 6), request.divisionCode.slice(0, 4)];
    const inForce = {
      $or: [{ effectiveTo: null }, { effectiveTo: { $gte: request.at } }],
      effectiveFrom: { $lte: request.at },
    };
    const standards = await em.find(Standard, {
      divisionCode: { $in: candidates },
      urbanRural: request.urbanRural,
      ...inForce,
    });
    const policies = await em.find(Policy, { divisionCode: { $in: candidates }, ...inForce });
    const mostSpecific = <T extends { divisionCode: string }>(rows: T[]) =>
      rows.sort((a, b) => b.divisionCode.length - a.divisionCode.length)[0];
    const standard = mostSpecific(standards);
    const policy = mostSpecific(policies);
    if (!standard || !policy) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        'no standard or policy in force',
        `该地区在${request.at}没有适用的低保标准或计算政策`,
        [{ field: 'divisionCode', messages: ['该地区在该日期没有适用的低保标准或计算政策'] }],
      );
    }
    const normalize = (id: string) => checkIdNumber(id).normalized;
    return assessHousehold(
      {
        members: request.members.map((member) => ({ ...member, idNumber: normalize(member.idNumber) })),
        incomes: (request.incomes ?? []).map((income) => ({
          ...income,
          memberIdNumber: normalize(income.memberIdNumber),
        })),
        deductions: (request.deductions ?? []).map((deduction) => ({
          ...deduction,
          memberIdNumber: normalize(deduction.memberIdNumber),
        })),
        assets: request.assets ?? [],
        at: request.at,
      },
      { id: standard.id, amountFen: Number(standard.amountFen), period: standard.period },
      { id: policy.id, ...policy.rules },
    );
  }
}
