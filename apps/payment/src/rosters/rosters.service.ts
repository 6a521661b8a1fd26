import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { PERMISSIONS, type RosterCommunitiesReply, type RosterReply } from '@app/contracts';
import { maskBankAccount, monthStart } from '@app/domain';
import { AccessError, assertPermission, inScope, isSystemCaller, requireCaller } from '@app/platform';

/** The monthly payment roster (发放花名册) per community: what the archive files as an accounting record. */
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
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.paymentRead);
    if (!inScope(caller, divisionCode)) {
      throw AccessError.outOfDivision(divisionCode);
    }
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
          status: 'PENDING' | 'PAID' | 'FAILED';
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
}
