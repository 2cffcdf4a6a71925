import 'reflect-metadata';
import type { FieldError } from '@stegvis/contracts';
import { plainToInstance } from 'class-transformer';
import { EmployerDto } from '../../modules/employers/dto/employer.dto';
import { CreateParticipantDto, UpdateParticipantDto } from '../../modules/participants/dto/participant.dto';
import { ReferralDto } from '../../modules/referrals/dto/referral.dto';
import { CommitteeMemberDto, StaffMemberDto } from '../../modules/staffing/dto/staffing.dto';
import { CreateUserDto } from '../../modules/users/dto/user.dto';
import { Problem } from '../problem/problem';
import { createValidationPipe } from '../problem/validation';

type Dto = new () => object;

/** Every person-name field a request can write: [DTO name, JSON path, DTO, a body holding the name at that path]. */
const NAME_FIELDS: [string, string, Dto, (name: string) => object][] = [
  ['CreateParticipantDto', 'firstName', CreateParticipantDto, (n) => ({ firstName: n })],
  ['CreateParticipantDto', 'lastName', CreateParticipantDto, (n) => ({ lastName: n })],
  ['UpdateParticipantDto', 'firstName', UpdateParticipantDto, (n) => ({ firstName: n })],
  ['ReferralDto', 'firstName', ReferralDto, (n) => ({ firstName: n })],
  ['ReferralDto', 'lastName', ReferralDto, (n) => ({ lastName: n })],
  ['ReferralDto', 'referrerName', ReferralDto, (n) => ({ referrerName: n })],
  ['StaffMemberDto', 'name', StaffMemberDto, (n) => ({ name: n })],
  ['CommitteeMemberDto', 'name', CommitteeMemberDto, (n) => ({ name: n })],
  ['CreateUserDto', 'displayName', CreateUserDto, (n) => ({ displayName: n })],
  ['EmployerDto', 'contacts.0.name', EmployerDto, (n) => ({ contacts: [{ name: n }] })],
];

/** The field errors the api's ValidationPipe gives for `body` at `path`. */
async function errorsAt(dto: Dto, path: string, body: object): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: dto });
    return [];
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    return (err.errors ?? []).filter((e) => e.field === path);
  }
}

function valueAt(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe('person names (issue 16, item 17)', () => {
  it.each(NAME_FIELDS)(
    '%s.%s refuses a bidirectional control with invalid_characters',
    async (_name, path, dto, body) => {
      for (const control of ['\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C']) {
        const errors = await errorsAt(dto, path, body(`Anna${control} Lind`));
        expect(errors.map((e) => [e.field, e.code])).toEqual([[path, 'invalid_characters']]);
      }
      expect(await errorsAt(dto, path, body('Anna Lind'))).toEqual([]);
    },
  );

  it.each(NAME_FIELDS)(
    '%s.%s drops zero-width characters and is NFC-normalised',
    (_name, path, dto, body) => {
      const typed = 'A\u0300\u200Bsa\u200C \u200DL\uFEFFi\u2060nd';
      expect(valueAt(plainToInstance(dto, body(typed)), path)).toBe('\u00C0sa Lind');
      expect(valueAt(plainToInstance(dto, body('A\u030Asa')), path)).toBe('\u00C5sa');
    },
  );

  it('words the refusal', async () => {
    expect(await errorsAt(CreateUserDto, 'displayName', { displayName: '\u202Enimda' })).toEqual([
      {
        field: 'displayName',
        message: 'displayName must not contain characters that change the writing direction',
        code: 'invalid_characters',
      },
    ]);
  });
});
