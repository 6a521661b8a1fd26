import { chainHash, type ChainRow, GENESIS_HASH, verifyChain } from './access-log-chain';

function makeChain(length: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let index = 1; index <= length; index += 1) {
    const fields = {
      seq: String(index),
      occurredAt: `2026-11-26T10:00:0${index}.000Z`,
      actorId: 'u1',
      actorUsername: 'county1',
      actorRoles: 'COUNTY_APPROVER',
      actorDivision: '220102',
      action: 'READ',
      recordType: 'application',
      recordId: `r${index}`,
      recordDivision: '220102001001',
      purpose: '审核',
      clientIp: '127.0.0.1',
      correlationId: `c${index}`,
    };
    const hash = chainHash(prevHash, fields);
    rows.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(makeChain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('finds an edited field', () => {
    const rows = makeChain(5);
    rows[2] = { ...rows[2], purpose: '随便看看' };
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: '3', problem: 'HASH_MISMATCH' });
  });

  it('finds a removed entry', () => {
    const rows = makeChain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: '3', problem: 'SEQUENCE_GAP' });
  });

  it('finds a row whose hash was recomputed after an edit, at the next link', () => {
    const rows = makeChain(4);
    const edited = { ...rows[1], recordId: 'other' };
    rows[1] = { ...edited, hash: chainHash(edited.prevHash, edited) };
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBrokenSeq: '3', problem: 'BROKEN_LINK' });
  });

  it('does not let two fields trade characters', () => {
    const base = makeChain(1)[0];
    const shifted = { ...base, actorUsername: 'county', actorRoles: '1COUNTY_APPROVER' };
    expect(chainHash(GENESIS_HASH, shifted)).not.toBe(base.hash);
  });
});
