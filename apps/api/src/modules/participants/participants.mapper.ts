import type { ParticipantResponse } from '@stegvis/contracts';
import { maskIdentity } from '../../common/masking/masking';
import type { Participant } from './entities/participant.entity';
import { formatPersonalNumber } from './personal-number.util';

/**
 * The record as this viewer may see it: when her identity is protected and the viewer is not among those who see
 * her (PolicyService), the one masking step blanks her name, number, contact data and quasi-identifiers.
 */
export function toParticipantResponse(p: Participant, identityVisible: boolean): ParticipantResponse {
  const masked = p.protectedIdentity && !identityVisible;
  return maskIdentity(
    {
      id: p.id,
      displayName: masked ? p.pseudonym : `${p.firstName} ${p.lastName}`,
      firstName: p.firstName,
      lastName: p.lastName,
      personalNumber: p.personalNumber ? formatPersonalNumber(p.personalNumber) : null,
      phone: p.phone,
      email: p.email,
      address: p.address,
      pseudonym: p.pseudonym,
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
    },
    masked,
  );
}
