import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { Client as Pg } from 'pg';
import type { Browser, Page } from 'playwright-core';

import { beijingDate, DEFAULT_DEMO_PASSWORD } from '@app/domain';
import { runBankSimulator } from '@test/support/bank-simulator-process';
import { launchBrowser } from '@test/support/browser';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { BASE_URL, call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

const PASSWORD = process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';

/**
 * The staff console in a real browser (headless Chromium) against the running stack: a caseworker signs in, finds
 * the new application in the inbox, opens it with its filed documents, is told by field what a decision lacks,
 * decides, and the step's record is filed; a caseworker of another community is refused the application.
 */
describe('the staff console (running stack, headless Chromium)', () => {
  let browser: Browser;
  let community1: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    community1 = await tokenOf('community1');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const signIn = async (page: Page, username: string, password: string) => {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  };

  /**
   * A page signed in as `username`, once for the file (the administrator's, the county's, the community's): sign-ins are throttled
   * per address (30 a minute) and the whole e2e tier signs in from one. The first test to ask signs in and lands on
   * the account's first page (the administrator's: the accounts).
   */
  const signedIn = new Map<string, Page>();
  const pageOf = async (username: 'admin' | 'county1' | 'community1'): Promise<Page> => {
    let page = signedIn.get(username);
    if (!page) {
      page = await browser.newPage();
      await page.goto(`${BASE_URL}/console/`);
      await signIn(page, username, PASSWORD);
      await atAddress(page, username === 'admin' ? /#\/accounts$/ : /#\/tasks/);
      signedIn.set(username, page);
    }
    return page;
  };

  /**
   * Waits until the page's address matches: the console moves between pages within one document (hash routes), so
   * there is no load event to wait for — the address itself is watched.
   */
  const atAddress = (page: Page, pattern: RegExp) =>
    page.waitForFunction(
      // A function, not a string: the console's Content-Security-Policy forbids evaluating strings in the page.
      (source: string) =>
        new RegExp(source).test((globalThis as unknown as { location: { href: string } }).location.href),
      pattern.source,
    );

  /** An application registered over the API by community1, and (unless told not to wait) its community task. */
  const registerOverApi = async (applicantName: string, householdSize: number, withTask = true) => {
    const created = await call('POST', '/api/v1/applications', {
      token: community1,
      headers: { 'Idempotency-Key': `e2e-console-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        applicantName,
        applicantIdNumber: makeIdNumber(),
        householdSize,
        reason: '家庭主要劳动力患病，无固定收入',
        details: { dataCheckConsent: true },
      },
    });
    expect(created.status).toBe(201);
    const { id, applicationNo } = created.body as { id: string; applicationNo: string };
    const task = withTask
      ? await until(async () => {
          const inbox = await call('GET', `/api/v1/tasks?applicationId=${id}`, { token: community1 });
          return (inbox.body.items as Json[] | undefined)?.[0];
        }, 45_000)
      : undefined;
    return { id, applicationNo, task };
  };

  it('signs in, registers an application, finds its task, opens the file, decides (refusals shown by field) and files the record', async () => {
    const idNumber = makeIdNumber();
    const applicantName = `控制台${randomUUID().slice(0, 4)}`;
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // `/` leads to the console, which asks who you are; a wrong password is refused in the gateway's words.
    await page.goto(`${BASE_URL}/`);
    await atAddress(page, /\/console\/#\/sign-in$/);
    await signIn(page, 'no-such-account', 'wrong-password');
    expect(await page.getByRole('alert').textContent()).toContain('用户名或密码错误');
    await signIn(page, 'community1', PASSWORD);
    await atAddress(page, /#\/tasks$/);

    // Registration (受理登记): an amount that is not yuan, then the missing consent, each told beside its field.
    await page.getByRole('link', { name: '受理登记' }).click();
    const registration = page.getByRole('form', { name: '申请登记' });
    expect(await registration.getByLabel('所属社区（12位区划代码）').inputValue()).toBe('220102001001');
    await registration.getByLabel('申请人（户主）姓名').fill(applicantName);
    await registration.getByLabel('申请人身份证号').fill(idNumber);
    await registration.getByLabel('共同生活的家庭人口数').fill('2');
    await registration.getByLabel('申请理由').fill('家庭主要劳动力患病，无固定收入');
    await registration.getByRole('button', { name: '添加一项收入' }).click();
    await registration.getByLabel('金额（元）').fill('1.234');
    await registration.getByRole('button', { name: '提交申请' }).click();
    await registration.getByText('金额应为元，最多两位小数').first().waitFor();
    await registration.getByLabel('金额（元）').fill('300');
    // The gateway's refusal of an income row is shown beside that row's field (details.incomes[0].memberIdNumber).
    const incomeMember = registration.getByLabel('成员身份证号（空为申请人）');
    await incomeMember.fill('123');
    await registration.getByRole('button', { name: '提交申请' }).click();
    await registration
      .locator('.field.invalid .field-error')
      .filter({ hasText: '所属成员的身份证号码格式不正确' })
      .waitFor();
    expect(await incomeMember.locator('..').getAttribute('class')).toBe('field invalid');
    await incomeMember.fill('');
    await registration.getByRole('button', { name: '提交申请' }).click();
    const consentRefused = registration.getByRole('alert');
    await consentRefused.waitFor();
    expect(await consentRefused.textContent()).toContain('提交申请须签署家庭经济状况核对授权书');
    await registration.getByLabel('已签署家庭经济状况核对授权书').check();
    await registration.getByRole('button', { name: '提交申请' }).click();

    // The application's page: it waits while the chain files the receipt and the assessment, then offers the task.
    await atAddress(page, /#\/applications\/[0-9a-f-]{36}$/);
    const applicationId = /applications\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByRole('form', { name: '审批决定' }).waitFor({ timeout: 45_000 });
    const applicationNo = /SQ-\d{6}-\d{4}-\d{6}/.exec((await page.locator('h1').textContent()) ?? '')![0];
    const registered = await call('GET', `/api/v1/applications/${applicationId}`, {
      token: community1,
      headers: purpose('核对控制台测试'),
    });
    expect(registered.body.application).toMatchObject({
      applicantName,
      householdSize: 2,
      details: { dataCheckConsent: true, incomes: [{ memberIdNumber: idNumber, amountFen: 30000, period: 'MONTH' }] },
    });
    const task = (await call('GET', `/api/v1/tasks?applicationId=${applicationId}`, { token: community1 })).body
      .items[0] as Json;
    expect(task).toMatchObject({ stage: 'COMMUNITY', status: 'OPEN' });
    await page.getByRole('link', { name: '待办任务' }).click();

    // The inbox: the new application's row found by its number, the ID number masked (never in full on the page).
    await page.getByRole('textbox', { name: '申请编号' }).fill(applicationNo);
    await page.getByRole('button', { name: '查找' }).click();
    const row = page.locator(`tr[data-task-id="${task.id as string}"]`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(applicationNo);
    expect(rowText).toContain(applicantName);
    expect(rowText).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(rowText).toContain('社区（村）初审');
    expect(await page.content()).not.toContain(idNumber);

    // The application: particulars, its filed documents (one opened as its PDF), the task to decide.
    await row.getByRole('link', { name: applicationNo }).click();
    await atAddress(page, new RegExp(`#/applications/${applicationId}$`));
    await page.locator('[data-document-type="ASSESSMENT_REPORT"]').waitFor();
    expect(await page.locator('[data-field="status"]').textContent()).toBe('审核中');
    const [pdf] = await Promise.all([
      page.waitForEvent('popup'),
      page.locator('[data-document-type="APPLICATION_RECEIVED"]').getByRole('button', { name: '查看' }).click(),
    ]);
    expect(pdf.url()).toMatch(/^blob:/);
    await pdf.close();

    // A decision the gateway refuses: its message beside the field it names, nothing recorded.
    const form = page.getByRole('form', { name: '审批决定' });
    await form.getByLabel('不同意').check();
    await form.getByLabel('意见').fill('经调查，家庭收入高于标准。');
    await form.getByRole('button', { name: '提交决定' }).click();
    await form.getByText('不同意或终止审批时必须写明理由').first().waitFor();
    expect(await form.locator('label.field.invalid').count()).toBe(1);

    // The approval: answered once the community's opinion is filed; publicity opens.
    await form.getByLabel('同意', { exact: true }).check();
    await form.getByLabel('意见').fill('经入户调查，家庭情况属实，同意。');
    await form.getByRole('button', { name: '提交决定' }).click();
    const done = await page.getByRole('status').textContent();
    expect(done).toContain('已提交：同意');
    expect(done).toContain('公示');
    // The page reads the application again: the task is done (no form), the opinion in its history.
    await form.waitFor({ state: 'detached' });
    await page.locator('table.history').getByText('同意', { exact: true }).waitFor();

    const view = await call('GET', `/api/v1/applications/${applicationId}`, {
      token: community1,
      headers: purpose('核对控制台测试'),
    });
    expect((view.body.documents as Json[]).map((d) => d.documentType)).toEqual([
      'APPLICATION_RECEIVED',
      'ASSESSMENT_REPORT',
      'COMMUNITY_OPINION',
      'PUBLICITY_NOTICE',
    ]);
    const opinion = (view.body.progress.history as Json[]).find(
      (e) => e.stage === 'COMMUNITY' && e.event === 'APPROVE',
    );
    expect(opinion).toMatchObject({ actor: 'community1' });
    const inbox = await call('GET', `/api/v1/tasks?applicationId=${applicationId}`, { token: community1 });
    expect(inbox.body.items).toEqual([]);

    // The console's reads are in the access log, with the purpose it states: the application, the receipt's PDF.
    const receipt = (view.body.documents as Json[])[0];
    const auditor = await tokenOf('auditor1');
    const log = await call('GET', '/api/v1/access-log?actor=community1&limit=50', { token: auditor });
    expect(log.status).toBe(200);
    expect(log.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'READ', recordId: applicationId, purpose: '办理审批任务' }),
        expect.objectContaining({ action: 'DOWNLOAD', recordId: receipt.id, purpose: '办理审批任务' }),
      ]),
    );

    // 户档查询: the household found by the applicant's name, its dossier read and printed with the purpose chosen.
    await page.getByRole('link', { name: '户档查询' }).click();
    const search = page.getByRole('form', { name: '查询家庭' });
    await search.getByLabel('姓名或身份证号').fill(applicantName);
    await search.getByLabel('查阅目的').selectOption('答复群众咨询');
    await search.getByRole('button', { name: '查询' }).click();
    const hit = page.locator('table.households tbody tr');
    await hit.first().waitFor();
    expect(await hit.count()).toBe(1);
    const householdId = (await hit.getAttribute('data-household-id'))!;
    expect(await hit.textContent()).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    await hit.getByRole('link').click();
    await atAddress(page, new RegExp(`#/households/${householdId}\\?purpose=`));
    await page.locator('table.steps').getByText('community1').waitFor();
    expect(await page.locator('[data-field="dossier-status"]').textContent()).toContain('申请审核中');
    expect(await page.locator('table.members').textContent()).toContain(applicantName);
    expect(await page.locator('table.documents tbody tr').count()).toBe(4);
    expect(await page.locator('[data-section-status]').count()).toBe(0);
    const [printed] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: '打印户档案' }).click(),
    ]);
    expect(printed.url()).toMatch(/^blob:/);
    await printed.close();
    expect(await page.content()).not.toContain(idNumber);
    const dossierLog = await call('GET', '/api/v1/access-log?actor=community1&limit=50', { token: auditor });
    expect(dossierLog.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'SEARCH', recordId: householdId, purpose: '答复群众咨询' }),
        expect.objectContaining({
          action: 'READ',
          recordType: 'dossier',
          recordId: householdId,
          purpose: '答复群众咨询',
        }),
        expect.objectContaining({
          action: 'DOWNLOAD',
          recordType: 'dossier',
          recordId: householdId,
          purpose: '答复群众咨询',
        }),
      ]),
    );

    // 申请台账: the application found by its number, the selection exported as a spreadsheet (ID numbers masked).
    await page.getByRole('link', { name: '申请台账' }).click();
    await page.getByRole('textbox', { name: '申请编号' }).fill(applicationNo);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByText('共 1 件').waitFor();
    const line = page.locator('table.register tbody tr');
    expect(await line.count()).toBe(1);
    expect(await line.textContent()).toContain('审核中');
    const [spreadsheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出表格' }).click(),
    ]);
    expect(spreadsheet.suggestedFilename()).toMatch(/^申请台账-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await spreadsheet.path(), 'utf8');
    expect(csv).toContain(applicationNo);
    expect(csv).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(csv).not.toContain(idNumber);

    // 督办统计: the community's figures as the approval service counts them.
    await page.getByRole('link', { name: '督办统计' }).click();
    const totals = page.locator('tr[data-division="total"] td');
    await totals.first().waitFor();
    const figures = (await call('GET', '/api/v1/tasks/statistics', { token: community1 })).body;
    expect(await totals.allTextContents()).toEqual([
      '合计（220102001001）',
      ...[
        figures.total.open,
        figures.total.overdue,
        figures.total.overallOverdue,
        figures.total.escalated,
        figures.total.decided,
        figures.total.decidedLate,
      ].map(String),
    ]);
    expect(figures.total.decided).toBeGreaterThanOrEqual(1);

    // Signing out ends the session: the inbox asks who you are again.
    await page.getByRole('button', { name: '退出' }).click();
    await atAddress(page, /#\/sign-in$/);
    await page.evaluate("location.hash = '#/tasks'");
    await atAddress(page, /#\/sign-in$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("serves a refusal notice from the township's inbox: the witnesses a notice left at the residence needs, then the proof filed", async () => {
    const { id: applicationId, applicationNo, task: communityTask } = await registerOverApi('控制台送达', 1);
    const refused = await call('POST', `/api/v1/tasks/${communityTask!.id as string}/decision`, {
      token: community1,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { decision: 'REJECT', opinion: '家庭收入高于标准', reasons: ['家庭人均收入高于当地低保标准'] },
    });
    expect(refused.status).toBe(200);

    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/console/#/tasks?purpose=DELIVERY`);
    await signIn(page, 'street1', PASSWORD);
    await atAddress(page, /#\/tasks\?purpose=DELIVERY$/);
    await page.getByRole('textbox', { name: '申请编号' }).fill(applicationNo);
    await page.getByRole('button', { name: '查找' }).click();
    const row = page.locator('table.tasks tr', { hasText: applicationNo });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('（送达）');
    // The access token expires: the application's page, loaded afresh, asks twice at once; the session is renewed
    // once (a refresh token is good for one use), and the page shows.
    // (In the page: this file is compiled without the browser's types.)
    const stored = () => page.evaluate<Json>("JSON.parse(sessionStorage.getItem('dibao.session'))");
    const before = await stored();
    await page.evaluate(`sessionStorage.setItem('dibao.session', JSON.stringify({
      ...JSON.parse(sessionStorage.getItem('dibao.session')), accessToken: 'expired' }))`);
    await page.goto(`${BASE_URL}/console/#/applications/${applicationId}`);
    await page.reload();

    const form = page.getByRole('form', { name: '审批决定' });
    await form.waitFor();
    const after = await stored();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe('expired');
    // A delivery task is answered only by how the notice was served.
    expect(await form.getByRole('radio').count()).toBe(1);
    await form.getByLabel('意见').fill('申请人拒绝签收，留置送达');
    await form.getByLabel('受送达人').fill('控制台送达');
    await form.getByLabel('送达方式').selectOption('LEFT_AT_RESIDENCE');
    await form.getByRole('button', { name: '提交决定' }).click();
    await form.getByText('留置送达须写明见证人').first().waitFor();
    await form.getByLabel('见证人（用顿号分隔）').fill('社区主任、楼长');
    await form.getByRole('button', { name: '提交决定' }).click();
    const done = await page.getByRole('status').textContent();
    expect(done).toContain('已提交：登记送达');
    expect(done).toContain('不予确认');

    const filed = await until(async () => {
      const view = await call('GET', `/api/v1/applications/${applicationId}`, {
        token: community1,
        headers: purpose('核对送达回证'),
      });
      const types = (view.body.documents as Json[]).map((d) => d.documentType);
      return types.includes('DELIVERY_RECEIPT') ? types : undefined;
    });
    expect(filed.slice(-2)).toEqual(['REFUSAL_NOTICE', 'DELIVERY_RECEIPT']);
    await page.close();
  });

  it('uploads evidence, records an objection during publicity (the appraisal then required) and withdraws, in the browser', async () => {
    const { id: applicationId, task: firstTask } = await registerOverApi('控制台异议', 2);
    const approved = await call('POST', `/api/v1/tasks/${firstTask!.id as string}/decision`, {
      token: community1,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { decision: 'APPROVE', opinion: '情况属实，同意。' },
    });
    expect(approved.body).toMatchObject({ next: 'PUBLICITY' });

    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/console/#/applications/${applicationId}`);
    await signIn(page, 'community1', PASSWORD);
    await atAddress(page, new RegExp(`#/applications/${applicationId}$`));

    // Evidence: refused without a file (by field), then a PDF listed under its type.
    const upload = page.getByRole('form', { name: '上传证明材料' });
    await upload.getByLabel('材料类型').selectOption('INCOME_PROOF');
    await upload.getByRole('button', { name: '上传' }).click();
    expect(await upload.getByRole('alert').textContent()).toContain('请选择要上传的文件');
    await upload.getByLabel('文件（PDF、JPEG、PNG或OFD）').setInputFiles({
      name: '收入证明.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n${randomUUID()}\n%%EOF\n`),
    });
    await upload.getByRole('button', { name: '上传' }).click();
    await page.locator('table.attachments').getByText('收入证明.pdf').waitFor();

    // An objection during publicity: refused when empty, then recorded; the community's task opens again and
    // asks for the appraisal's minutes, which the form offers switched on.
    const objection = page.getByRole('form', { name: '登记公示异议' });
    await objection.getByRole('button', { name: '登记异议' }).click();
    await objection.getByText('请填写异议内容').first().waitFor();
    await objection.getByLabel('异议内容（谁、何时、反映什么）').fill('邻居反映申请人家庭有经营性收入未申报');
    await objection.getByRole('button', { name: '登记异议' }).click();
    const form = page.getByRole('form', { name: '审批决定' });
    await form.waitFor({ timeout: 30_000 });
    expect(await page.locator('ul.requirements').textContent()).toContain('民主评议记录');
    expect(await form.getByLabel('附民主评议记录').isChecked()).toBe(true);
    await form.getByLabel('意见').fill('经民主评议，多数认为情况属实，同意。');
    await form.getByLabel('参加人数').fill('9');
    await form.getByLabel('同意票数', { exact: true }).fill('8');
    await form.getByLabel('不同意票数').fill('1');
    await form.getByLabel('评议记录', { exact: true }).fill('经核实，经营性收入系临时帮工，已停止。');
    await form.getByRole('button', { name: '提交决定' }).click();
    expect(await page.getByRole('status').textContent()).toContain('已提交：同意');
    const history = (
      await call('GET', `/api/v1/applications/${applicationId}`, { token: community1, headers: purpose('核对异议') })
    ).body.progress.history as Json[];
    expect(history.map((entry) => entry.event)).toEqual(expect.arrayContaining(['OBJECTION', 'APPRAISED']));

    // The applicant withdraws: the reason is required, then the application ends as withdrawn.
    const withdrawal = page.getByRole('form', { name: '撤回申请' });
    await withdrawal.getByRole('button', { name: '撤回申请' }).click();
    await withdrawal.getByText('撤回原因不能为空').first().waitFor();
    await withdrawal.getByLabel('撤回原因').fill('家庭收入已提高，申请人主动撤回');
    await withdrawal.getByRole('button', { name: '撤回申请' }).click();
    await page.locator('[data-field="status"]', { hasText: '已撤回' }).waitFor();
    expect(await page.getByRole('form', { name: '撤回申请' }).count()).toBe(0);
    await page.close();
  });

  it("refuses a caseworker another community's application, in the gateway's words", async () => {
    const created = await registerOverApi('控制台越权', 1, false);
    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/console/#/applications/${created.id}`);
    await atAddress(page, /#\/sign-in$/);
    await signIn(page, 'community2', PASSWORD);
    // Back where the caseworker was going, and refused there.
    await atAddress(page, new RegExp(`#/applications/${created.id}$`));
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/无权|权限|范围/);
    expect(await page.content()).not.toContain('控制台越权');
    await page.close();
  });
  it('lets an administrator manage accounts, and offers it no case pages', async () => {
    // The administrator's pages are the accounts; no case page is offered, and one asked for leads to the accounts.
    const page = await pageOf('admin');
    await page.getByRole('link', { name: '账户管理' }).click();
    await atAddress(page, /#\/accounts$/);
    expect(await page.getByRole('link', { name: '待办任务' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '受理登记' }).count()).toBe(0);
    await page.evaluate("location.hash = '#/households'");
    await atAddress(page, /#\/accounts$/);

    // A new account: refused without a role (by field), then created; stopped, it can no longer sign in.
    const username = `console-${randomUUID().slice(0, 8)}`;
    const form = page.getByRole('form', { name: '新建账户' });
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('控制台新账户');
    await form.getByLabel('所属区划代码').fill('220102001002');
    await form.getByLabel('初始密码').fill('console-e2e-password');
    await form.getByRole('button', { name: '创建账户' }).click();
    await form.locator('fieldset.invalid').waitFor();
    await form.getByLabel('社区经办').check();
    await form.getByRole('button', { name: '创建账户' }).click();
    expect(await page.getByRole('status').textContent()).toContain(`已创建账户 ${username}`);
    const row = page.locator(`tr[data-username="${username}"]`);
    expect(await row.textContent()).toContain('社区经办');
    const signInAs = () => call('POST', '/api/v1/auth/login', { body: { username, password: 'console-e2e-password' } });
    expect((await signInAs()).status).toBe(200);
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect((await signInAs()).status).toBe(401);
  });

  it("lets an administrator load a year's holiday calendar, the file checked and shown before it is sent", async () => {
    const page = await pageOf('admin');
    await page.getByRole('link', { name: '节假日日历' }).click();
    await atAddress(page, /#\/calendars$/);
    // The years loaded with the system are listed; a year the inbox waits for would be listed under them.
    for (const year of [2024, 2025, 2026]) {
      await page.locator(`table.calendars tr[data-year="${year}"]`).waitFor();
    }
    const listed = await call('GET', '/api/v1/calendars', { token: await tokenOf('admin') });
    // From October, next year's arrangement is due: the page says so while it is not loaded.
    const today = beijingDate(new Date());
    const nextYear = Number(today.slice(0, 4)) + 1;
    if (Number(today.slice(5, 7)) >= 10 && !(listed.body.years as Json[]).some((entry) => entry.year === nextYear)) {
      expect(await page.getByRole('alert').allTextContents()).toContainEqual(
        expect.stringContaining(`尚未载入${nextYear}年节假日安排`),
      );
    }

    // The wrong file is refused before anything is sent, in words that say why.
    const input = page.getByLabel('安排文件');
    const year = 2098;
    const file = (days: Json[]) => ({
      name: `${year}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ year, papers: ['https://www.gov.cn/（e2e）'], days })),
    });
    await input.setInputFiles(file([{ name: '元旦', date: `${year - 1}-12-31`, isOffDay: true }]));
    await page.getByText(`第1条安排的日期${year - 1}-12-31不属于${year}年`).waitFor();
    expect(await page.getByRole('button', { name: `载入${year}年安排` }).count()).toBe(0);

    // The right one is shown by holiday, then loaded; the list has the year with its days.
    await input.setInputFiles(
      file([
        { name: '元旦', date: `${year}-01-01`, isOffDay: true },
        { name: '春节', date: `${year}-01-25`, isOffDay: false },
        { name: '春节', date: `${year}-01-27`, isOffDay: true },
      ]),
    );
    const preview = page.locator('table.holidays');
    await preview.locator('tbody tr').nth(1).waitFor();
    expect(await preview.locator('tbody tr').allTextContents()).toEqual([
      `元旦${year}-01-01—`,
      `春节${year}-01-27${year}-01-25`,
    ]);
    await page.getByRole('button', { name: `载入${year}年安排` }).click();
    expect(await page.getByRole('status').textContent()).toContain(`已载入${year}年节假日安排（3天）`);
    expect(await page.locator(`table.calendars tr[data-year="${year}"] td`).nth(1).textContent()).toBe('3');
  });

  it("lets finance run a month's payroll, read its statement and pay a failed line again to a corrected account", async () => {
    // A month of its own, far ahead: two households enrolled from it, one of them to a closed card (the bank
    // simulator fails an account ending in 13).
    const month = `${2100 + Math.floor(Math.random() * 800)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const county = await tokenOf('county1');
    const finance = await tokenOf('finance1');
    const enrol = async (headName: string, accountNo: string) => {
      const enrolled = await call('POST', '/api/v1/enrolments', {
        token: county,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          householdId: randomUUID(),
          divisionCode: '220102001001',
          headName,
          headIdNumber: makeIdNumber(),
          bankCode: 'JLRCB',
          accountNo,
          baseFen: 60_000,
          supplementFen: 0,
          firstMonth: month,
          decision: '南关区民政局审核确认（控制台e2e）',
        },
      });
      expect(enrolled.status).toBe(201);
      return enrolled.body.householdId as string;
    };
    const households = [await enrol('孙发放', '6217000044440001'), await enrol('孙失败', '6217000044440013')];

    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/console/`);
    await signIn(page, 'finance1', PASSWORD);
    await page.getByRole('link', { name: '资金发放' }).click();
    await page.evaluate((hash: string) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, `#/payroll?month=${month}`);
    await page.getByText('本月尚无发放明细。').waitFor();
    await page.getByRole('button', { name: `开始${month}发放` }).click();
    expect(await page.getByRole('status').textContent()).toContain(`已开始${month}的发放`);

    // The bank pays what it sees once our lines are in its batches.
    const lineOf = async (householdId: string) =>
      (
        (await call('GET', `/api/v1/payment-lines?month=${month}&householdId=${householdId}`, { token: finance })).body
          .items as Json[]
      )[0];
    await until(async () => {
      const ours = await Promise.all(households.map(lineOf));
      return ours.every((line) => line?.batchId) ? true : undefined;
    }, 60_000);
    await runBankSimulator('JLRCB');
    const failed = await until(async () => {
      const line = await lineOf(households[1]);
      return line?.status === 'FAILED' ? line : undefined;
    }, 30_000);

    // The statement balances; the failed line shows the bank's reason, masked.
    await page.getByRole('button', { name: '刷新' }).click();
    await page.getByText('已平衡').waitFor();
    expect(await page.locator('table.statement tr[data-row="total"] td').nth(2).textContent()).toMatch(/笔/);
    const row = page.locator(`table.lines tr[data-line="${String(failed.id)}"]`);
    expect(await row.textContent()).toMatch(/孙失败.*\*{12}0013.*600\.00.*发放失败.*账户已销户/);

    // Paid again: an account that is not one refused beside its field, then a corrected one.
    await row.getByRole('button', { name: '重新发放' }).click();
    const form = page.getByRole('form', { name: '重新发放' });
    await form.getByLabel('收款账号（空：按该户当前收款账户）').fill('6217-00');
    await form.getByLabel('重新发放的原因').fill('户主已换卡，账号经核实');
    await form.getByRole('button', { name: '确定' }).click();
    await form.locator('.field.invalid .field-error').first().waitFor();
    await form.getByLabel('收款账号（空：按该户当前收款账户）').fill('6217000044449998');
    await form.getByRole('button', { name: '确定' }).click();
    expect(await page.getByRole('status').textContent()).toContain('已重新发放至账号************9998（第2次）');
    expect(await lineOf(households[1])).toMatchObject({ status: 'PENDING', attempt: 2 });
    await page.close();
  });

  it('lists the periodic reviews due in the county and records one, filed, with the next one then due', async () => {
    // A household enrolled this month, as its approval enrols it (the review is filed under that application), whose
    // review has fallen due (as a change in the household brings it forward).
    const county = await tokenOf('county1');
    const enrolled = await call('POST', '/api/v1/enrolments', {
      token: county,
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        householdId: randomUUID(),
        applicationId: randomUUID(),
        divisionCode: '220102001001',
        headName: '周核查',
        headIdNumber: makeIdNumber(),
        bankCode: 'JLRCB',
        accountNo: '6217000055550001',
        baseFen: 45_000,
        supplementFen: 0,
        firstMonth: beijingDate(new Date()).slice(0, 7),
        decision: '南关区民政局审核确认（控制台e2e）',
      },
    });
    expect(enrolled.status).toBe(201);
    const enrolmentId = enrolled.body.id as string;
    const db = new Pg({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `update payment.enrolment set next_review_on = date '2026-01-05', next_review_reason = '家庭成员变化（e2e）'
          where id = $1`,
        [enrolmentId],
      );
    } finally {
      await db.end();
    }

    const page = await pageOf('county1');
    await page.getByRole('link', { name: '定期核查' }).click();
    const row = page.locator(`table.reviews tr[data-enrolment="${enrolmentId}"]`);
    expect(await row.textContent()).toMatch(
      /周核查.*\*{6}.*享受中.*12个月.*2026-01-05已逾期提前核查：家庭成员变化（e2e）/,
    );

    // The household's dossier is a click away, read for this purpose.
    expect(await row.getByRole('link', { name: '周核查' }).getAttribute('href')).toBe(
      `#/households/${String(enrolled.body.householdId)}?purpose=${encodeURIComponent('定期核查')}`,
    );

    // Recorded without what was found: refused beside the field; then recorded, and off the list until next year.
    await row.getByRole('button', { name: '记录核查' }).click();
    const form = page.getByRole('form', { name: '记录定期核查' });
    await form.getByRole('button', { name: '记录并归档' }).click();
    await form.locator('.field.invalid .field-error', { hasText: '请填写核查情况' }).waitFor();
    await form.getByLabel('核查情况（收入、人口、财产、生活状况）').fill('入户核查：家庭收入、人口无变化。');
    await form.getByRole('button', { name: '记录并归档' }).click();
    const notice = await page.getByRole('status').textContent();
    expect(notice).toContain('已记录周核查户的定期核查（无变化，继续享受），核查记录已归入家庭档案；下次核查：');
    await row.waitFor({ state: 'detached' });
    const after = await call('GET', `/api/v1/enrolments/${enrolmentId}`, { token: county });
    expect(after.body.nextReviewOn > beijingDate(new Date())).toBe(true);

    // The county sees the holiday calendar and the procedures that govern it, and is offered no loading or publishing.
    await page.getByRole('link', { name: '节假日日历' }).click();
    await page.locator('table.calendars tr[data-year="2026"]').waitFor();
    expect(await page.getByLabel('安排文件').count()).toBe(0);
    await page.getByRole('link', { name: '审批流程' }).click();
    await page.locator('table.policies tr[data-division="22"]').waitFor();
    expect(await page.getByRole('form', { name: '发布新版本' }).count()).toBe(0);
  });

  it("lets the archivist approve another street's request to borrow a file, and check the files' four properties", async () => {
    // community2 asks to see the file of a household of community1's (查借阅): refused until the archivist agrees.
    const { id } = await registerOverApi(`借阅${randomUUID().slice(0, 4)}`, 1, false);
    const application = await call('GET', `/api/v1/applications/${id}`, { token: community1, headers: purpose() });
    const householdId = (application.body.application as Json).householdId as string;
    const archivist = await tokenOf('archivist1');
    const community2 = await tokenOf('community2');
    await until(async () => {
      const file = await call('GET', `/api/v1/archive/files/${householdId}`, { token: archivist, headers: purpose() });
      return file.status === 200 ? true : undefined;
    }, 45_000);
    const readFile = () =>
      call('GET', `/api/v1/archive/files/${householdId}`, { token: community2, headers: purpose('核对迁入人员档案') });
    expect((await readFile()).status).toBe(403);
    const asked = await call('POST', '/api/v1/archive/borrow-requests', {
      token: community2,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { householdId, purpose: '核对迁入人员档案（控制台e2e）', days: 3 },
    });
    expect(asked.status).toBe(201);

    const page = await browser.newPage();
    await page.goto(`${BASE_URL}/console/`);
    await signIn(page, 'archivist1', PASSWORD);
    await page.getByRole('link', { name: '档案管理' }).click();
    const row = page.locator(`table.borrowing tr[data-request="${String(asked.body.id)}"]`);
    expect(await row.textContent()).toMatch(/community2.*220102002001.*核对迁入人员档案（控制台e2e）3/);
    await row.getByRole('button', { name: '审批' }).click();
    const form = page.getByRole('form', { name: '审批查借阅' });
    await form.getByLabel('审批意见（可空）').fill('同意查阅3天');
    await form.getByRole('button', { name: '同意', exact: true }).click();
    expect(await page.getByRole('status').textContent()).toContain(
      `已同意community2查借阅档案${String(asked.body.fileReferenceCode)}`,
    );
    await row.waitFor({ state: 'detached' });
    expect((await readFile()).status).toBe(200);

    // A check of a few of the division's files now: what it checked, and the problems list below.
    await page.getByLabel('本次最多检测（卷）').fill('3');
    await page.getByRole('button', { name: '检测本辖区档案' }).click();
    const swept = page.getByRole('status').filter({ hasText: '四性检测完成' });
    expect(await swept.textContent({ timeout: 60_000 })).toMatch(
      /四性检测完成：检测档案[1-3]卷、文件\d+件，发现问题\d+卷/,
    );
    await page.close();
  });

  it("lets the county change a household's benefit from its dossier: amounts in yuan, refusals by field", async () => {
    // A household of the registry, enrolled as its approval enrols it.
    const { id: applicationId } = await registerOverApi(`变更${randomUUID().slice(0, 4)}`, 1, false);
    const application = await call('GET', `/api/v1/applications/${applicationId}`, {
      token: community1,
      headers: purpose(),
    });
    const householdId = (application.body.application as Json).householdId as string;
    const county = await tokenOf('county1');
    const enrolled = await call('POST', '/api/v1/enrolments', {
      token: county,
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        householdId,
        applicationId,
        divisionCode: '220102001001',
        headName: '吴变更',
        headIdNumber: makeIdNumber(),
        bankCode: 'JLRCB',
        accountNo: '6217000066660001',
        baseFen: 48_000,
        supplementFen: 0,
        firstMonth: beijingDate(new Date()).slice(0, 7),
        decision: '南关区民政局审核确认（控制台e2e）',
      },
    });
    expect(enrolled.status).toBe(201);

    const page = await pageOf('county1');
    await page.evaluate(
      (hash: string) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
      },
      `#/households/${householdId}?purpose=${encodeURIComponent('办理审批任务')}`,
    );
    expect(await page.locator('[data-field="benefit"]').textContent()).toContain('每月 480.00 元');

    // An amount that is not yuan is told before anything is sent; a change without its decision, by the gateway.
    const form = page.getByRole('form', { name: '变更待遇' });
    const refusals = form.locator('.field.invalid .field-error');
    await form.getByLabel('基本保障金（元/月）').fill('五百');
    await form.getByRole('button', { name: '确定变更' }).click();
    await refusals.filter({ hasText: '金额应为元，最多两位小数' }).waitFor();
    await form.getByLabel('基本保障金（元/月）').fill('520');
    await form.getByLabel('变更原因').fill('家庭成员因病支出增加，经入户核实');
    await form.getByRole('button', { name: '确定变更' }).click();
    await refusals.filter({ hasText: '请填写依据的决定' }).waitFor();
    await form.getByLabel('依据的决定（文号）').fill('南民发〔2026〕88号（控制台e2e）');
    const effective = await form.getByLabel('自何月起').inputValue();
    await form.getByRole('button', { name: '确定变更' }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      `已调整金额，自${effective}起执行，变更记录已归入家庭档案`,
    );
    const after = await call('GET', `/api/v1/enrolments/${String(enrolled.body.id)}`, { token: county });
    expect(after.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'AMOUNT', decision: '南民发〔2026〕88号（控制台e2e）' }),
    );
  });

  it("lets an administrator publish a county's approval procedure, refusals by field, from a listed version", async () => {
    // 农安县 (220122): no other e2e test publishes for it, so this test owns its versions.
    const county = '220122';
    const db = new Pg({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      await db.query('delete from approval.approval_policy where division_code = $1', [county]);
    } finally {
      await db.end();
    }
    const page = await pageOf('admin');
    await page.getByRole('link', { name: '审批流程' }).click();
    await page.getByLabel('行政区划代码').fill(county);
    await page.getByRole('button', { name: '查询' }).click();
    await atAddress(page, new RegExp(`#/policies\\?divisionCode=${county}$`));
    // The county has none of its own: the province's default governs it.
    const rows = page.locator('table.policies tbody tr');
    await page.locator('table.policies tr[data-division="22"]').waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('社区（村）初审10个工作日');

    // Started from it, switched to the 2021 national model with an overall limit shorter than its stages and no
    // basis: refused, beside the field — the basis first, then how the rules fit together.
    await rows.first().getByRole('button', { name: '以此为底稿' }).click();
    const form = page.getByRole('form', { name: '发布新版本' });
    expect(await form.getByLabel('制定区划（省2位、地4位、县6位）').inputValue()).toBe(county);
    await form.getByLabel('审批模式').selectOption('NATIONAL_2021');
    expect(await form.getByLabel('社区（村）初审').count()).toBe(0);
    await form.getByLabel('总时限（工作日）').fill('15');
    const refusals = form.locator('.field.invalid .field-error');
    await form.getByRole('button', { name: '发布' }).click();
    await refusals.first().waitFor();
    expect(await refusals.allTextContents()).toEqual(['请填写调整依据（文件文号或会议纪要）']);
    await form.getByLabel('调整依据（文件文号或会议纪要）').fill('农民发〔2026〕12号（e2e）');
    await form.getByRole('button', { name: '发布' }).click();
    await refusals.filter({ hasText: '总时限（15个工作日）不能短于各环节时限之和（20个工作日）' }).waitFor();
    expect(await refusals.count()).toBe(1);
    expect(await form.getByLabel('总时限（工作日）').locator('..').getAttribute('class')).toBe('field invalid');

    // A stage's limit that is not a whole number of days: refused beside that stage's field (rules.stages[0]).
    await form.getByLabel('总时限（工作日）').fill('30');
    await form.getByRole('textbox', { name: '街道（乡镇）审核' }).fill('1.5');
    await form.getByRole('button', { name: '发布' }).click();
    await refusals.filter({ hasText: '办理时限应为整数个工作日' }).waitFor();
    expect(await form.getByRole('textbox', { name: '街道（乡镇）审核' }).locator('..').getAttribute('class')).toBe(
      'field invalid',
    );

    // Corrected, it is published from tomorrow and listed as not yet in force; the chains running keep theirs.
    await form.getByRole('textbox', { name: '街道（乡镇）审核' }).fill('10');
    await form.getByRole('button', { name: '发布' }).click();
    expect(await page.getByRole('status').textContent()).toContain(`已发布${county}的审批流程（2021年全国办法`);
    const published = page.locator(`table.policies tr[data-division="${county}"]`);
    await published.waitFor();
    expect(await published.textContent()).toMatch(
      /未生效.*街道（乡镇）审核10个工作日 → 县级审核确认10个工作日.*农民发〔2026〕12号（e2e）.*admin/,
    );
    const listed = await call('GET', `/api/v1/approval-policies?divisionCode=${county}`, {
      token: await tokenOf('admin'),
    });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ divisionCode: county, model: 'NATIONAL_2021', overallLimitWorkingDays: 30 }),
    );
  });

  it('lets a community register a household with its members, then record a birth, a move and a new head on its dossier, refusals by field', async () => {
    const page = await pageOf('community1');
    const suffix = randomUUID().slice(0, 4);
    const [head, son, daughter] = [makeIdNumber(), makeIdNumber(), makeIdNumber()];
    await page.getByRole('link', { name: '登记家庭' }).click();
    await atAddress(page, /#\/households\/new$/);
    const form = page.getByRole('form', { name: '登记家庭' });
    expect(await form.getByLabel('所属社区（12位区划代码）').inputValue()).toBe('220102001001');
    const first = form.locator('[data-member="0"]');
    await first.getByLabel('姓名').fill(`户主${suffix}`);
    await first.getByLabel('身份证号').fill(head);
    await first.getByLabel('健康状况').selectOption('CHRONIC_ILLNESS');
    await form.getByRole('button', { name: '添加成员' }).click();
    const second = form.locator('[data-member="1"]');
    expect(await second.getByLabel('与户主关系').inputValue()).toBe('20');
    await second.getByLabel('姓名').fill(`长子${suffix}`);
    await second.getByLabel('身份证号').fill(son);
    // A grade the registry does not have: refused under that member's field, nothing registered.
    await second.getByLabel('残疾等级（1–4，无则空）').fill('5');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await second.locator('.field.invalid .field-error').filter({ hasText: '残疾等级为1至4级' }).waitFor();
    await second.getByLabel('残疾等级（1–4，无则空）').fill('');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    const registered = page.getByRole('status');
    expect(await registered.textContent()).toMatch(/^已登记家庭 HH-220102001001-\d{7}，共 2 人。$/);

    // The head applies for the household: the application form opens with them and its size filled in.
    await page.getByRole('link', { name: '为该户受理申请' }).click();
    await atAddress(page, /#\/applications\/new$/);
    const application = page.getByRole('form', { name: '申请登记' });
    expect(await application.getByLabel('申请人身份证号').inputValue()).toBe(head);
    expect(await application.getByLabel('共同生活的家庭人口数').inputValue()).toBe('2');

    const found = await call('GET', `/api/v1/households?q=${head}`, { token: community1, headers: purpose() });
    const householdId = (found.body.items as Json[])[0].householdId as string;
    await page.evaluate(
      (hash: string) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
      },
      `#/households/${householdId}?purpose=${encodeURIComponent('答复群众咨询')}`,
    );
    const members = page.locator('table.members tbody tr');
    await members.filter({ hasText: `长子${suffix}` }).waitFor();
    // Codes read in Chinese: relationship, health, work capacity.
    expect(await members.first().textContent()).toContain('户主');
    expect(await members.first().textContent()).toContain('慢性病');
    expect(await members.nth(1).textContent()).toContain('有劳动能力');

    // A birth: the child joins.
    const change = page.getByRole('form', { name: '家庭成员变动' });
    await change.getByLabel('姓名').fill(`次女${suffix}`);
    await change.getByLabel('身份证号', { exact: true }).fill(daughter);
    await change.getByLabel('与户主关系').selectOption('30');
    await change.getByLabel('说明（如死亡证明、出生医学证明编号）').fill('出生医学证明（控制台e2e）');
    const today = beijingDate(new Date());
    await change.getByRole('button', { name: '登记变动' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已登记增员（出生，${today}）` })
      .waitFor();
    await members.filter({ hasText: `次女${suffix}` }).waitFor();

    // The son moves out: a day still to come is refused by field, then the day it happened.
    const moved = page.getByRole('form', { name: '家庭成员变动' });
    await moved.getByLabel('变动类型').selectOption('LEAVE');
    await moved.getByLabel('原因').selectOption('MOVED_OUT');
    await moved.getByLabel('减少成员的身份证号').fill(son);
    await moved.getByLabel('变动日期').fill(beijingDate(new Date(Date.now() + 2 * 86_400_000)));
    await moved.getByRole('button', { name: '登记变动' }).click();
    await moved.locator('.field.invalid .field-error').filter({ hasText: '变动日期不能晚于今天' }).waitFor();
    await moved.getByLabel('变动日期').fill(today);
    await moved.getByRole('button', { name: '登记变动' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已登记减员（迁出，${today}）` })
      .waitFor();
    await page.locator('table.member-changes tbody tr').nth(1).waitFor();
    expect(await page.locator('table.member-changes tbody tr').allTextContents()).toEqual([
      expect.stringContaining(`增员出生次女${suffix}`),
      expect.stringContaining(`减员迁出长子${suffix}`),
    ]);
    expect(await members.filter({ hasText: `长子${suffix}` }).count()).toBe(0);

    // The head hands over to the daughter: the old head's row gets their ID number and relationship, hers stays empty.
    const handover = page.getByRole('form', { name: '家庭成员变动' });
    await handover.getByLabel('变动类型').selectOption('HEAD');
    await handover.getByLabel('新户主身份证号').fill(daughter);
    const oldHead = handover.locator('[data-relationship="0"]');
    expect(await oldHead.textContent()).toContain(`户主${suffix}`);
    await oldHead.getByLabel('身份证号').fill(head);
    await oldHead.getByLabel('与新户主关系').selectOption('50');
    await handover.getByRole('button', { name: '登记变动' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已登记变更户主（户主移交，${today}）` })
      .waitFor();
    await page.locator('table.member-changes tbody tr').nth(2).waitFor();
    expect(await members.first().textContent()).toContain(`次女${suffix}户主`);
    const household = await call('GET', `/api/v1/households/${householdId}`, { token: community1, headers: purpose() });
    expect((household.body.members as Json[]).map((member) => [member.name, member.relationship])).toEqual([
      [`次女${suffix}`, '02'],
      [`户主${suffix}`, '50'],
    ]);
  });
});
