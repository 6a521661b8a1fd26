import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { connect, type NatsConnection } from 'nats';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { Client } from 'pg';

import { type Caller, SUBJECTS } from '@app/contracts';
import { fileGenesisHash, householdFileCode, itemCode, itemEntryHash } from '@app/domain';
import { SYSTEM_CALLER, UPLOAD_BUCKET } from '@app/platform';

import { natsRequest } from './support/nats-request';

/**
 * Archive throughput, against the running stack (`npm run up`):
 *  1. Filing: BENCH_DOCUMENTS (2,000) distinct 100 KB PDFs, each put in the JetStream upload bucket, taken in by
 *     `archive.upload.ingest` and filed by `archive.document.file` (an EVIDENCE item, a household file per 10),
 *     BENCH_CONCURRENCY (32) in flight: documents/s and p50/p99 per document.
 *  2. Fixity: a store of BENCH_FIXITY_ITEMS (100,000) items of 20–80 KB — PDFs, 10 per file, 100 files per box,
 *     in the bench county 220198 — generated once straight into PostgreSQL and the blob folder with their hash
 *     chains (later runs top it up), then checked by `archive.fixity.sweep` as an archivist of 220198; and, in the
 *     same run, `sha256sum` over the same blobs. Both read from the page cache.
 *
 *   npm run bench -- archive
 */
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';
const BLOB_DIR = resolve(process.env.ARCHIVE_BLOB_DIR ?? 'var/blobs');
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const FIXITY_ITEMS = Number(process.env.BENCH_FIXITY_ITEMS ?? 100_000);

const COUNTY = '220198';
const ITEMS_PER_FILE = 10;
const FILES_PER_BOX = 100;
const YEAR = 2020;
const ARCHIVIST: Caller = {
  userId: randomUUID(),
  username: 'bench-archivist',
  roles: ['ARCHIVIST'],
  divisionCode: COUNTY,
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A one-page PDF carrying `size` bytes of scan-like data; `stamp(bytes, n)` makes copy n unique, still valid. */
async function pdfTemplate(size: number): Promise<{ bytes: Buffer; stamp: (n: number) => Buffer }> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  const scan = randomBytes(size);
  document.catalog.set(
    PDFName.of('DibaoScan'),
    document.context.register(PDFRawStream.of(document.context.obj({ Length: scan.length }), scan)),
  );
  const bytes = Buffer.from(await document.save({ useObjectStreams: false }));
  const at = bytes.indexOf(scan.subarray(0, 32));
  return {
    bytes,
    stamp: (n: number) => {
      const copy = Buffer.from(bytes);
      copy.write(`${n}`.padStart(16, '0'), at, 'latin1');
      return copy;
    },
  };
}

/** `fn(n)` for n in 0..count-1 with `CONCURRENCY` in flight: the rate and each call's latency. */
async function timed(
  count: number,
  fn: (n: number) => Promise<void>,
): Promise<{ perSecond: number; sorted: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const n = next++;
        const t0 = performance.now();
        await fn(n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: count / ((performance.now() - started) / 1000), sorted: latencies.sort((a, b) => a - b) };
}

const summary = ({ perSecond, sorted }: { perSecond: number; sorted: number[] }, unit: string) =>
  `${perSecond.toFixed(0)} ${unit}/s, p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms`;

async function filing(nats: NatsConnection): Promise<void> {
  const uploads = await nats.jetstream().views.os(UPLOAD_BUCKET);
  const template = await pdfTemplate(100 * 1024);
  const run = randomUUID().slice(0, 8);
  const documents = Array.from({ length: DOCUMENTS }, (_, n) => {
    const bytes = template.stamp(Date.now() * 1000 + n);
    return { bytes, sha256: sha256(bytes) };
  });
  // Ten items per household file, filed far apart in time as a household's steps are (not ten at once).
  const households = Array.from({ length: Math.ceil(DOCUMENTS / ITEMS_PER_FILE) }, () => randomUUID());
  const kb = (template.bytes.length / 1024).toFixed(0);

  const takenIn = await timed(DOCUMENTS, async (n) => {
    const name = `bench-${run}-${n}`;
    await uploads.putBlob({ name }, documents[n].bytes);
    await natsRequest(
      nats,
      SUBJECTS.archive.uploadIngest,
      { uploadName: name, sha256: documents[n].sha256 },
      SYSTEM_CALLER,
    );
  });
  console.log(
    `upload: ${DOCUMENTS} PDFs of ${kb} KB put in the JetStream upload bucket and taken in by archive.upload.ingest, ${CONCURRENCY} in flight: ${summary(takenIn, 'documents')}`,
  );
  const filed = await timed(DOCUMENTS, async (n) => {
    await natsRequest(
      nats,
      SUBJECTS.archive.documentFile,
      {
        idempotencyKey: `bench-file-${run}-${n}`,
        householdId: households[n % households.length],
        divisionCode: '220102001001',
        applicationId: randomUUID(),
        workflowId: `bench-archive-${run}`,
        step: 'evidence',
        documentType: 'EVIDENCE',
        createdBy: 'bench',
        evidence: {
          sha256: documents[n].sha256,
          mediaType: 'application/pdf',
          evidenceType: 'INCOME_PROOF',
          originalName: 'scan.pdf',
        },
      },
      SYSTEM_CALLER,
    );
  });
  console.log(
    `filing: ${DOCUMENTS} PDFs of ${kb} KB filed by archive.document.file (content hashed and opened, item chained, ${households.length} household files), ${CONCURRENCY} in flight: ${summary(filed, 'documents')}`,
  );
}

/** Files of the bench store, straight into PostgreSQL and the blob folder, chained as the archive chains them. */
async function topUpFixityStore(db: Client): Promise<void> {
  const [{ items }] = (
    await db.query<{ items: string }>(`select count(*) as items from archive.document where reference_code like $1`, [
      `${COUNTY}-%`,
    ])
  ).rows;
  const have = Number(items);
  const filesWanted = Math.ceil(FIXITY_ITEMS / ITEMS_PER_FILE);
  const filesHave = Math.floor(have / ITEMS_PER_FILE);
  if (filesHave >= filesWanted) {
    console.log(`fixity store: ${have} items in ${COUNTY} (kept from an earlier run)`);
    return;
  }
  const templates = await Promise.all([20, 30, 40, 50, 60, 70, 80].map((kb) => pdfTemplate(kb * 1024)));
  const started = performance.now();
  const filedAt = new Date();
  const salt = Date.now();
  for (let fileIndex = filesHave; fileIndex < filesWanted; fileIndex += FILES_PER_BOX) {
    const files: unknown[][] = [];
    const documents: unknown[][] = [];
    const box = Math.floor(fileIndex / FILES_PER_BOX) + 1;
    const communityCode = `${COUNTY}001${String(box).padStart(3, '0')}`;
    for (let seq = 1; seq <= FILES_PER_BOX; seq += 1) {
      const fileId = randomUUID();
      const householdId = randomUUID();
      const fileCode = householdFileCode({ communityCode, year: YEAR, seq });
      let head = fileGenesisHash(fileCode);
      for (let itemNo = 1; itemNo <= ITEMS_PER_FILE; itemNo += 1) {
        const template = templates[(seq * 7 + itemNo) % templates.length];
        const bytes = template.stamp(salt * 1_000_000 + (fileIndex + seq) * 100 + itemNo);
        const hash = sha256(bytes);
        const folder = join(BLOB_DIR, hash.slice(0, 2), hash.slice(2, 4));
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, hash), bytes);
        const fields = {
          fileCode,
          itemNo,
          itemCode: itemCode(fileCode, itemNo),
          householdId,
          applicationId: randomUUID(),
          divisionCode: communityCode,
          documentType: 'EVIDENCE',
          archiveClass: 'APPROVAL',
          title: '收入证明（scan.pdf）',
          mediaType: 'application/pdf',
          sha256: hash,
          sizeBytes: bytes.length,
          pageCount: 1,
          workflowId: 'bench-fixity',
          step: 'evidence',
          createdBy: 'bench',
          filedAt: filedAt.toISOString(),
          supersedesItemNo: null,
        };
        head = itemEntryHash(head, fields);
        documents.push([
          randomUUID(),
          filedAt,
          filedAt,
          fileId,
          itemNo,
          householdId,
          fields.applicationId,
          fields.itemCode,
          fields.documentType,
          fields.archiveClass,
          fields.title,
          fields.mediaType,
          hash,
          bytes.length,
          1,
          fields.workflowId,
          fields.step,
          fields.createdBy,
          `bench-fixity-${fields.itemCode}`,
          sha256(Buffer.from(fields.itemCode)),
          filedAt,
          head,
          null,
        ]);
      }
      files.push([
        fileId,
        filedAt,
        filedAt,
        householdId,
        communityCode,
        ITEMS_PER_FILE,
        fileCode,
        COUNTY,
        YEAR,
        seq,
        communityCode.slice(0, 9),
        head,
        ITEMS_PER_FILE,
      ]);
    }
    await db.query('begin');
    await insertRows(
      db,
      'archive.archive_file',
      'id, created_at, updated_at, household_id, division_code, item_count, reference_code, fonds_code, opened_year, box_seq, cabinet_code, head_hash, page_count',
      files,
    );
    await insertRows(
      db,
      'archive.document',
      'id, created_at, updated_at, file_id, item_no, household_id, application_id, reference_code, document_type, archive_class, title, media_type, sha256, size_bytes, page_count, workflow_id, step, created_by, idempotency_key, request_hash, filed_at, entry_hash, supersedes_id',
      documents,
    );
    await db.query(
      `insert into archive.box_sequence (box_code, year, last_seq) values ($1, $2, $3)
       on conflict (box_code, year) do update set last_seq = greatest(archive.box_sequence.last_seq, excluded.last_seq)`,
      [communityCode, YEAR, FILES_PER_BOX],
    );
    await db.query('commit');
  }
  const made = (filesWanted - filesHave) * ITEMS_PER_FILE;
  console.log(
    `fixity store: generated ${made} items (${filesWanted - filesHave} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function insertRows(db: Client, table: string, columns: string, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const width = batch[0].length;
    const values = batch
      .map((_, row) => `(${Array.from({ length: width }, (__, column) => `$${row * width + column + 1}`).join(', ')})`)
      .join(', ');
    await db.query(`insert into ${table} (${columns}) values ${values}`, batch.flat());
  }
}

async function fixity(nats: NatsConnection, db: Client): Promise<void> {
  await topUpFixityStore(db);
  const { rows } = await db.query<{ sha256: string; size_bytes: string }>(
    `select d.sha256, d.size_bytes from archive.document d join archive.archive_file f on f.id = d.file_id
      where f.division_code like $1 and f.disposed_at is null`,
    [`${COUNTY}%`],
  );
  const bytes = rows.reduce((sum, row) => sum + Number(row.size_bytes), 0);
  const list = join(BLOB_DIR, '..', 'bench-fixity-blobs.txt');
  writeFileSync(
    list,
    rows.map((row) => join(BLOB_DIR, row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256)).join('\n'),
  );
  // Warm the page cache for both alike, then time sha256sum.
  execFileSync('bash', ['-c', `xargs -a '${list}' cat > /dev/null`]);
  const t0 = performance.now();
  execFileSync('bash', ['-c', `xargs -a '${list}' sha256sum > /dev/null`]);
  const shaSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const sweep = await natsRequest<{ filesChecked: number; itemsChecked: number; filesWithProblems: number }>(
    nats,
    SUBJECTS.archive.fixitySweep,
    {},
    ARCHIVIST,
    60 * 60_000,
  );
  const sweepSeconds = (performance.now() - t1) / 1000;
  const mb = bytes / 1e6;
  console.log(
    `fixity sweep: ${sweep.filesChecked} files, ${sweep.itemsChecked} items, ${mb.toFixed(0)} MB in ${sweepSeconds.toFixed(1)} s: ` +
      `${(mb / sweepSeconds).toFixed(0)} MB/s, ${(sweep.itemsChecked / sweepSeconds).toFixed(0)} items/s ` +
      `(content hashes, chain, numbering; content re-opened only where it did not open at filing; ${sweep.filesWithProblems} files with problems)`,
  );
  console.log(
    `sha256sum over the same ${rows.length} blobs: ${shaSeconds.toFixed(1)} s: ${(mb / shaSeconds).toFixed(0)} MB/s, ` +
      `${(rows.length / shaSeconds).toFixed(0)} items/s → the sweep runs at ${((mb / sweepSeconds / (mb / shaSeconds)) * 100).toFixed(0)} % of sha256sum`,
  );
}

async function main(): Promise<void> {
  const nats = await connect({ servers: NATS_SERVERS });
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await filing(nats);
    await fixity(nats, db);
  } finally {
    await db.end();
    await nats.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
