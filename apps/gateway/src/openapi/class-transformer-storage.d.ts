/** class-transformer's metadata storage (where `@Type(() => X)` is kept) is shipped without types of its own path. */
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
