import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import type { HouseholdReply } from '@app/contracts/intake/household.reply';
import { HEAD_RELATIONSHIP } from '@app/domain/household/household-codes';

import { DOSSIER_PURPOSES } from './dossier.types';
import { emptyMember, type HouseholdDraft, householdBody, type MemberDraft } from './member-body';
import { MemberFields } from './member-fields';
import { ErrorBox } from '../common/error-box';
import { Section, TextField } from '../common/field';
import { useCommand } from '../common/use-command';
import { useSession } from '../session/use-session';

/** The registered household, as the application form takes it over (in the page's history, never the address). */
export interface ApplicantFromHousehold {
  divisionCode: string;
  applicantName: string;
  applicantIdNumber: string;
  householdSize: string;
}

/**
 * 登记家庭 (household:register, the community): an assessment household (共同生活的家庭成员) registered with its
 * members — one head (户主), everyone else related to them — before its application; refusals by member and field
 * (a person already in another household is named with that household's number). Then its dossier, or its
 * application with the head as applicant.
 */
export function RegisterHouseholdPage() {
  const session = useSession();
  const ownCommunity = session?.account.divisionCode.length === 12 ? session.account.divisionCode : '';
  const empty = (): HouseholdDraft => ({ divisionCode: ownCommunity, address: '', members: [emptyMember()] });
  const [draft, setDraft] = useState<HouseholdDraft>(empty);
  const [registered, setRegistered] = useState<HouseholdReply>();
  const command = useCommand();
  const { error, errorsOf } = command;

  const edit = (change: (current: HouseholdDraft) => HouseholdDraft) => {
    command.changed();
    setDraft(change);
  };
  const setMember = (index: number, change: Partial<MemberDraft>) =>
    edit((current) => ({
      ...current,
      members: current.members.map((member, i) => (i === index ? { ...member, ...change } : member)),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void command.send<HouseholdReply>('/households', { method: 'POST', body: householdBody(draft) }).then((reply) => {
      if (reply) {
        setRegistered(reply);
      }
    });
  };

  if (registered) {
    const head = draft.members.find((member) => member.relationship === HEAD_RELATIONSHIP);
    const applicant: ApplicantFromHousehold = {
      divisionCode: registered.divisionCode,
      applicantName: head?.name.trim() ?? '',
      applicantIdNumber: head?.idNumber.trim().toUpperCase() ?? '',
      householdSize: String(registered.members.length),
    };
    return (
      <section>
        <h1>登记家庭</h1>
        <p className="done" role="status">
          已登记家庭 {registered.householdNo}，共 {registered.members.length} 人。
        </p>
        <p>
          <Link to={`/households/${registered.id}?purpose=${encodeURIComponent(DOSSIER_PURPOSES[0])}`}>查看户档案</Link>{' '}
          <Link to="/applications/new" state={applicant}>
            为该户受理申请
          </Link>{' '}
          <button
            type="button"
            onClick={() => {
              setRegistered(undefined);
              setDraft(empty());
              command.reset();
            }}
          >
            登记另一户
          </button>
        </p>
      </section>
    );
  }

  return (
    <section>
      <h1>登记家庭</h1>
      <form className="household" onSubmit={submit} aria-label="登记家庭">
        <ErrorBox error={error} />
        <TextField
          label="所属社区（12位区划代码）"
          value={draft.divisionCode}
          onChange={(divisionCode) => edit((current) => ({ ...current, divisionCode }))}
          errors={errorsOf('divisionCode')}
        />
        <TextField
          label="住址"
          value={draft.address}
          onChange={(address) => edit((current) => ({ ...current, address }))}
          errors={errorsOf('address')}
        />
        <Section title="共同生活的家庭成员（户主在先）" errors={errorsOf('members')}>
          {draft.members.map((member, index) => (
            <div key={index} data-member={index}>
              <MemberFields
                member={member}
                onChange={(change) => setMember(index, change)}
                errorsOf={errorsOf}
                prefix={`members[${index}]`}
              />
              {index > 0 && (
                <button
                  type="button"
                  onClick={() =>
                    edit((current) => ({ ...current, members: current.members.filter((_, i) => i !== index) }))
                  }
                >
                  删除该成员
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            onClick={() => edit((current) => ({ ...current, members: [...current.members, emptyMember('20')] }))}
          >
            添加成员
          </button>
        </Section>
        <button type="submit" disabled={command.busy}>
          登记
        </button>
      </form>
    </section>
  );
}
