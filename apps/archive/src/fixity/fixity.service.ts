import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager } from '@mikro-orm/postgresql';

import {
  type Caller,
  type FixityCheckReply,
  type FixityProblem,
  type FixitySweepReply,
  type ListFixityChecksReply,
  type ListFixityChecksRequest,
  PERMISSIONS,
} from '@app/contracts';
import { sha256Hex, verifyItemChain } from '@app/domain';
import { assertPermission, assertVisible, isSystemCaller, requireCaller } from '@app/platform';

import { readContent } from './content-check';
import { FixityCheck } from './fixity-check.entity';
import { FixitySweep } from './fixity-sweep.entity';
import { BlobStore } from '../blobs/blob-store';
import { Document } from '../documents/document.entity';
import { chainedFields } from '../documents/document.mapper';
import { ArchiveFile } from '../files/archive-file.entity';

const SWEEP_PAGE = 100;
/** Files of a sweep page checked at once. */
const SWEEP_FILES_IN_FLIGHT = 4;
/** Problems of one kind listed one by one up to this many; the rest are counted in one line. */
const MAX_LISTED = 50;

/**
 * The four-property checks of DA/T 70 on household files: authenticity (content hash, hash chain over the
 * metadata, head), integrity (content present, item numbers 1..n without gaps) and usability (content opens as
 * its format). Every check is stored with its problems; nothing is repaired automatically.
 */
@Injectable()
export class FixityService {
  private readonly logger = new Logger(FixityService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly blobs: BlobStore,
  ) {}

  @CreateRequestContext()
  async verifyFile(householdId: string): Promise<FixityCheckReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const file = await this.em.findOne(ArchiveFile, { householdId });
    assertVisible(caller, file?.divisionCode);
    const items = await this.em.find(Document, { file: file! }, { orderBy: { itemNo: 'asc' } });
    const check = await this.check(file!, items, 'ON_DEMAND', caller.username, null);
    await this.em.flush();
    return toReply(check);
  }

  /** Checks every file in the caller's scope (system: all), oldest first by id, and records a sweep. */
  @CreateRequestContext()
  async sweep(limit?: number): Promise<FixitySweepReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    return this.runSweep(caller, limit);
  }

  /** `claimed`: a sweep row written already (the schedule claims its sweep before it runs). */
  async runSweep(caller: Caller, limit = Number.MAX_SAFE_INTEGER, claimed?: FixitySweep): Promise<FixitySweepReply> {
    const em = this.em.fork();
    const scope = isSystemCaller(caller) ? '*' : caller.divisionCode;
    const sweep = claimed
      ? em.merge(claimed)
      : em.create(FixitySweep, { startedAt: new Date(), scope, startedBy: caller.username });
    await em.flush();
    let after = '00000000-0000-0000-0000-000000000000';
    while (sweep.filesChecked < limit) {
      const files = await em.find(
        ArchiveFile,
        { id: { $gt: after }, ...(scope === '*' ? {} : { divisionCode: { $like: `${scope}%` } }) },
        { orderBy: { id: 'asc' }, limit: Math.min(SWEEP_PAGE, limit - sweep.filesChecked) },
      );
      if (files.length === 0) {
        break;
      }
      // One query for the page's items; a few files at a time, so reading blobs overlaps hashing.
      const items = await em.find(Document, { file: { $in: files } }, { orderBy: { itemNo: 'asc' } });
      const itemsOf = new Map<string, Document[]>();
      for (const item of items) {
        itemsOf.set(item.file.id, [...(itemsOf.get(item.file.id) ?? []), item]);
      }
      const checks = await mapLimited(files, SWEEP_FILES_IN_FLIGHT, (file) =>
        this.check(file, itemsOf.get(file.id) ?? [], 'SWEEP', caller.username, sweep, em),
      );
      for (const check of checks) {
        sweep.filesChecked += 1;
        sweep.itemsChecked += check.itemsChecked;
        sweep.filesWithProblems += check.ok ? 0 : 1;
      }
      after = files[files.length - 1].id;
      await em.flush();
      em.clear();
      em.merge(sweep);
    }
    sweep.finishedAt = new Date();
    await em.flush();
    this.logger.log(
      { sweepId: sweep.id, scope, filesChecked: sweep.filesChecked, filesWithProblems: sweep.filesWithProblems },
      'fixity sweep finished',
    );
    return {
      sweepId: sweep.id,
      startedAt: sweep.startedAt.toISOString(),
      finishedAt: sweep.finishedAt.toISOString(),
      filesChecked: sweep.filesChecked,
      filesWithProblems: sweep.filesWithProblems,
      itemsChecked: sweep.itemsChecked,
    };
  }

  @CreateRequestContext()
  async list(request: ListFixityChecksRequest): Promise<ListFixityChecksReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.archiveManage);
    const checks = await this.em.find(
      FixityCheck,
      {
        file: {
          ...(isSystemCaller(caller) ? {} : { divisionCode: { $like: `${caller.divisionCode}%` } }),
          ...(request.householdId ? { householdId: request.householdId } : {}),
        },
        ...(request.problemsOnly ? { ok: false } : {}),
      },
      { orderBy: { checkedAt: 'desc' }, limit: request.limit ?? 100, populate: ['file'] },
    );
    return { items: checks.filter((check) => inCallerScope(caller, check)).map(toReply) };
  }

  /** Checks one file against its items (in item order); the check is persisted with the caller's next flush. */
  private async check(
    file: ArchiveFile,
    items: Document[],
    trigger: 'ON_DEMAND' | 'SWEEP',
    checkedBy: string,
    sweep: FixitySweep | null,
    em: EntityManager = this.em,
  ): Promise<FixityCheck> {
    const problems = [...numberingProblems(file, items), ...chainProblems(file, items)];
    // A file destroyed by a recorded disposal decision keeps its items and chain, not its content.
    for (const item of file.disposedAt ? [] : items) {
      problems.push(...(await this.contentProblems(item, trigger === 'ON_DEMAND')));
    }
    const check = em.create(FixityCheck, {
      file,
      checkedAt: new Date(),
      trigger,
      checkedBy,
      itemsChecked: items.length,
      ok: problems.length === 0,
      problems: capped(problems),
      sweep,
    });
    if (!check.ok) {
      this.logger.warn(
        { referenceCode: file.referenceCode, problems: problems.map((problem) => problem.code) },
        'fixity problems found',
      );
    }
    return check;
  }

  /**
   * Content present, unchanged, and usable. Bytes that still hash to what was archived read exactly as they did
   * at filing, so a sweep re-opens only content that did not open then (its pages unknown); a check on demand
   * re-opens everything (e.g. after the reader library changed).
   */
  private async contentProblems(item: Document, reopen: boolean): Promise<FixityProblem[]> {
    const bytes = await this.blobs.get(item.sha256);
    if (!bytes) {
      return [
        {
          property: 'INTEGRITY',
          code: 'CONTENT_MISSING',
          itemNo: item.itemNo,
          message: `第${item.itemNo}件的内容缺失`,
        },
      ];
    }
    if (sha256Hex(bytes) !== item.sha256 || bytes.length !== Number(item.sizeBytes)) {
      return [
        {
          property: 'AUTHENTICITY',
          code: 'CONTENT_CHANGED',
          itemNo: item.itemNo,
          message: `第${item.itemNo}件的内容已被改动（校验值与归档时不符）`,
        },
      ];
    }
    if (!reopen && item.pageCount !== null) {
      return [];
    }
    const reading = await readContent(bytes, item.mediaType);
    return reading.readable
      ? []
      : [
          {
            property: 'USABILITY',
            code: 'CONTENT_UNREADABLE',
            itemNo: item.itemNo,
            message: `第${item.itemNo}件无法打开：${reading.reason}`,
          },
        ];
  }
}

function numberingProblems(file: ArchiveFile, items: Document[]): FixityProblem[] {
  const present = new Set(items.map((item) => item.itemNo));
  const highest = Math.max(file.itemCount, ...items.map((item) => item.itemNo));
  const problems: FixityProblem[] = [];
  for (let itemNo = 1; itemNo <= highest; itemNo += 1) {
    if (!present.has(itemNo)) {
      problems.push({
        property: 'INTEGRITY',
        code: 'ITEM_NUMBER_GAP',
        itemNo,
        message: `件号不连续：缺少第${itemNo}件`,
      });
    }
  }
  if (highest > file.itemCount) {
    problems.push({
      property: 'INTEGRITY',
      code: 'ITEM_NUMBER_GAP',
      itemNo: highest,
      message: `案卷记录${file.itemCount}件，实有件号至第${highest}件`,
    });
  }
  return problems;
}

function chainProblems(file: ArchiveFile, items: Document[]): FixityProblem[] {
  const itemNoById = new Map(items.map((item) => [item.id, item.itemNo]));
  const chained = items.map((item) => ({
    ...chainedFields(item, file, item.supersedesId ? (itemNoById.get(item.supersedesId) ?? -1) : null),
    entryHash: item.entryHash,
  }));
  const { head, firstBreak } = verifyItemChain(file.referenceCode, chained);
  if (firstBreak) {
    return [
      {
        property: 'AUTHENTICITY',
        code: 'METADATA_CHANGED',
        itemNo: firstBreak.itemNo,
        message: `第${firstBreak.itemNo}件的著录信息与归档时不符（哈希链在此断开）`,
      },
    ];
  }
  if (head !== file.headHash) {
    return [
      {
        property: 'AUTHENTICITY',
        code: 'HEAD_MISMATCH',
        itemNo: null,
        message: '案卷的链头与最后一件不符（可能有件被删除或案卷记录被改动）',
      },
    ];
  }
  return [];
}

/** At most MAX_LISTED problems of each code, then one line counting the rest. */
function capped(problems: FixityProblem[]): FixityProblem[] {
  const byCode = new Map<string, FixityProblem[]>();
  for (const problem of problems) {
    byCode.set(problem.code, [...(byCode.get(problem.code) ?? []), problem]);
  }
  return [...byCode.values()].flatMap((list) =>
    list.length <= MAX_LISTED
      ? list
      : [
          ...list.slice(0, MAX_LISTED),
          { ...list[0], itemNo: null, message: `另有${list.length - MAX_LISTED}处同类问题未逐一列出` },
        ],
  );
}

function inCallerScope(caller: Caller, check: FixityCheck): boolean {
  return isSystemCaller(caller) || check.file.divisionCode.startsWith(caller.divisionCode);
}

function toReply(check: FixityCheck): FixityCheckReply {
  return {
    id: check.id,
    fileId: check.file.id,
    householdId: check.file.householdId,
    referenceCode: check.file.referenceCode,
    divisionCode: check.file.divisionCode,
    checkedAt: check.checkedAt.toISOString(),
    trigger: check.trigger,
    checkedBy: check.checkedBy,
    itemsChecked: check.itemsChecked,
    ok: check.ok,
    problems: check.problems,
    sweepId: check.sweep?.id ?? null,
  };
}

/** `fn` over `values` with at most `limit` running at once; results in the input order. */
async function mapLimited<T, R>(values: T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, values.length) }, async () => {
      while (next < values.length) {
        const index = next++;
        results[index] = await fn(values[index]);
      }
    }),
  );
  return results;
}
