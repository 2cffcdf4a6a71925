import { AuditEvent } from '../common/audit/audit-event.entity';
import { LoginAttempt } from '../modules/auth/entities/login-attempt.entity';
import { Session } from '../modules/auth/entities/session.entity';
import { Municipality } from '../modules/organisations/entities/municipality.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { ProgrammeMunicipality } from '../modules/programmes/entities/programme-municipality.entity';
import { ProgrammePartner } from '../modules/programmes/entities/programme-partner.entity';
import { Programme } from '../modules/programmes/entities/programme.entity';
import { UserProgramme } from '../modules/users/entities/user-programme.entity';
import { User } from '../modules/users/entities/user.entity';

/**
 * Every entity, for the migration CLI and the schema-drift test. Modules still register only their own with
 * TypeOrmModule.forFeature; this list exists because the CLI has no Nest container.
 */
export const ENTITIES = [
  AuditEvent,
  LoginAttempt,
  Session,
  Municipality,
  Organisation,
  Programme,
  ProgrammeMunicipality,
  ProgrammePartner,
  User,
  UserProgramme,
];
