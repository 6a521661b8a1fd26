import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { terminateChains } from '@test/support/chains';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';

/**
 * The one-time notice of missing materials (一次性告知) on a draft, with the real archive: filed the moment it is
 * given, once, never asking for what data sharing provides; after submission it is refused.
 */
describe('one-time notice of missing materials (real PostgreSQL, NATS, archive)', () => {
  let services: INestMicroservice[];
  let client: MessagingClient;
  let temporal: TemporalClientService;
  const started: string[] = [];
  const asCommunity = <T>(fn: () => Promise<T>) => as(CALLERS.community1, fn);
  const draft = () =>
    asCommunity(() => client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true })));
  const notify = (applicationId: string, missing: string[], idempotencyKey = randomUUID(), who = CALLERS.community1) =>
    as(who, () =>
      client.request(SUBJECTS.intake.applicationMaterialsNotice, {
        applicationId,
        missing,
        note: '请于工作日到社区服务大厅低保窗口提交',
        idempotencyKey,
      }),
    );
  const filed = async (applicationId: string) =>
    (await as(CALLERS.county1, () => client.request(SUBJECTS.archive.documentList, { applicationId }))).items.filter(
      (item) => item.documentType === 'MATERIALS_NOTICE',
    );

  beforeAll(async () => {
    services = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
    client = services[0].get(MessagingClient);
    temporal = services[0].get(TemporalClientService);
  });

  afterAll(async () => {
    await terminateChains(temporal.client, started);
    await Promise.all(services.map((service) => service.close()));
  });

  it('files the notice into the household file at once, shows it on the application, and gives it once', async () => {
    const application = await draft();
    const key = randomUUID();
    const missing = ['医院出具的诊断证明', '单位出具的近六个月收入证明'];
    const noticed = await notify(application.id, missing, key);
    expect(noticed.status).toBe('DRAFT');
    expect(noticed.materialsNotice).toMatchObject({
      missing,
      note: '请于工作日到社区服务大厅低保窗口提交',
      notifiedBy: 'community1',
      documentId: expect.any(String),
    });
    expect(noticed.materialsNotice).not.toHaveProperty('idempotencyKey');
    const items = await filed(application.id);
    expect(items).toEqual([
      expect.objectContaining({ id: noticed.materialsNotice!.documentId, title: '一次性告知书' }),
    ]);

    // The same key answers as the first time; any other list is refused — it is told once.
    expect(await notify(application.id, missing, key)).toEqual(noticed);
    await expect(notify(application.id, ['残疾人证'])).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'missing', messages: [expect.stringContaining('不得再次要求补充其他材料')] }],
    });
    expect(await filed(application.id)).toHaveLength(1);

    // The materials came: the draft is submitted (accepted) and its chain starts.
    const submitted = await asCommunity(() =>
      client.request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: application.id }),
    );
    started.push(submitted.workflowId);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', materialsNotice: noticed.materialsNotice });
  });

  it('refuses to ask for what data sharing provides, naming each item, and files nothing', async () => {
    const application = await draft();
    await expect(notify(application.id, ['医院诊断证明', '户口簿复印件', '不动产权证书'])).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [
        { field: 'missing[1]', messages: ['「户口簿复印件」可通过户籍信息核对获取，不得要求申请人提供'] },
        { field: 'missing[2]', messages: ['「不动产权证书」可通过不动产登记信息核对获取，不得要求申请人提供'] },
      ],
    });
    await expect(notify(application.id, [])).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'missing' })],
    });
    expect(await filed(application.id)).toEqual([]);
    expect(
      (await asCommunity(() => client.request(SUBJECTS.intake.applicationGet, { applicationId: application.id })))
        .materialsNotice,
    ).toBeNull();
  });

  it('refuses a notice after acceptance (returned at a stage instead), or by staff of another community', async () => {
    const application = await draft();
    await expect(notify(application.id, ['诊断证明'], randomUUID(), CALLERS.community2)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    const submitted = await asCommunity(() =>
      client.request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: application.id }),
    );
    started.push(submitted.workflowId);
    await expect(notify(application.id, ['诊断证明'])).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'status', messages: ['申请已受理，需补正材料的，请在审批环节退回申请人补正'] }],
    });
  });
});
