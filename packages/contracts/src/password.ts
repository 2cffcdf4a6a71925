import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

/**
 * Password rules for every account (issues 8 and 16): long, not one of the passwords everyone tries first, not the
 * e-mail address, and hard to guess by zxcvbn's estimate with the person's own name and e-mail as known words.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score (0–4) a password must reach: 3 is "safely unguessable" (about 10^8 guesses and up). */
export const MIN_PASSWORD_SCORE = 3;

// The most used passwords that reach 12 characters, lower-cased (from public breach-frequency lists); kept beside
// zxcvbn because its lists are English and these are Swedish.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiopå1',
  'password1234',
  'password12345',
  'passwordpassword',
  'iloveyou1234',
  'abc123456789',
  '111111111111',
  '000000000000',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'sommar123456',
  'sommaren2024',
  'sommaren2025',
  'sommaren2026',
  'vinter123456',
  'lösenord1234',
  'losenord1234',
  'lösenordet123',
  'welcome12345',
  'administrator',
  'adminadmin12',
  'letmein12345',
  'changeme1234',
  'stegvis12345',
  'sverige12345',
  'hejsan123456',
  'qwertyqwerty',
  'asdfghjklöä1',
  'asdfghjkl123',
  'zaq12wsxcde3',
  'trustno11234',
]);

export const PASSWORD_PROBLEMS = ['too_short', 'too_common', 'contains_email', 'too_weak'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Whose password it is: their own words make a password easy to guess. */
export interface PasswordOwner {
  email?: string;
  name?: string;
}

export interface PasswordVerdict {
  problem: PasswordProblem;
  /** For too_weak: zxcvbn's warning key (e.g. `similarToCommon`, `straightRow`), or '' when it gives none. */
  warning: string;
}

let zxcvbn: ZxcvbnFactory | null = null;
/** Built on first use: ranking the dictionaries takes about 100 ms, which a process that never checks skips. */
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  });
  return zxcvbn;
}

/** The owner's e-mail and name, whole and in their parts ("sara.persson@kommun.se" → sara, persson, kommun …). */
export function passwordUserInputs(owner: PasswordOwner): string[] {
  const whole = [owner.email ?? '', owner.name ?? ''].map((s) => s.trim()).filter(Boolean);
  const parts = whole.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return [...new Set([...whole, ...parts])].filter((s) => s.length >= 3);
}

/** Why a password is refused, with zxcvbn's warning when it is too easy to guess; null when it may be used. */
export function checkPassword(password: string, owner: PasswordOwner = {}): PasswordVerdict | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { problem: 'too_short', warning: '' };
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return { problem: 'too_common', warning: '' };
  const local = owner.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return { problem: 'contains_email', warning: '' };
  const result = estimator().check(password, passwordUserInputs(owner));
  if (result.score < MIN_PASSWORD_SCORE)
    return { problem: 'too_weak', warning: result.feedback.warning ?? '' };
  return null;
}

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string, email = '', name = ''): PasswordProblem | null {
  return checkPassword(password, { email, name })?.problem ?? null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  too_common: 'password is one of the most common passwords',
  contains_email: 'password must not contain the e-mail address',
  too_weak: 'password is too easy to guess',
};
