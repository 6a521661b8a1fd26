import { type ChainedItem, fileGenesisHash, itemEntryHash, verifyItemChain } from './item-chain';

const FILE = '220102-DB·2026-D5-220102001·001-0001';

function item(itemNo: number, overrides: Partial<ChainedItem> = {}): ChainedItem {
  return {
    fileCode: FILE,
    itemNo,
    itemCode: `${FILE}-${String(itemNo).padStart(4, '0')}`,
    householdId: '7d1f7c2e-1c7b-4b7e-9d6a-0e6f1c1f0a01',
    applicationId: '0b8f6a43-7e0e-4d42-8d7b-9a3b0c1d2e3f',
    divisionCode: '220102001001',
    documentType: 'APPLICATION_RECEIVED',
    archiveClass: 'APPROVAL',
    title: '最低生活保障申请受理回执',
    mediaType: 'application/pdf',
    sha256: String(itemNo).repeat(64).slice(0, 64),
    sizeBytes: 1000 + itemNo,
    pageCount: 1,
    workflowId: 'approval-chain-x',
    step: 'accept',
    createdBy: 'community1',
    filedAt: '2026-11-26T08:00:00.000Z',
    supersedesItemNo: null,
    ...overrides,
  };
}

function chain(items: ChainedItem[]): Array<ChainedItem & { entryHash: string }> {
  let prev = fileGenesisHash(FILE);
  return items.map((entry) => {
    prev = itemEntryHash(prev, entry);
    return { ...entry, entryHash: prev };
  });
}

describe('the item chain of a household file', () => {
  it('holds for items as filed and ends in the last entry hash', () => {
    const items = chain([item(1), item(2), item(3)]);
    expect(verifyItemChain(FILE, items)).toEqual({ head: items[2].entryHash });
  });

  it('binds the first entry to the file: the same items in another file hash differently', () => {
    expect(fileGenesisHash(FILE)).not.toBe(fileGenesisHash(`${FILE.slice(0, -1)}2`));
  });

  it.each<[string, Partial<ChainedItem>]>([
    ['a changed title', { title: '改过的标题' }],
    ['a changed content hash', { sha256: 'f'.repeat(64) }],
    ['a changed filing time', { filedAt: '2026-11-27T08:00:00.000Z' }],
    ['a changed creator', { createdBy: 'someone-else' }],
    ['a moved field (value shifted between neighbours)', { step: '', workflowId: 'approval-chain-xaccept' }],
  ])('reports %s at that item', (_what, change) => {
    const items = chain([item(1), item(2), item(3)]);
    items[1] = { ...items[1], ...change };
    expect(verifyItemChain(FILE, items).firstBreak).toEqual({ itemNo: 2, problem: 'METADATA_CHANGED' });
  });

  it('reports a removed item at the item after it', () => {
    const items = chain([item(1), item(2), item(3)]);
    expect(verifyItemChain(FILE, [items[0], items[2]]).firstBreak).toEqual({ itemNo: 3, problem: 'METADATA_CHANGED' });
  });
});
