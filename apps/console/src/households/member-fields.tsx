import {
  HEALTH_LABELS,
  HUKOU_TYPE_LABELS,
  RELATIONSHIPS,
  SCHOOLING_LABELS,
  WORK_CAPACITY_LABELS,
} from '@app/domain/household/household-codes';

import type { MemberDraft } from './member-body';
import { CodeSelect, TextField } from '../common/field';

/**
 * One member's particulars (姓名, 身份证号, 与户主关系, 健康, 劳动能力, 在学, 残疾等级, 户口): the gateway's messages
 * under each, found under `prefix` (e.g. `members.1` or `member`).
 */
export function MemberFields({
  member,
  onChange,
  errorsOf,
  prefix,
}: {
  member: MemberDraft;
  onChange: (change: Partial<MemberDraft>) => void;
  errorsOf: (field: string) => string[];
  prefix: string;
}) {
  const at = (field: keyof MemberDraft) => errorsOf(`${prefix}.${field}`);
  return (
    <div className="row member">
      <TextField label="姓名" value={member.name} onChange={(name) => onChange({ name })} errors={at('name')} />
      <TextField
        label="身份证号"
        value={member.idNumber}
        onChange={(idNumber) => onChange({ idNumber })}
        errors={at('idNumber')}
      />
      <CodeSelect
        label="与户主关系"
        labels={RELATIONSHIPS}
        value={member.relationship}
        onChange={(relationship) => onChange({ relationship })}
        errors={at('relationship')}
      />
      <CodeSelect
        label="健康状况"
        labels={HEALTH_LABELS}
        value={member.health}
        onChange={(health) => onChange({ health })}
        errors={at('health')}
      />
      <CodeSelect
        label="劳动能力"
        labels={WORK_CAPACITY_LABELS}
        value={member.workCapacity}
        onChange={(workCapacity) => onChange({ workCapacity })}
        errors={at('workCapacity')}
      />
      <CodeSelect
        label="在学情况"
        labels={SCHOOLING_LABELS}
        value={member.schooling}
        onChange={(schooling) => onChange({ schooling })}
        errors={at('schooling')}
      />
      <TextField
        label="残疾等级（1–4，无则空）"
        kind="count"
        value={member.disabilityGrade}
        onChange={(disabilityGrade) => onChange({ disabilityGrade })}
        errors={at('disabilityGrade')}
      />
      <TextField
        label="户口簿户号（可空）"
        value={member.hukouHouseholdNo}
        onChange={(hukouHouseholdNo) => onChange({ hukouHouseholdNo })}
        errors={at('hukouHouseholdNo')}
      />
      <CodeSelect
        label="户口性质"
        labels={HUKOU_TYPE_LABELS}
        value={member.hukouType}
        onChange={(hukouType) => onChange({ hukouType })}
        errors={at('hukouType')}
        blank="未登记"
      />
    </div>
  );
}
