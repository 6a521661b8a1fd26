import { type FormEvent, useState } from 'react';

import {
  MEMBER_CHANGE_KINDS,
  MEMBER_CHANGE_LABELS,
  MEMBER_CHANGE_REASONS,
  type MemberChangeKind,
  type MemberChangeReason,
} from '@app/contracts/intake/household-change.reply';
import type { HouseholdMemberReply } from '@app/contracts/intake/household.reply';
import { RELATIONSHIPS } from '@app/domain/household/household-codes';

import {
  emptyMember,
  type MemberChangeDraft,
  memberChangeBody,
  type MemberDraft,
  namesNewHead,
  type RelationshipDraft,
} from './member-body';
import { MemberFields } from './member-fields';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Section, TextField } from '../common/field';
import { beijingDate } from '../common/labels';
import { useCommand } from '../common/use-command';

/** The kinds of change, and each kind's reasons, with their Chinese. */
const KIND_LABELS = labelsOf(MEMBER_CHANGE_KINDS);
const reasonLabels = (kind: MemberChangeKind) => labelsOf<MemberChangeReason>(MEMBER_CHANGE_REASONS[kind]);
function labelsOf<C extends MemberChangeKind | MemberChangeReason>(codes: readonly C[]): Record<C, string> {
  return Object.fromEntries(codes.map((code) => [code, MEMBER_CHANGE_LABELS[code]])) as Record<C, string>;
}

/**
 * The rows of the others' relationships to a new head: every member who stays, as the dossier shows them (name,
 * masked ID number); the caseworker types each one's ID number from the 户口簿 and leaves the new head's row empty.
 */
function relationshipRows(members: HouseholdMemberReply[], headLeaves: boolean): RelationshipDraft[] {
  return members
    .filter((member) => !(headLeaves && member.isHead))
    .map((member) => ({ shownAs: `${member.name}（${member.idNumberMasked}）`, idNumber: '', relationship: '' }));
}

/**
 * 家庭成员变动 (household:register, the community): a member joins (birth, marriage, moving in) or leaves (death,
 * moving out, marriage), or the head hands over (变更户主). The report is filed into the household file, the open
 * benefit's next review is brought forward, an application in its chain is assessed again. Refusals by field.
 */
export function MemberChangeForm({
  householdId,
  members,
  benefitPaid,
  onChanged,
}: {
  householdId: string;
  members: HouseholdMemberReply[];
  /** The household's benefit is being paid: a new head needs their own card. */
  benefitPaid: boolean;
  onChanged: (text: string) => void;
}) {
  const empty = (kind: MemberChangeKind = 'JOIN', headLeaves = false): MemberChangeDraft => ({
    kind,
    reason: MEMBER_CHANGE_REASONS[kind][0],
    occurredOn: beijingDate(new Date()),
    idNumber: '',
    headLeaves,
    member: emptyMember('20'),
    newHeadIdNumber: '',
    relationships: relationshipRows(members, kind === 'LEAVE' && headLeaves),
    payeeBankCode: '',
    payeeAccountNo: '',
    note: '',
  });
  const [draft, setDraft] = useState<MemberChangeDraft>(() => empty());
  const command = useCommand();
  const { error, errorsOf } = command;
  const edit = (change: Partial<MemberChangeDraft>) => {
    command.changed();
    setDraft((current) => ({ ...current, ...change }));
  };
  const setMember = (change: Partial<MemberDraft>) => edit({ member: { ...draft.member, ...change } });
  const setRow = (index: number, change: Partial<RelationshipDraft>) =>
    edit({ relationships: draft.relationships.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  /** The gateway numbers only the rows sent (those with an ID number). */
  const sentIndex = (index: number) => draft.relationships.slice(0, index).filter((row) => row.idNumber.trim()).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void command
      .send(`/households/${householdId}/member-changes`, { method: 'POST', body: memberChangeBody(draft) })
      .then((changed) => {
        if (changed === undefined) {
          return;
        }
        onChanged(
          `已登记${MEMBER_CHANGE_LABELS[draft.kind]}（${MEMBER_CHANGE_LABELS[draft.reason]}，${draft.occurredOn}），变动登记表已归入家庭档案`,
        );
        setDraft(empty());
      });
  };

  return (
    <form onSubmit={submit} aria-label="家庭成员变动">
      <Section title="家庭成员变动">
        <ErrorBox error={error} />
        <div className="row">
          <CodeSelect
            label="变动类型"
            labels={KIND_LABELS}
            value={draft.kind}
            onChange={(kind) => {
              command.changed();
              setDraft(empty(kind));
            }}
            errors={errorsOf('kind')}
          />
          <CodeSelect
            label="原因"
            labels={reasonLabels(draft.kind)}
            value={draft.reason}
            onChange={(reason) => edit({ reason })}
            errors={errorsOf('reason')}
          />
          <TextField
            label="变动日期"
            kind="date"
            value={draft.occurredOn}
            onChange={(occurredOn) => edit({ occurredOn })}
            errors={errorsOf('occurredOn')}
          />
        </div>

        {draft.kind === 'LEAVE' && (
          <div className="row">
            <TextField
              label="减少成员的身份证号"
              value={draft.idNumber}
              onChange={(idNumber) => edit({ idNumber })}
              errors={errorsOf('idNumber')}
            />
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.headLeaves}
                onChange={(e) => {
                  command.changed();
                  setDraft({ ...empty('LEAVE', e.target.checked), reason: draft.reason, idNumber: draft.idNumber });
                }}
              />
              减少的是户主（须指定新户主）
            </label>
          </div>
        )}

        {draft.kind === 'JOIN' && (
          <MemberFields member={draft.member} onChange={setMember} errorsOf={errorsOf} prefix="member" />
        )}

        {namesNewHead(draft) && (
          <Section title="新户主" errors={error?.details.find((detail) => detail.field === 'newHead')?.messages ?? []}>
            <TextField
              label="新户主身份证号"
              value={draft.newHeadIdNumber}
              onChange={(newHeadIdNumber) => edit({ newHeadIdNumber })}
              errors={errorsOf('newHead.idNumber')}
            />
            <p className="hint">其他留在户内的成员：按户口簿填写身份证号及与新户主的关系；新户主本人一行留空。</p>
            {draft.relationships.map((row, index) => (
              <div className="row" key={index} data-relationship={index}>
                <span className="who-row">{row.shownAs}</span>
                <TextField
                  label="身份证号"
                  value={row.idNumber}
                  onChange={(idNumber) => setRow(index, { idNumber })}
                  errors={row.idNumber.trim() ? errorsOf(`newHead.relationships[${sentIndex(index)}].idNumber`) : []}
                />
                <CodeSelect
                  label="与新户主关系"
                  labels={RELATIONSHIPS}
                  value={row.relationship}
                  onChange={(relationship) => setRow(index, { relationship })}
                  errors={
                    row.idNumber.trim() ? errorsOf(`newHead.relationships[${sentIndex(index)}].relationship`) : []
                  }
                  blank="请选择"
                />
              </div>
            ))}
            {benefitPaid && (
              <div className="row">
                <TextField
                  label="新户主收款银行代码"
                  value={draft.payeeBankCode}
                  onChange={(payeeBankCode) => edit({ payeeBankCode })}
                  errors={errorsOf('newHead.payee.bankCode')}
                />
                <TextField
                  label="新户主本人账号"
                  value={draft.payeeAccountNo}
                  onChange={(payeeAccountNo) => edit({ payeeAccountNo })}
                  errors={errorsOf('newHead.payee.accountNo')}
                />
              </div>
            )}
          </Section>
        )}

        <TextField
          label="说明（如死亡证明、出生医学证明编号）"
          kind="text"
          value={draft.note}
          onChange={(note) => edit({ note })}
          errors={errorsOf('note')}
        />
        <button type="submit" disabled={command.busy}>
          登记变动
        </button>
      </Section>
    </form>
  );
}
