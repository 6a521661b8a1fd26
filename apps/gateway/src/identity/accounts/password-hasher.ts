import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (library defaults: 19 MiB, 2 passes); the hash carries its own parameters. */
@Injectable()
export class PasswordHasher {
  private readonly decoy = hash('dibao-decoy-password');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown username answers as slowly as a wrong password. */
  async burn(password: string): Promise<void> {
    await this.verify(await this.decoy, password);
  }
}
