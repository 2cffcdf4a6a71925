import type { Role } from '@stegvis/contracts';
import { minutesRecipients } from './minutes-recipients';

const user = (id: string, role: Role, programmeIds = ['p1'], active = true) => ({
  id,
  email: `${id}@test.se`,
  role,
  active,
  programmeIds,
});

describe('minutesRecipients', () => {
  it('sends to the invited analysis members and staff of the programme, nobody else', () => {
    const invited = [
      user('analys', 'analysis_member'),
      user('staff', 'staff'),
      user('styr', 'steering'),
      user('utv', 'evaluator'),
      user('admin', 'admin', []),
      user('other', 'staff', ['p2']),
      user('gone', 'analysis_member', ['p1'], false),
      null,
      user('staff', 'staff'),
    ];
    expect(minutesRecipients('p1', invited).map((u) => u.id)).toEqual(['analys', 'staff']);
  });
});
