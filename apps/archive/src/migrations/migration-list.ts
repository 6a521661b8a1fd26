import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261126142509 } from './Migration20261126142509_archive_files';
import { Migration20261126222500_accounting_records } from './Migration20261126222500_accounting_records';
import { Migration20261127003000_arrangement_fixity } from './Migration20261127003000_arrangement_fixity';
import { Migration20261127012000_borrowing } from './Migration20261127012000_borrowing';
import { Migration20261127013000_retention_disposal } from './Migration20261127013000_retention_disposal';
import { Migration20261127030000_transfer_register } from './Migration20261127030000_transfer_register';
import { Migration20261127040000_record_retention } from './Migration20261127040000_record_retention';
import { Migration20261130140000_legal_hold } from './Migration20261130140000_legal_hold';
import { Migration20261130150000_record_hold } from './Migration20261130150000_record_hold';

/** Every migration of this service, in order. Add each new migration here (a test checks none is missing). */
export const migrationList: MigrationObject[] = [
  { name: 'Migration20261126142509_archive_files', class: Migration20261126142509 },
  { name: 'Migration20261126222500_accounting_records', class: Migration20261126222500_accounting_records },
  { name: 'Migration20261127003000_arrangement_fixity', class: Migration20261127003000_arrangement_fixity },
  { name: 'Migration20261127012000_borrowing', class: Migration20261127012000_borrowing },
  { name: 'Migration20261127013000_retention_disposal', class: Migration20261127013000_retention_disposal },
  { name: 'Migration20261127030000_transfer_register', class: Migration20261127030000_transfer_register },
  { name: 'Migration20261127040000_record_retention', class: Migration20261127040000_record_retention },
  { name: 'Migration20261130140000_legal_hold', class: Migration20261130140000_legal_hold },
  { name: 'Migration20261130150000_record_hold', class: Migration20261130150000_record_hold },
];
