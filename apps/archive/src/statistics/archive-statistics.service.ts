import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type ArchiveCount, type ArchiveStatisticsReply, PERMISSIONS } from '@app/contracts';
import { AccessError, assertPermission, inScope, isSystemCaller, requireCaller } from '@app/platform';

type Row = Record<string, string | number | null>;

/**
 * The figures an archive-work assessment asks for, for a division: files, items and pages by cabinet, box,
 * class, type and year; files opened and closed per month; corrections; fixity results. Counted in SQL, nothing cached.
 */
@Injectable()
export class ArchiveStatisticsService {
  constructor(private readonly em: EntityManager) {}

  async get(divisionCode?: string): Promise<ArchiveStatisticsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const division = divisionCode ?? (isSystemCaller(caller) ? '' : caller.divisionCode);
    if (division && !inScope(caller, division)) {
      throw AccessError.outOfDivision(division);
    }
    const prefix = `${division}%`;
    const sql = this.em.fork().getConnection();
    const counts = (groupBy: string) =>
      sql.execute<Row[]>(
        `select ${groupBy} as key, count(distinct f.id)::int as files, count(d.id)::int as items,
                coalesce(sum(d.page_count), 0)::int as pages
           from archive.archive_file f left join archive.document d on d.file_id = f.id
          where f.division_code like ? group by 1 order by 1`,
        [prefix],
      );
    const [totals, byCabinet, byBox, byClass, byType, byYear, opened, closed, fixity, borrowing] = await Promise.all([
      sql.execute<Row[]>(
        `select count(distinct f.id)::int as files, count(d.id)::int as items,
                coalesce(sum(d.page_count), 0)::int as pages, count(d.supersedes_id)::int as corrected
           from archive.archive_file f left join archive.document d on d.file_id = f.id
          where f.division_code like ?`,
        [prefix],
      ),
      counts('f.cabinet_code'),
      counts('f.division_code'),
      counts('d.archive_class'),
      counts('d.document_type'),
      counts(`extract(year from d.filed_at at time zone 'Asia/Shanghai')::int::text`),
      sql.execute<Row[]>(
        `select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as files
           from archive.archive_file where division_code like ? group by 1 order by 1`,
        [prefix],
      ),
      sql.execute<Row[]>(
        `select to_char(e.occurred_on, 'YYYY-MM') as month, count(distinct e.file_id)::int as files
           from archive.retention_event e join archive.archive_file f on f.id = e.file_id
          where f.division_code like ? and e.event in ('BENEFIT_ENDED', 'CASE_CLOSED') group by 1 order by 1`,
        [prefix],
      ),
      sql.execute<Row[]>(
        `select (select count(*)::int from archive.fixity_check c join archive.archive_file f on f.id = c.file_id
                  where f.division_code like ?) as checks,
                count(*)::int as files_checked, count(*) filter (where not latest.ok)::int as files_with_problems,
                (select max(started_at) from archive.fixity_sweep) as last_sweep_at
           from (select distinct on (c.file_id) c.ok from archive.fixity_check c
                   join archive.archive_file f on f.id = c.file_id
                  where f.division_code like ? order by c.file_id, c.checked_at desc) latest`,
        [prefix, prefix],
      ),
      sql.execute<Row[]>(
        `select count(*) filter (where b.status = 'PENDING')::int as pending,
                count(*) filter (where b.status = 'APPROVED')::int as approved,
                count(*) filter (where b.status = 'REFUSED')::int as refused
           from archive.borrow_request b join archive.archive_file f on f.id = b.file_id
          where f.division_code like ?`,
        [prefix],
      ),
    ]);
    const list = (rows: Row[]): ArchiveCount[] =>
      rows
        .filter((row) => row.key !== null)
        .map((row) => ({
          key: String(row.key),
          files: Number(row.files),
          items: Number(row.items),
          pages: Number(row.pages),
        }));
    const lastSweep = fixity[0].last_sweep_at as unknown as Date | null;
    return {
      divisionCode: division,
      generatedAt: new Date().toISOString(),
      totals: {
        files: Number(totals[0].files),
        items: Number(totals[0].items),
        pages: Number(totals[0].pages),
        correctedItems: Number(totals[0].corrected),
      },
      byCabinet: list(byCabinet),
      byBox: list(byBox),
      byClass: list(byClass),
      byType: list(byType),
      byYear: list(byYear),
      filesOpenedByMonth: opened.map((row) => ({ month: String(row.month), files: Number(row.files) })),
      filesClosedByMonth: closed.map((row) => ({ month: String(row.month), files: Number(row.files) })),
      borrowing: {
        pending: Number(borrowing[0].pending),
        approved: Number(borrowing[0].approved),
        refused: Number(borrowing[0].refused),
      },
      fixity: {
        checks: Number(fixity[0].checks),
        filesChecked: Number(fixity[0].files_checked),
        filesWithProblems: Number(fixity[0].files_with_problems),
        lastSweepAt: lastSweep ? new Date(lastSweep).toISOString() : null,
      },
    };
  }
}
