export * from './divisions/division-code';
export * from './id-number/id-number';
export * from './money/fen';
export * from './demo/demo-organisation';
export * from './masking/masking';
export * from './household/household-codes';
export * from './household/name-grams';
export * from './household/means-codes';
