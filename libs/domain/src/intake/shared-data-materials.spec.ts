import { materialsFromSharedData } from './shared-data-materials';

describe('materialsFromSharedData', () => {
  it('names each item obtainable through government data sharing, with where the data check reads it', () => {
    expect(
      materialsFromSharedData(['户口簿复印件', '医院诊断证明', '房产证', '近三个月工资流水', '车辆行驶证']),
    ).toEqual([
      { index: 0, item: '户口簿复印件', source: '户籍信息' },
      { index: 2, item: '房产证', source: '不动产登记信息' },
      { index: 4, item: '车辆行驶证', source: '车辆登记信息' },
    ]);
  });

  it('passes what only the household has: medical records, disability certificates, proofs of income', () => {
    expect(materialsFromSharedData(['医院诊断证明', '残疾人证', '单位出具的收入证明', '离婚协议书'])).toEqual([]);
  });
});
