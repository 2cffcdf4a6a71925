/** Password rules for every account (issue 8): long, and not one of the passwords everyone tries first. */
export const MIN_PASSWORD_LENGTH = 12;

// The most used passwords that reach 12 characters, lower-cased (from public breach-frequency lists).
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

export const PASSWORD_PROBLEMS = ['too_short', 'too_common', 'contains_email'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string, email = ''): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'too_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `password must be at least ${MIN_PASSWORD_LENGTH} characters`,
  too_common: 'password is one of the most common passwords',
  contains_email: 'password must not contain the e-mail address',
};
