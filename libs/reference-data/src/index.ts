export { Countries, type Country, NO_REGIONAL_GROUP, isUnLanguage, requestedLanguage, UN_LANGUAGES, type UnLanguage } from './countries.js';
export {
  type Membership,
  type NonStateMembership,
  type RegionalOrganisation,
  RegionalOrganisations,
} from './regional-organisations.js';
export { ReferenceDataModule } from './reference-data.module.js';
