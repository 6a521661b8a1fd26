import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Client } from 'pg';

import { BENCH_ENROLMENT_KEY, BENCH_FIRST_MONTH } from './bench-enrolments';

/**
 * Full histories for the bench enrolments, written with set-based SQL straight into each service's tables (a
 * fixture, not a measured path), shaped as the services write them after a chain: for every household its
 * members (valid ID numbers, name grams), an approved application, the three decided steps, the assessment, the
 * ENROL decision on the enrolment, and an archive file of twelve items (each step's document and four pieces of
 * evidence) chained as the archive chains them — entry = sha256(previous ‖ the item's fields as a JSON array) —
 * so a fixity check of any file holds. The histories are set in 2999 (submitted in September–October, approved
 * within three weeks), ahead of the bench enrolments' first month, 3000-01.
 */

/** The file's twelve items, in filing order: minutes after submission, who files it, and the document. */
const ITEM_KINDS = [
  {
    type: 'APPLICATION_RECEIVED',
    title: '最低生活保障申请受理回执',
    step: 'application-received',
    by: 'system',
    at: 0,
    pages: 1,
  },
  { type: 'EVIDENCE', title: '居民身份证（id-card.pdf）', step: 'evidence:id-card', by: 'community', at: 5, pages: 1 },
  { type: 'EVIDENCE', title: '户口簿（hukou.pdf）', step: 'evidence:hukou', by: 'community', at: 6, pages: 2 },
  { type: 'EVIDENCE', title: '收入证明（income.pdf）', step: 'evidence:income', by: 'community', at: 7, pages: 1 },
  {
    type: 'ASSESSMENT_REPORT',
    title: '家庭经济状况核对认定结果',
    step: 'assessment:1',
    by: 'system',
    at: 60,
    pages: 2,
  },
  {
    type: 'EVIDENCE',
    title: '入户调查记录及照片（survey.pdf）',
    step: 'evidence:survey',
    by: 'community',
    at: 1440,
    pages: 3,
  },
  { type: 'COMMUNITY_OPINION', title: '社区（村）初审意见', step: 'community:1', by: 'community', at: 2880, pages: 1 },
  {
    type: 'PUBLICITY_NOTICE',
    title: '最低生活保障初审意见公示',
    step: 'publicity:1',
    by: 'system',
    at: 2881,
    pages: 1,
  },
  { type: 'STREET_REVIEW', title: '街道（乡镇）审核意见', step: 'street:1', by: 'street', at: 17280, pages: 1 },
  { type: 'COUNTY_CONFIRMATION', title: '县级审核确认意见', step: 'county:1', by: 'county', at: 28800, pages: 1 },
  { type: 'APPROVAL_NOTICE', title: '最低生活保障确认通知书', step: 'outcome', by: 'county', at: 28801, pages: 1 },
  {
    type: 'POST_APPROVAL_PUBLICITY',
    title: '最低生活保障对象公示',
    step: 'post-approval-publicity',
    by: 'system',
    at: 30240,
    pages: 1,
  },
] as const;

export const ITEMS_PER_FILE = ITEM_KINDS.length;

const ACTORS: Record<string, string> = {
  system: 'system',
  community: 'bench-community',
  street: 'bench-street',
  county: 'bench-county',
};

// Surnames weighted roughly by frequency, given-name characters common in the north-east.
const SURNAMES = [
  ...'王王王王李李李李张张张张刘刘刘陈陈杨杨黄赵赵吴周徐孙孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣佳雪琳晶颖玲婷慧莉淑珍凤春海鹏亮辉志东福生文博丹阳琴云飞晓宏德胜',
];

/** One PDF per kind of item, in the archive's blob store (content-addressed, as the archive stores them). */
export async function writeItemBlobs(
  blobDir: string,
): Promise<Array<{ sha256: string; sizeBytes: number; pages: number }>> {
  return Promise.all(
    ITEM_KINDS.map(async (kind, index) => {
      const document = await PDFDocument.create();
      const font = await document.embedFont(StandardFonts.Helvetica);
      for (let page = 0; page < kind.pages; page += 1) {
        document
          .addPage([595, 842])
          .drawText(`dibao benchmark: ${kind.type} #${index + 1}, page ${page + 1}`, { x: 60, y: 780, size: 12, font });
      }
      document.setCreationDate(new Date('2999-09-01T00:00:00Z'));
      document.setModificationDate(new Date('2999-09-01T00:00:00Z'));
      const bytes = Buffer.from(await document.save());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const folder = join(blobDir, sha256.slice(0, 2), sha256.slice(2, 4));
      if (!existsSync(join(folder, sha256))) {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, sha256), bytes);
      }
      return { sha256, sizeBytes: bytes.length, pages: kind.pages };
    }),
  );
}

/** The ID number's check character (GB 11643), as SQL; checked against the domain's rule by the bench. */
const ID_CHECK_FUNCTION = `
  create or replace function bench.id_check(id17 text) returns text language sql immutable as $$
    select substr('10X98765432', (sum(substr(id17, i, 1)::int
                  * (array[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])[i]) % 11)::int + 1, 1)
      from generate_series(1, 17) as i $$`;

/** The households of the slice that have no history yet, with what each history needs. */
const SLICE = `
  create temp table g on commit drop as
  select s.*,
         -- Household sizes: 1 (35 %), 2 (30 %), 3 (20 %), 4 (10 %), 5 (5 %).
         (array[1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5])[1 + s.k % 20] as size,
         'approval-chain-' || s.application_id as workflow_id,
         'SQ-' || s.county || '-2999-' || lpad((coalesce(c.last_no, 0)
           + row_number() over (partition by s.county order by s.k))::text, 6, '0') as application_no,
         coalesce(b.last_seq, 0) + row_number() over (partition by s.division order by s.k) as box_seq
    from (select e.id as enrolment_id, e.household_id, e.division_code as division, left(e.division_code, 6) as county,
                 e.bank_code, e.account_no, t.base_fen, t.supplement_fen, e.first_month,
                 substr(e.idempotency_key, ${BENCH_ENROLMENT_KEY.length + 1})::int as k,
                 md5('bench-application-' || e.id)::uuid as application_id,
                 md5('bench-file-' || e.id)::uuid as file_id,
                 timestamptz '2999-09-01 01:00:00+00'
                   + make_interval(days => substr(e.idempotency_key, ${BENCH_ENROLMENT_KEY.length + 1})::int % 45,
                                   mins => substr(e.idempotency_key, ${BENCH_ENROLMENT_KEY.length + 1})::int % 480) as t0
            from payment.enrolment e
            join payment.enrolment_term t on t.enrolment_id = e.id
           where e.idempotency_key like '${BENCH_ENROLMENT_KEY}%'
             and substr(e.idempotency_key, ${BENCH_ENROLMENT_KEY.length + 1})::int between $1 and $2
             and not exists (select 1 from intake.household h where h.id = e.household_id)) s
    left join intake.application_counter c on c.county_code = s.county and c.year = 2999
    left join archive.box_sequence b on b.box_code = s.division and b.year = 2999`;

/**
 * Members: the head and the spouse born 1931–1936, children 1986–1994 — birth date and sequence taken from the
 * household's number, so every ID number is distinct (and clear of the other benchmarks' 1940–1985, 2000–2020).
 */
const MEMBERS = `
  create temp table gp on commit drop as
  select x.*, x.id17 || bench.id_check(x.id17) as id_number,
         case when substr(x.id17, 17, 1)::int % 2 = 1 then 'M' else 'F' end as sex,
         x.c1 || x.c2 || x.c3 as name,
         array(select distinct gram from unnest(array[x.c1, x.c2, x.c3, x.c1 || x.c2, x.c2 || x.c3]) as gram
                where gram <> '') as name_grams
    from (select g.household_id, g.k, g.t0, g.county, m.m,
                 md5('bench-person-' || g.household_id || '-' || m.m)::uuid as person_id,
                 g.county || to_char(m.birth, 'YYYYMMDD') || lpad((m.j % 1000)::text, 3, '0') as id17, m.birth,
                 ($1::text[])[1 + abs(hashtext('s' || g.k || case when m.m = 2 then '-2' else '' end))
                   % array_length($1::text[], 1)] as c1,
                 ($2::text[])[1 + abs(hashtext('a' || g.k || '-' || m.m)) % array_length($2::text[], 1)] as c2,
                 case when abs(hashtext('n' || g.k || '-' || m.m)) % 100 < 65
                      then ($2::text[])[1 + abs(hashtext('b' || g.k || '-' || m.m)) % array_length($2::text[], 1)]
                      else '' end as c3
            from g
           cross join lateral (
             select n as m, j, case when n <= 2 then date '1931-01-01' else date '1986-01-01' end + (j / 1000)::int as birth
               from generate_series(1, g.size) as n
              cross join lateral (select case when n <= 2 then g.k * 2 + n - 1 else g.k * 3 + n - 3 end as j) as jj
           ) as m) as x`;

const INSERT_PEOPLE = [
  `insert into intake.person (id, created_at, updated_at, id_number, id_kind, name, name_grams, sex, birth_date)
   select person_id, t0, t0, id_number, 'CITIZEN', name, name_grams, sex, birth from gp`,
  `insert into intake.household (id, created_at, updated_at, division_code, household_no, status)
   select household_id, t0, t0 + interval '21 days', division,
          'HH-' || division || '-' || lpad(nextval('intake.household_no_seq')::text, 7, '0'), 'ACTIVE'
     from g order by k`,
  `insert into intake.household_member (id, created_at, updated_at, household_id, person_id, relationship, is_head,
     health, work_capacity, schooling, active)
   select md5('bench-member-' || household_id || '-' || m)::uuid, t0, t0, household_id, person_id,
          (array['02', '10', '20', '30', '50'])[m], m = 1,
          case when m <= 2 then (array['CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'HEALTHY'])[1 + (k + m) % 3] else 'HEALTHY' end,
          case when m <= 2 then 'NONE' else (array['FULL', 'PARTIAL'])[1 + k % 2] end,
          case when m <= 2 then 'NONE' else (array['JUNIOR_SECONDARY', 'SENIOR_SECONDARY'])[1 + m % 2] end, true
     from gp`,
];

const INSERT_APPLICATIONS = [
  `insert into intake.application (id, created_at, updated_at, application_no, idempotency_key, request_hash,
     household_id, division_code, applicant_name, applicant_id_number, household_size, reason, status, workflow_id,
     workflow_started_at, submitted_at, details, conflict_of_interest)
   select g.application_id, g.t0, g.t0 + interval '20 days', g.application_no, 'bench-dossier-' || g.k,
          encode(sha256(convert_to('bench-dossier-' || g.k, 'UTF8')), 'hex'), g.household_id, g.division,
          h.name, h.id_number, g.size,
          (array['家庭主要劳动力因病丧失劳动能力', '年老体弱，无固定收入来源', '重度残疾，无劳动能力',
                 '家庭成员患重病，医疗支出大'])[1 + g.k % 4],
          'APPROVED', g.workflow_id, g.t0, g.t0,
          jsonb_build_object('paymentAccount', jsonb_build_object('bankCode', g.bank_code, 'accountNo', g.account_no,
            'holderIdNumber', h.id_number), 'dataCheckConsent', true), false
     from g join gp h on h.household_id = g.household_id and h.m = 1`,
  `insert into intake.application_counter (county_code, year, last_no)
   select county, 2999, count(*) from g group by county
   on conflict (county_code, year) do update set last_no = intake.application_counter.last_no + excluded.last_no`,
];

/** The three decided steps; each names the archived document of its decision (items 7, 9 and 10). */
const INSERT_STEPS = `
  insert into approval.task (id, created_at, updated_at, application_id, application_no, household_id, division_code,
    workflow_id, stage, role, attempt, status, opened_at, due_date, outcome, opinion, decided_by, decided_at,
    document_id, decision_key, decision_reply)
  select md5('bench-task-' || g.household_id || '-' || s.stage)::uuid, g.t0 + s.opened, g.t0 + s.decided,
         g.application_id, g.application_no, g.household_id, g.division, g.workflow_id, s.stage, s.role, 1, 'DONE',
         g.t0 + s.opened, (g.t0 + s.opened + interval '14 days')::date, 'APPROVE', s.opinion, s.actor,
         g.t0 + s.decided, md5('bench-document-' || g.household_id || '-' || s.item)::uuid,
         md5('bench-decision-' || g.household_id || '-' || s.stage)::uuid::text,
         jsonb_build_object('next', s.next, 'taskId', md5('bench-task-' || g.household_id || '-' || s.stage)::uuid,
           'decision', 'APPROVE', 'documentId', md5('bench-document-' || g.household_id || '-' || s.item)::uuid)
    from g
   cross join (values
     ('COMMUNITY', 'COMMUNITY_CASEWORKER', interval '1 hour', interval '2 days', 7, 'PUBLICITY', 'bench-community',
      '经入户调查，家庭人均收入低于当地低保标准，同意上报。'),
     ('STREET', 'STREET_REVIEWER', interval '9 days', interval '12 days', 9, 'COUNTY', 'bench-street', '材料齐全，审核同意。'),
     ('COUNTY', 'COUNTY_APPROVER', interval '12 days', interval '20 days', 10, 'APPROVED', 'bench-county',
      '审核确认，同意纳入低保。')) as s(stage, role, opened, decided, item, next, actor, opinion)`;

const yuan = (fen: string) => `to_char((${fen}) / 100.0, 'FM9999990.00') || '元'`;

/** The assessment the chain ran, with the rules' explanation as the eligibility service words it. */
const INSERT_ASSESSMENTS = `
  insert into eligibility.assessment (id, created_at, updated_at, idempotency_key, household_id, application_id,
    division_code, urban_rural, at, standard_id, policy_id, input_hash, input, result, created_by)
  select md5('bench-assessment-' || g.household_id)::uuid, g.t0 + interval '1 hour', g.t0 + interval '1 hour',
         g.workflow_id || ':assessment:1', g.household_id, g.application_id, g.division, 'URBAN',
         (g.t0 + interval '1 hour')::date, $1::uuid, $2::uuid,
         encode(sha256(convert_to(mem.members::text, 'UTF8')), 'hex'),
         jsonb_build_object('at', (g.t0 + interval '1 hour')::date, 'assets', '[]'::jsonb, 'incomes', '[]'::jsonb,
                            'members', mem.members, 'deductions', '[]'::jsonb),
         jsonb_build_object(
           'rules', jsonb_build_array(
             jsonb_build_object('code', 'INCOME', 'passed', true, 'text',
               '家庭月收入按计入项目合计' || ${yuan('a.income * g.size')} || '；共同生活家庭成员' || g.size
               || '人，人均月收入' || ${yuan('a.income')}),
             jsonb_build_object('code', 'INCOME_BELOW_STANDARD', 'passed', true, 'text',
               '人均月收入' || ${yuan('a.income')} || '低于当地低保标准770.00元'),
             jsonb_build_object('code', 'MONEY_ASSETS', 'passed', true, 'text',
               '人均金融资产0.00元未超过当地年低保标准的3倍（27720.00元）'),
             jsonb_build_object('code', 'VEHICLES', 'passed', true, 'text',
               '无机动车辆、船舶（残疾人功能性补偿代步机动车辆、摩托车除外）'),
             jsonb_build_object('code', 'DWELLINGS', 'passed', true, 'text', '住房1套，当地规定不超过1套'),
             jsonb_build_object('code', 'BUSINESS_PROPERTY', 'passed', true, 'text', '无非住宅房产和工商注册登记'),
             jsonb_build_object('code', 'BASE_GAP', 'passed', true, 'text',
               '按差额计算：（770.00元 − ' || ${yuan('a.income')} || '）× ' || g.size || '人 = ' || ${yuan('g.base_fen')}),
             jsonb_build_object('code', 'TOTAL', 'passed', true, 'text',
               '保障金' || ${yuan('g.base_fen')} || ' + 分类施保金' || ${yuan('g.supplement_fen')} || '，合计每月'
               || ${yuan('g.base_fen + g.supplement_fen')})),
           'margin', false, 'eligible', true, 'policyId', $2::text, 'standardId', $1::text, 'standardFen', 77000,
           'householdSize', g.size, 'baseFen', g.base_fen, 'supplementsFen', g.supplement_fen,
           'totalFen', g.base_fen + g.supplement_fen, 'householdIncomeFen', a.income * g.size,
           'perCapitaIncomeFen', a.income),
         'system'
    from g
    join (select household_id, jsonb_agg(jsonb_build_object('idNumber', id_number, 'birthDate', birth,
                   'health', 'HEALTHY', 'disabilityGrade', null) order by m) as members
            from gp group by household_id) as mem on mem.household_id = g.household_id
   cross join lateral (select greatest(0, 77000 - g.base_fen / g.size) as income) as a`;

/** The enrolment's ENROL decision (the bench terms already name it by the enrolment's id) and its head. */
const ENROL_DECISIONS = [
  `insert into payment.enrolment_change (id, created_at, updated_at, idempotency_key, enrolment_id, kind,
     effective_month, base_fen, supplement_fen, decision, actor_id, actor_name, request_hash)
   select g.enrolment_id, g.t0 + interval '20 days', g.t0 + interval '20 days', g.workflow_id || ':enrolment',
          g.enrolment_id, 'ENROL', g.first_month, g.base_fen, g.supplement_fen, g.workflow_id || ' 县级审核确认',
          'system', 'system', encode(sha256(convert_to(g.workflow_id || ':enrolment', 'UTF8')), 'hex')
     from g
   on conflict (idempotency_key) do nothing`,
  `update payment.enrolment e set application_id = g.application_id, head_name = h.name, head_id_number = h.id_number
     from g join gp h on h.household_id = g.household_id and h.m = 1
    where e.id = g.enrolment_id`,
];

/** The household's file in its community's box for 2999, and its items' fields as the chain covers them. */
const ARCHIVE_STAGING = [
  `create temp table gf on commit drop as
   select g.*, x.file_code,
          encode(sha256(convert_to('dibao-archive-file/v1' || chr(10) || x.file_code, 'UTF8')), 'hex') as genesis
     from g
    cross join lateral (select left(g.division, 6) || '-DB·2999-D5-' || left(g.division, 9) || '·'
                               || right(g.division, 3) || '-' || lpad(g.box_seq::text, 4, '0') as file_code) as x`,
  `create temp table gi on commit drop as
   select f.file_id, f.household_id, f.application_id, f.division, f.workflow_id, f.file_code, d.*,
          md5('bench-document-' || f.household_id || '-' || d.item_no)::uuid as id,
          f.file_code || '-' || lpad(d.item_no::text, 4, '0') as item_code,
          f.t0 + make_interval(mins => d.at) as filed_at,
          '[' || to_json(f.file_code)::text || ',' || d.item_no || ','
              || to_json(f.file_code || '-' || lpad(d.item_no::text, 4, '0'))::text || ','
              || to_json(f.household_id::text)::text || ',' || to_json(f.application_id::text)::text || ','
              || to_json(f.division)::text || ',' || to_json(d.document_type)::text || ',"APPROVAL",'
              || to_json(d.title)::text || ',"application/pdf",' || to_json(d.sha256)::text || ','
              || d.size_bytes || ',' || d.page_count || ',' || to_json(f.workflow_id)::text || ','
              || to_json(d.step)::text || ',' || to_json(d.created_by)::text || ','
              || to_json(to_char((f.t0 + make_interval(mins => d.at)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
              || ',null]' as fields
     from gf f
    cross join jsonb_to_recordset($1::jsonb) as d(item_no int, document_type text, title text, step text,
               created_by text, at int, sha256 text, size_bytes int, page_count int)`,
  `create index on gi (file_id, item_no)`,
  // The chain, one item of every file at a time: entry = sha256(previous entry ‖ fields), from the genesis.
  `create temp table gh on commit drop as
   with recursive chain (file_id, item_no, hash) as (
     select i.file_id, i.item_no, encode(sha256(convert_to(f.genesis || i.fields, 'UTF8')), 'hex')
       from gi i join gf f on f.file_id = i.file_id where i.item_no = 1
     union all
     select i.file_id, i.item_no, encode(sha256(convert_to(c.hash || i.fields, 'UTF8')), 'hex')
       from chain c join gi i on i.file_id = c.file_id and i.item_no = c.item_no + 1)
   select * from chain`,
];

const INSERT_ARCHIVE = [
  `insert into archive.archive_file (id, created_at, updated_at, household_id, division_code, item_count,
     reference_code, fonds_code, opened_year, box_seq, cabinet_code, head_hash, page_count)
   select f.file_id, f.t0, f.t0 + interval '21 days', f.household_id, f.division, ${ITEM_KINDS.length}, f.file_code,
          left(f.division, 6), 2999, f.box_seq, left(f.division, 9), h.hash,
          ${ITEM_KINDS.reduce((sum, kind) => sum + kind.pages, 0)}
     from gf f join gh h on h.file_id = f.file_id and h.item_no = ${ITEM_KINDS.length}`,
  `insert into archive.box_sequence (box_code, year, last_seq)
   select division, 2999, max(box_seq) from g group by division
   on conflict (box_code, year) do update set last_seq = greatest(archive.box_sequence.last_seq, excluded.last_seq)`,
  `insert into archive.document (id, created_at, updated_at, file_id, item_no, household_id, application_id,
     document_type, title, media_type, sha256, size_bytes, workflow_id, step, created_by, idempotency_key,
     request_hash, filed_at, reference_code, archive_class, page_count, entry_hash)
   select i.id, i.filed_at, i.filed_at, i.file_id, i.item_no, i.household_id, i.application_id, i.document_type,
          i.title, 'application/pdf', i.sha256, i.size_bytes, i.workflow_id, i.step, i.created_by,
          i.workflow_id || ':' || i.step, encode(sha256(convert_to(i.fields, 'UTF8')), 'hex'), i.filed_at,
          i.item_code, 'APPROVAL', i.page_count, h.hash
     from gi i join gh h on h.file_id = i.file_id and h.item_no = i.item_no
    order by i.file_id, i.item_no`,
];

/**
 * Writes the histories of bench enrolments 1..count that have none yet, `slice` households per transaction (a
 * slice is all or nothing, so an interrupted load resumes where it stopped).
 */
export async function loadHistories(
  db: Client,
  count: number,
  blobs: Array<{ sha256: string; sizeBytes: number; pages: number }>,
  { slice = 100_000, log = console.log } = {},
): Promise<void> {
  const { rows } = await db.query(
    `select count(*)::int as missing from payment.enrolment e
      where e.idempotency_key like '${BENCH_ENROLMENT_KEY}%'
        and substr(e.idempotency_key, ${BENCH_ENROLMENT_KEY.length + 1})::int <= $1
        and not exists (select 1 from intake.household h where h.id = e.household_id)`,
    [count],
  );
  if (rows[0].missing === 0) {
    log(`histories: all ${count.toLocaleString()} bench households have theirs (kept from an earlier run)`);
    return;
  }
  const [{ id: standardId }] = (await db.query(`select id from eligibility.standard order by created_at limit 1`)).rows;
  const [{ id: policyId }] = (await db.query(`select id from eligibility.policy order by created_at limit 1`)).rows;
  const kinds = JSON.stringify(
    ITEM_KINDS.map((kind, index) => ({
      item_no: index + 1,
      document_type: kind.type,
      title: kind.title,
      step: kind.step,
      created_by: ACTORS[kind.by],
      at: kind.at,
      sha256: blobs[index].sha256,
      size_bytes: blobs[index].sizeBytes,
      page_count: blobs[index].pages,
    })),
  );
  await db.query('create schema if not exists bench');
  await db.query(ID_CHECK_FUNCTION);
  const started = performance.now();
  let written = 0;
  for (let lo = 1; lo <= count; lo += slice) {
    const hi = Math.min(count, lo + slice - 1);
    const t0 = performance.now();
    await db.query('begin');
    try {
      await db.query(SLICE, [lo, hi]);
      const [{ n }] = (await db.query(`select count(*)::int as n from g`)).rows;
      if (n === 0) {
        await db.query('rollback');
        continue;
      }
      written += n as number;
      await db.query('analyze g');
      await db.query(MEMBERS, [SURNAMES, GIVEN]);
      for (const sql of [...INSERT_PEOPLE, ...INSERT_APPLICATIONS, INSERT_STEPS]) {
        await db.query(sql);
      }
      await db.query(INSERT_ASSESSMENTS, [standardId, policyId]);
      for (const sql of ENROL_DECISIONS) {
        await db.query(sql);
      }
      await db.query(ARCHIVE_STAGING[0]);
      await db.query(ARCHIVE_STAGING[1], [kinds]);
      for (const sql of [...ARCHIVE_STAGING.slice(2), ...INSERT_ARCHIVE]) {
        await db.query(sql);
      }
      await db.query('commit');
    } catch (error) {
      await db.query('rollback');
      throw error;
    }
    log(
      `  histories ${lo.toLocaleString()}–${hi.toLocaleString()} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  for (const table of [
    'intake.person',
    'intake.household',
    'intake.household_member',
    'intake.application',
    'approval.task',
    'eligibility.assessment',
    'payment.enrolment_change',
    'archive.archive_file',
    'archive.document',
  ]) {
    await db.query(`analyze ${table}`);
  }
  log(
    `histories: ${written.toLocaleString()} households written (fixture) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** `YYYY-MM` of the bench's n-th payment month (0 = 3000-01). */
export function benchMonth(n: number): string {
  const [year, month] = BENCH_FIRST_MONTH.split('-').map(Number);
  const index = year * 12 + month - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A settled month for every bench enrolment: the month's ledger table made by the payment service
 * (`payment.payroll.plan`), the lines written into it already answered by the bank (about 1.5 % failed with a
 * reason; those of months before `lastMonth` carried once and failed again), sealed by the service
 * (`payment.payroll.seal`), and the month's batches recorded as settled. A month
 * already sealed (an earlier run, or paid by the payroll benchmark) gets only the lines its bench enrolments lack.
 */
export async function loadPaidMonth(
  db: Client,
  month: string,
  lastMonth: string,
  request: (subject: 'plan' | 'seal', month: string) => Promise<unknown>,
): Promise<number> {
  const table = `payroll_line_${month.replace('-', '')}`;
  const { rows } = await db.query(
    `select c.relispartition as sealed from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'payment_ledger' and c.relname = $1`,
    [table],
  );
  const sealed = rows[0]?.sealed === true;
  if (sealed) {
    const [{ lines, enrolments }] = (
      await db.query(
        `select (select count(*) from payment_ledger.${table} where enrolment_id in
                  (select id from payment.enrolment where idempotency_key like '${BENCH_ENROLMENT_KEY}%'))::int as lines,
                (select count(*) from payment.enrolment where idempotency_key like '${BENCH_ENROLMENT_KEY}%'
                    and first_month <= $1::date)::int as enrolments`,
        [`${month}-01`],
      )
    ).rows;
    if (lines >= enrolments) {
      return 0;
    }
  }
  if (!sealed) {
    await request('plan', month);
  }
  const prefix = month.replace('-', '');
  // Loading: the month's table has no index yet, so it is written once, whole; sealed: only what is missing.
  const missing = sealed
    ? `not exists (select 1 from payment.payroll_line l where l.household_id = e.household_id and l.month = $1::date)`
    : `not exists (select 1 from payment_ledger.${table})`;
  const inserted = await db.query(
    `insert into ${sealed ? 'payment.payroll_line' : `payment_ledger.${table}`} (month, enrolment_id, household_id,
       division_code, bank_code, account_no, account_name, base_fen, supplement_fen, amount_fen, status, batch_id,
       attempt, failure_code, failure_reason, bank_reference, settled_at)
     select $1::date, e.id, e.household_id, e.division_code, e.bank_code, e.account_no, e.head_name, t.base_fen,
            t.supplement_fen, t.base_fen + t.supplement_fen, case when f.failed then 'FAILED' else 'PAID' end,
            '${prefix}-' || e.bank_code || '-' || lpad((coalesce(b.seq, 0) + 1
              + (row_number() over (partition by e.bank_code order by e.id) - 1) / 10000)::text, 4, '0'),
            -- A failure of the last month waits to be carried into the next payroll (attempt 1); one of an earlier
            -- month was carried once already and failed again, waiting for the account to be corrected.
            case when f.failed and $1::date < $2::date then 2 else 1 end,
            case when f.failed then (array['ACCOUNT_CLOSED', 'NAME_MISMATCH', 'ACCOUNT_FROZEN'])[1 + f.h % 3] end,
            case when f.failed then (array['账户已销户', '户名不符', '账户冻结'])[1 + f.h % 3] end,
            case when not f.failed then 'B${prefix}' || substr(e.id::text, 1, 8) end,
            $1::date + interval '9 days 10 hours'
       from payment.enrolment e
       join payment.enrolment_term t on t.enrolment_id = e.id
       left join (select bank_code, max(seq) as seq from payment.payment_batch where month = $1::date group by bank_code) b
         on b.bank_code = e.bank_code
      cross join lateral (select abs(hashtext(e.id::text || $1::date::text)) as h) as hh
      cross join lateral (select hh.h % 1000 < 15 as failed, hh.h) as f
      where e.idempotency_key like '${BENCH_ENROLMENT_KEY}%' and t.state = 'ACTIVE'
        and t.from_month <= $1::date and (t.to_month is null or t.to_month > $1::date) and ${missing}
      order by e.id`,
    [`${month}-01`, `${lastMonth}-01`],
  );
  if (!sealed) {
    await request('seal', month);
  }
  await db.query(
    `insert into payment.payment_batch (id, month, bank_code, seq, kind, status, line_count, total_fen, created_at,
       acknowledged_at, settled_at)
     select batch_id, $1::date, bank_code, split_part(batch_id, '-', 3)::int, 'REGULAR', 'SETTLED', count(*),
            sum(amount_fen), $1::date + interval '5 days', $1::date + interval '6 days', $1::date + interval '9 days 10 hours'
       from payment_ledger.${table} where batch_id is not null
       group by batch_id, bank_code
     on conflict (id) do nothing`,
    [`${month}-01`],
  );
  if ((inserted.rowCount ?? 0) > 0) {
    await db.query(`analyze payment_ledger.${table}`);
  }
  return inserted.rowCount ?? 0;
}
