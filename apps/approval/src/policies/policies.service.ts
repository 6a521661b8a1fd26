import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type ApprovalPolicy, ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

import { ApprovalPolicyRow } from './approval-policy.entity';

/** Which approval procedure governs a community on a date: the county's, else the prefecture's, else the province's. */
@Injectable()
export class PoliciesService {
  constructor(private readonly em: EntityManager) {}

  async resolve(divisionCode: string, at: string): Promise<ApprovalPolicy> {
    const candidates = [divisionCode.slice(0, 6), divisionCode.slice(0, 4), divisionCode.slice(0, 2)];
    const rows = await this.em.fork().find(ApprovalPolicyRow, {
      divisionCode: { $in: candidates },
      effectiveFrom: { $lte: at },
      $or: [{ effectiveTo: null }, { effectiveTo: { $gte: at } }],
    });
    const row = rows.sort((a, b) => b.divisionCode.length - a.divisionCode.length)[0];
    if (!row) {
      const message = `该地区在${at}没有适用的审批流程配置`;
      throw new DomainError(ErrorCode.NOT_FOUND, `no approval policy for ${divisionCode} on ${at}`, message, [
        { field: 'divisionCode', messages: [message] },
      ]);
    }
    return { id: row.id, divisionCode: row.divisionCode, ...row.rules };
  }
}
