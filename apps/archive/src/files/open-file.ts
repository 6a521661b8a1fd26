import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/postgresql';

import { beijingDate, fileGenesisHash, householdFileCode } from '@app/domain';

import { ArchiveFile } from './archive-file.entity';

/**
 * The household's file, locked for this transaction, opened first if it has none: the next number in its
 * community's box for the year gives it its reference code. Filings for one household are serialised by an
 * advisory lock, so a file is opened once and no box number is used up by a lost race.
 */
export async function lockOrOpenFile(
  em: EntityManager,
  householdId: string,
  communityCode: string,
): Promise<ArchiveFile> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 7))', [`archive-file:${householdId}`]);
  const existing = await em.findOne(ArchiveFile, { householdId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (existing) {
    return existing;
  }
  const year = Number(beijingDate(new Date()).slice(0, 4));
  const [{ last_seq: seq }] = await em.execute<Array<{ last_seq: number }>>(
    `insert into archive.box_sequence (box_code, year, last_seq) values (?, ?, 1)
     on conflict (box_code, year) do update set last_seq = box_sequence.last_seq + 1
     returning last_seq`,
    [communityCode, year],
  );
  const referenceCode = householdFileCode({ communityCode, year, seq });
  const file = em.create(ArchiveFile, {
    householdId,
    divisionCode: communityCode,
    referenceCode,
    fondsCode: communityCode.slice(0, 6),
    openedYear: year,
    boxSeq: seq,
    cabinetCode: communityCode.slice(0, 9),
    headHash: fileGenesisHash(referenceCode),
  });
  await em.flush();
  return file;
}
