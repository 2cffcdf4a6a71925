import type { ParticipantResponse } from '@stegvis/contracts';
import { maskIdentity } from '../../common/masking/masking';
import type { Participant } from './entities/participant.entity';
import { formatPersonalNumber } from './personal-number.util';

export function toParticipantResponse(p: Participant, identityVisible: boolean): ParticipantResponse {
  const masked = p.protectedIdentity && !identityVisible;
  const id = maskIdentity(
    {
      firstName: p.firstName,
      lastName: p.lastName,
      personalNumber: p.personalNumber ? formatPersonalNumber(p.personalNumber) : null,
      phone: p.phone,
      email: p.email,
      address: p.address,
      pseudonym: p.pseudonym,
    },
    masked,
  );
  return {
    id: p.id,
    displayName: masked ? p.pseudonym : `${p.firstName} ${p.lastName}`,
    ...id,
    isCoordinationNumber: !masked && p.personalNumber !== null && Number(p.personalNumber.slice(6, 8)) > 60,
    masked,
    gender: p.gender,
    birthYear: p.birthYear,
    countryOfBirth: p.countryOfBirth,
    yearOfArrival: p.yearOfArrival,
    languages: p.languages,
    interpreterNeeded: p.interpreterNeeded,
    swedishLevel: p.swedishLevel,
    educationLevel: p.educationLevel,
    educationField: p.educationField,
    workExperience: p.workExperience,
    drivingLicence: p.drivingLicence,
    computerAtHome: p.computerAtHome,
    incomeSupport: p.incomeSupport,
    afStatus: p.afStatus,
    protectedIdentity: p.protectedIdentity,
    version: p.version,
  };
}
