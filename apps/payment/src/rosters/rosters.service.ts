import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  ErrorCode,
  type GetPaymentStatisticsRequest,
  type LineStatus,
  type PaymentStatisticsReply,
  PERMISSIONS,
  type Permission,
  type RecipientsReply,
  type RosterCommunitiesReply,
  type RosterReply,
  type StatisticsRow,
} from '@app/contracts';
import { addMonths, maskBankAccount, monthStart, RECORD_PERIOD_PATTERNS, recordPeriodStart } from '@app/domain';
import {
  AccessError,
  assertAnyPermission,
  assertPermission,
  DomainError,
  inScope,
  isSystemCaller,
  requireCaller,
} from '@app/platform';

/** The caller holds one of `permissions` and the community lies in their division subtree. */
function assertCommunityReadable(permissions: Permission[], divisionCode: string): void {
  const caller = requireCaller();
  assertAnyPermission(caller, permissions);
  if (!inScope(caller, divisionCode)) {
    throw AccessError.outOfDivision(divisionCode);
  }
}

/**
 * The monthly payment roster (发放花名册) per community, which the archive files as an accounting record, the
 * statistics of a month, quarter or year per county, which it files as administrative records, and the roll of a
 * community's recipients behind the long-term publication (长期公示).
 */
@Injectable()
export class RostersService {
  constructor(private readonly em: EntityManager) {}

  async communities(month: string): Promise<RosterCommunitiesReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentRead);
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ division_code: string }>>(
        `select distinct division_code from payment.payroll_line where month = ?::date and division_code like ? order by division_code`,
        [monthStart(month), `${isSystemCaller(caller) ? '' : caller.divisionCode}%`],
      );
    return { month, divisionCodes: rows.map((row) => row.division_code) };
  }

  async roster(month: string, divisionCode: string): Promise<RosterReply> {
    assertCommunityReadable([PERMISSIONS.paymentRead], divisionCode);
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<
        Array<{
          account_name: string;
          account_no: string;
          bank_code: string;
          base_fen: number;
          supplement_fen: number;
          amount_fen: number;
          status: LineStatus;
          bank_reference: string | null;
        }>
      >(
        `select account_name, account_no, bank_code, base_fen, supplement_fen, amount_fen, status, bank_reference
         from payment.payroll_line where month = ?::date and division_code = ? order by id`,
        [monthStart(month), divisionCode],
      );
    return {
      month,
      divisionCode,
      lines: rows.map((row) => ({
        headName: row.account_name,
        accountMasked: maskBankAccount(row.account_no),
        bankCode: row.bank_code,
        baseFen: row.base_fen,
        supplementFen: row.supplement_fen,
        amountFen: row.amount_fen,
        status: row.status,
        bankReference: row.bank_reference,
      })),
    };
  }

  /**
   * The households of a community whose benefit is paid for `month`: the enrolment's term covering the month is
   * active and pays something — the same condition the payroll generates a line on, so the roll and the month's
   * roster name the same households (a held payee included: the month is owed).
   */
  async recipients(month: string, divisionCode: string): Promise<RecipientsReply> {
    assertCommunityReadable([PERMISSIONS.paymentRead, PERMISSIONS.applicationRead], divisionCode);
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ household_id: string; head_name: string; amount_fen: number }>>(
        `select e.household_id, e.head_name, t.base_fen + t.supplement_fen as amount_fen
           from payment.enrolment e
           join payment.enrolment_term t on t.enrolment_id = e.id
          where e.division_code = ? and t.state = 'ACTIVE'
            and t.from_month <= ?::date and (t.to_month is null or t.to_month > ?::date)
            and t.base_fen + t.supplement_fen > 0
          order by e.first_month, e.head_name, e.id`,
        [divisionCode, monthStart(month), monthStart(month)],
      );
    return {
      divisionCode,
      month,
      recipients: rows.map((row) => ({
        householdId: row.household_id,
        headName: row.head_name,
        amountFen: row.amount_fen,
      })),
    };
  }

  /** Per county, per community: households paid, payments made, amounts paid and failed over the period. */
  async statistics(request: GetPaymentStatisticsRequest): Promise<PaymentStatisticsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentRead);
    const months = { STATISTICS_MONTHLY: 1, STATISTICS_QUARTERLY: 3, STATISTICS_ANNUAL: 12 }[request.recordType];
    if (!RECORD_PERIOD_PATTERNS[request.recordType].test(request.period)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'period does not fit the report', '期间与报表类型不符', [
        { field: 'period', messages: ['月报为YYYY-MM，季报为YYYY-Qn，年报为YYYY'] },
      ]);
    }
    const from = recordPeriodStart(request.period);
    const until = `${addMonths(from.slice(0, 7), months)}-01`;
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ division_code: string; households: string; payments: string; paid: string; failed: string }>>(
        `select division_code,
                count(distinct household_id) filter (where status = 'PAID') as households,
                count(*) filter (where status = 'PAID') as payments,
                coalesce(sum(amount_fen) filter (where status = 'PAID'), 0) as paid,
                coalesce(sum(amount_fen) filter (where status = 'FAILED'), 0) as failed
           from payment.payroll_line
          where month >= ?::date and month < ?::date and division_code like ?
          group by division_code order by division_code`,
        [from, until, `${isSystemCaller(caller) ? '' : caller.divisionCode}%`],
      );
    const counties = new Map<string, StatisticsRow[]>();
    for (const row of rows) {
      const county = row.division_code.slice(0, 6);
      counties.set(county, [
        ...(counties.get(county) ?? []),
        {
          divisionCode: row.division_code,
          households: Number(row.households),
          payments: Number(row.payments),
          paidFen: Number(row.paid),
          failedFen: Number(row.failed),
        },
      ]);
    }
    return {
      recordType: request.recordType,
      period: request.period,
      counties: [...counties].map(([countyCode, countyRows]) => ({ countyCode, rows: countyRows })),
    };
  }
}
