import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { Bank } from './bank.entity';
import { PaymentError } from '../payment.errors';

const CACHE_MS = 30_000;

/** The payment banks and their secrets, read through a short cache (every signed request needs one). */
@Injectable()
export class BanksService {
  private cache: { banks: Map<string, Bank>; until: number } | undefined;

  constructor(private readonly em: EntityManager) {}

  async find(code: string): Promise<Bank | undefined> {
    if (!this.cache || this.cache.until < Date.now()) {
      const banks = await this.em.fork().find(Bank, { active: true });
      this.cache = { banks: new Map(banks.map((bank) => [bank.code, bank])), until: Date.now() + CACHE_MS };
    }
    return this.cache.banks.get(code);
  }

  async assertActive(code: string): Promise<Bank> {
    const bank = (await this.find(code)) ?? (this.forget(), await this.find(code));
    if (!bank) {
      throw PaymentError.unknownBank(code);
    }
    return bank;
  }

  forget(): void {
    this.cache = undefined;
  }
}
