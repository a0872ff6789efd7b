import countries from 'i18n-iso-countries';

/**
 * Names under which a State (or an organisation whose affiliation Chatham House also protects)
 * can be named in English. From i18n-iso-countries, plus the forms UN documents use that the
 * package lacks ("Viet Nam", "Iran (Islamic Republic of)"), plus common demonyms.
 */

// UN short names and other spellings current in UN documents, missing from the ISO package's English list.
const UN_FORMS = [
  'Viet Nam',
  'Laos',
  "Lao People's Democratic Republic",
  'Republic of Korea',
  "Democratic People's Republic of Korea",
  'Iran (Islamic Republic of)',
  'Bolivia (Plurinational State of)',
  'Venezuela (Bolivarian Republic of)',
  'Micronesia (Federated States of)',
  'Republic of Moldova',
  'Moldova',
  'United Kingdom of Great Britain and Northern Ireland',
  'Holy See',
  'Cabo Verde',
  'Kingdom of the Netherlands',
  'United Republic of Tanzania',
];

// Organisations named in these consultations. Naming one as a speaker reveals an affiliation,
// which the Chatham House rule protects as much as an identity.
export const ORGANISATION_NAMES = [
  'European Union',
  'African Union',
  'ASEAN',
  'ASEAN Regional Forum',
  'Organization of American States',
  'OAS',
  'OSCE',
  'Organization for Security and Co-operation in Europe',
  'League of Arab States',
  'Arab League',
];

/** Demonyms that name a State's delegation ("the Japanese delegation noted"). Cheap, not exhaustive. */
export const DEMONYMS = [
  'Afghan', 'Albanian', 'Algerian', 'American', 'Angolan', 'Argentine', 'Argentinian', 'Armenian', 'Australian',
  'Austrian', 'Azerbaijani', 'Bahraini', 'Bangladeshi', 'Belarusian', 'Belgian', 'Bolivian', 'Brazilian', 'British',
  'Bruneian', 'Bulgarian', 'Burkinabe', 'Cambodian', 'Cameroonian', 'Canadian', 'Chilean', 'Chinese', 'Colombian',
  'Congolese', 'Costa Rican', 'Croatian', 'Cuban', 'Cypriot', 'Czech', 'Danish', 'Dominican', 'Dutch', 'Ecuadorian',
  'Egyptian', 'Emirati', 'Estonian', 'Ethiopian', 'Fijian', 'Filipino', 'Finnish', 'French', 'Georgian', 'German',
  'Ghanaian', 'Greek', 'Guatemalan', 'Haitian', 'Honduran', 'Hungarian', 'Icelandic', 'Indian', 'Indonesian',
  'Iranian', 'Iraqi', 'Irish', 'Israeli', 'Italian', 'Ivorian', 'Jamaican', 'Japanese', 'Jordanian', 'Kazakh',
  'Kenyan', 'Korean', 'Kuwaiti', 'Lao', 'Latvian', 'Lebanese', 'Libyan', 'Lithuanian', 'Malaysian', 'Malian',
  'Maltese', 'Mexican', 'Moldovan', 'Mongolian', 'Moroccan', 'Mozambican', 'Namibian', 'Nepalese', 'New Zealand',
  'Nigerian', 'Nigerien', 'Norwegian', 'Omani', 'Pakistani', 'Palestinian', 'Panamanian', 'Paraguayan', 'Peruvian',
  'Philippine', 'Polish', 'Portuguese', 'Qatari', 'Romanian', 'Russian', 'Rwandan', 'Saudi', 'Senegalese', 'Serbian',
  'Singaporean', 'Slovak', 'Slovenian', 'South African', 'Spanish', 'Sri Lankan', 'Sudanese', 'Swedish', 'Swiss',
  'Syrian', 'Tanzanian', 'Thai', 'Tunisian', 'Turkish', 'Ugandan', 'Ukrainian', 'Uruguayan', 'Uzbek', 'Venezuelan',
  'Vietnamese', 'Yemeni', 'Zambian', 'Zimbabwean',
];

// The package's "Korea, Republic of" style inversions never occur in running text.
const usable = (name: string) => !name.includes(',') && name.trim().length >= 2;

let cached: string[] | undefined;

/** Every English name of a State, longest first so that a regex alternation prefers "Republic of Korea" to "Korea". */
export function stateNames(): string[] {
  if (!cached) {
    const fromPackage = Object.values(countries.getNames('en', { select: 'all' })).flat();
    const all = new Set([...fromPackage, ...UN_FORMS].filter(usable));
    cached = [...all].sort((a, b) => b.length - a.length || a.localeCompare(b));
  }
  return cached;
}
