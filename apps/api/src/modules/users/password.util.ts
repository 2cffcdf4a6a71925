import argon2 from 'argon2';
import { checkPassword, PASSWORD_MESSAGES, type PasswordOwner } from '@stegvis/contracts';
import { Problem, passwordCode } from '../../common/problem/problem';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verifies against a throwaway hash, so that an unknown e-mail takes as long as a wrong password. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * Throws a 400 naming `field` when the password breaks contracts' rules (length, common list, e-mail, zxcvbn score
 * with the owner's name and e-mail as known words). The code carries zxcvbn's warning key for too_weak.
 */
export function assertStrongPassword(field: string, password: string, owner: PasswordOwner): void {
  const weak = checkPassword(password, owner);
  if (weak)
    throw Problem.field(field, PASSWORD_MESSAGES[weak.problem], passwordCode(weak.problem, weak.warning));
}
