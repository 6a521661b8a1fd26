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
    const [files, items, corrections, opened, closed, fixity, borrowing] = await Promise.all([
      sql.execute<Row[]>(`select count(*)::int as files from archive.archive_file where division_code like ?`, [
        prefix,
      ]),
      // Every breakdown in one pass over the division's items (grouping sets): the items held, as filed.
      sql.execute<Row[]>(
        `select grouping(f.cabinet_code) as g_cabinet, grouping(f.division_code) as g_box,
                grouping(d.archive_class) as g_class, grouping(d.document_type) as g_type, grouping(y.year) as g_year,
                coalesce(f.cabinet_code, f.division_code, d.archive_class, d.document_type, y.year) as key,
                count(distinct d.file_id)::int as files, count(*)::int as items,
                coalesce(sum(d.page_count), 0)::bigint as pages
           from archive.document d join archive.archive_file f on f.id = d.file_id
          cross join lateral (select extract(year from d.filed_at at time zone 'Asia/Shanghai')::int::text as year) y
          where f.division_code like ?
          group by grouping sets ((), (f.cabinet_code), (f.division_code), (d.archive_class), (d.document_type), (y.year))
          order by key`,
        [prefix],
      ),
      sql.execute<Row[]>(
        `select count(*)::int as corrected from archive.document d join archive.archive_file f on f.id = d.file_id
          where d.supersedes_id is not null and f.division_code like ?`,
        [prefix],
      ),
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
    const totals = items.find((row) => row.key === null);
    return {
      divisionCode: division,
      generatedAt: new Date().toISOString(),
      totals: {
        files: Number(files[0].files),
        items: Number(totals?.items ?? 0),
        pages: Number(totals?.pages ?? 0),
        correctedItems: Number(corrections[0].corrected),
      },
      byCabinet: list(items.filter((row) => row.g_cabinet === 0)),
      byBox: list(items.filter((row) => row.g_box === 0)),
      byClass: list(items.filter((row) => row.g_class === 0)),
      byType: list(items.filter((row) => row.g_type === 0)),
      byYear: list(items.filter((row) => row.g_year === 0)),
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
