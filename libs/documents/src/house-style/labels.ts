import type { Gender, UnLanguage } from '../document-model.js';

/**
 * The few words the renderers write themselves (headings, the DRAFT mark, status lines), in the six
 * UN languages. Everything else in a document is the caller's text.
 */
export interface Labels {
  /** The comma that joins parts of a line (", ", Arabic "، ", Chinese "，"). */
  comma: string;
  /** Between the items of a list whose items hold commas. */
  semicolon: string;
  introduction: string;
  programme: string;
  participation: string;
  conclusions: string;
  notes: string;
  draft: string;
  draftNotice: string;
  edition: (n: number) => string;
  version: (n: number) => string;
  asOf: (instant: string) => string;
  published: (day: string) => string;
  onTheMarginsOf: (meeting: string) => string;
  overview: string;
  mandate: string;
  modalities: string;
  objectives: string;
  seriesParticipation: string;
  chairSummary: string;
  seriesReport: string;
  /** Participation report. */
  participationReport: string;
  participants: string;
  statesRepresented: string;
  stakeholderGroups: string;
  genderBalance: string;
  regions: string;
  states: string;
  regionalCoverage: string;
  represented: string;
  notRepresented: string;
  share: string;
  genders: Record<Gender, string>;
  /** "Participants by stakeholder group: …" for a chart's description. */
  chartDescription: (what: string, items: string) => string;
  backToReference: (n: number) => string;
  note: (n: number) => string;
}

export const LABELS: Record<UnLanguage, Labels> = {
  en: {
    semicolon: '; ',
    comma: ', ',
    introduction: 'Introduction',
    programme: 'Programme',
    participation: 'Participation',
    conclusions: 'Chair’s concluding summary',
    notes: 'Notes',
    draft: 'DRAFT',
    draftNotice: 'Draft: not an agreed or published text',
    edition: (n) => `Edition ${n}`,
    version: (n) => `version ${n}`,
    asOf: (t) => `as of ${t}`,
    published: (d) => `published ${d}`,
    onTheMarginsOf: (m) => `Held on the margins of ${m}`,
    overview: 'Overview',
    mandate: 'Mandate',
    modalities: 'Modalities',
    objectives: 'Objectives',
    seriesParticipation: 'Participation across the series',
    chairSummary: 'Chair’s summary',
    seriesReport: 'Series report',
    participationReport: 'Participation report',
    participants: 'Participants',
    statesRepresented: 'States represented',
    stakeholderGroups: 'Participants by stakeholder group',
    genderBalance: 'Gender balance',
    regions: 'Participants by region',
    states: 'Participants by State',
    regionalCoverage: 'Coverage of regional organisations',
    represented: 'Represented',
    notRepresented: 'Not represented',
    share: 'Share',
    genders: { woman: 'Women', man: 'Men', 'non-binary': 'Non-binary', 'not-stated': 'Not stated' },
    chartDescription: (what, items) => `${what}: ${items}.`,
    backToReference: (n) => `Back to reference ${n}`,
    note: (n) => `Note ${n}`,
  },
  fr: {
    semicolon: ' ; ',
    comma: ', ',
    introduction: 'Introduction',
    programme: 'Programme',
    participation: 'Participation',
    conclusions: 'Résumé final de la présidence',
    notes: 'Notes',
    draft: 'PROJET',
    draftNotice: 'Projet : texte ni approuvé ni publié',
    edition: (n) => `Édition ${n}`,
    version: (n) => `version ${n}`,
    asOf: (t) => `état au ${t}`,
    published: (d) => `publié le ${d}`,
    onTheMarginsOf: (m) => `Tenu en marge de ${m}`,
    overview: 'Aperçu',
    mandate: 'Mandat',
    modalities: 'Modalités',
    objectives: 'Objectifs',
    seriesParticipation: 'Participation à l’ensemble de la série',
    chairSummary: 'Résumé de la présidence',
    seriesReport: 'Rapport sur la série',
    participationReport: 'Rapport sur la participation',
    participants: 'Participants',
    statesRepresented: 'États représentés',
    stakeholderGroups: 'Participants par groupe de parties prenantes',
    genderBalance: 'Équilibre entre les genres',
    regions: 'Participants par région',
    states: 'Participants par État',
    regionalCoverage: 'Représentation des organisations régionales',
    represented: 'Représentés',
    notRepresented: 'Non représentés',
    share: 'Part',
    genders: { woman: 'Femmes', man: 'Hommes', 'non-binary': 'Non binaires', 'not-stated': 'Non précisé' },
    chartDescription: (what, items) => `${what} : ${items}.`,
    backToReference: (n) => `Retour à l’appel de note ${n}`,
    note: (n) => `Note ${n}`,
  },
  es: {
    semicolon: '; ',
    comma: ', ',
    introduction: 'Introducción',
    programme: 'Programa',
    participation: 'Participación',
    conclusions: 'Resumen final de la Presidencia',
    notes: 'Notas',
    draft: 'BORRADOR',
    draftNotice: 'Borrador: texto no aprobado ni publicado',
    edition: (n) => `Edición ${n}`,
    version: (n) => `versión ${n}`,
    asOf: (t) => `al ${t}`,
    published: (d) => `publicado el ${d}`,
    onTheMarginsOf: (m) => `Celebrado paralelamente a ${m}`,
    overview: 'Panorama general',
    mandate: 'Mandato',
    modalities: 'Modalidades',
    objectives: 'Objetivos',
    seriesParticipation: 'Participación en el conjunto de la serie',
    chairSummary: 'Resumen de la Presidencia',
    seriesReport: 'Informe sobre la serie',
    participationReport: 'Informe sobre la participación',
    participants: 'Participantes',
    statesRepresented: 'Estados representados',
    stakeholderGroups: 'Participantes por grupo de partes interesadas',
    genderBalance: 'Equilibrio de género',
    regions: 'Participantes por región',
    states: 'Participantes por Estado',
    regionalCoverage: 'Representación de las organizaciones regionales',
    represented: 'Representados',
    notRepresented: 'No representados',
    share: 'Proporción',
    genders: { woman: 'Mujeres', man: 'Hombres', 'non-binary': 'No binarias', 'not-stated': 'No indicado' },
    chartDescription: (what, items) => `${what}: ${items}.`,
    backToReference: (n) => `Volver a la llamada ${n}`,
    note: (n) => `Nota ${n}`,
  },
  ru: {
    semicolon: '; ',
    comma: ', ',
    introduction: 'Введение',
    programme: 'Программа',
    participation: 'Участие',
    conclusions: 'Заключительное резюме Председателя',
    notes: 'Примечания',
    draft: 'ПРОЕКТ',
    draftNotice: 'Проект: текст не согласован и не опубликован',
    edition: (n) => `Издание ${n}`,
    version: (n) => `версия ${n}`,
    asOf: (t) => `по состоянию на ${t}`,
    published: (d) => `опубликовано ${d}`,
    onTheMarginsOf: (m) => `Проводится на полях мероприятия «${m}»`,
    overview: 'Обзор',
    mandate: 'Мандат',
    modalities: 'Порядок работы',
    objectives: 'Цели',
    seriesParticipation: 'Участие в серии в целом',
    chairSummary: 'Резюме Председателя',
    seriesReport: 'Доклад о серии',
    participationReport: 'Доклад об участии',
    participants: 'Участники',
    statesRepresented: 'Представленные государства',
    stakeholderGroups: 'Участники по группам заинтересованных сторон',
    genderBalance: 'Гендерный баланс',
    regions: 'Участники по регионам',
    states: 'Участники по государствам',
    regionalCoverage: 'Представленность региональных организаций',
    represented: 'Представлены',
    notRepresented: 'Не представлены',
    share: 'Доля',
    genders: { woman: 'Женщины', man: 'Мужчины', 'non-binary': 'Небинарные', 'not-stated': 'Не указано' },
    chartDescription: (what, items) => `${what}: ${items}.`,
    backToReference: (n) => `Назад к сноске ${n}`,
    note: (n) => `Примечание ${n}`,
  },
  zh: {
    semicolon: '；',
    comma: '，',
    introduction: '导言',
    programme: '日程',
    participation: '与会情况',
    conclusions: '主席总结',
    notes: '注',
    draft: '草稿',
    draftNotice: '草稿：未经商定或发布的文本',
    edition: (n) => `第${n}版`,
    version: (n) => `版本${n}`,
    asOf: (t) => `截至${t}`,
    published: (d) => `发布于${d}`,
    onTheMarginsOf: (m) => `在${m}期间举行`,
    overview: '概述',
    mandate: '任务',
    modalities: '方式',
    objectives: '目标',
    seriesParticipation: '整个系列的与会情况',
    chairSummary: '主席摘要',
    seriesReport: '系列报告',
    participationReport: '与会情况报告',
    participants: '与会者',
    statesRepresented: '派代表出席的国家',
    stakeholderGroups: '按利益攸关方群体分列的与会者',
    genderBalance: '性别均衡',
    regions: '按区域分列的与会者',
    states: '按国家分列的与会者',
    regionalCoverage: '区域组织的代表情况',
    represented: '有代表出席',
    notRepresented: '无代表出席',
    share: '比例',
    genders: { woman: '女性', man: '男性', 'non-binary': '非二元性别', 'not-stated': '未说明' },
    chartDescription: (what, items) => `${what}：${items}。`,
    backToReference: (n) => `返回注${n}的引用处`,
    note: (n) => `注${n}`,
  },
  ar: {
    semicolon: '؛ ',
    comma: '، ',
    introduction: 'مقدمة',
    programme: 'البرنامج',
    participation: 'المشاركة',
    conclusions: 'الموجز الختامي للرئيس',
    notes: 'الحواشي',
    draft: 'مسودة',
    draftNotice: 'مسودة: نص غير متفق عليه وغير منشور',
    edition: (n) => `الطبعة ${n}`,
    version: (n) => `الصيغة ${n}`,
    asOf: (t) => `حتى ${t}`,
    published: (d) => `نُشرت في ${d}`,
    onTheMarginsOf: (m) => `عُقدت على هامش ${m}`,
    overview: 'لمحة عامة',
    mandate: 'الولاية',
    modalities: 'الطرائق',
    objectives: 'الأهداف',
    seriesParticipation: 'المشاركة في السلسلة ككل',
    chairSummary: 'موجز الرئيس',
    seriesReport: 'تقرير السلسلة',
    participationReport: 'تقرير المشاركة',
    participants: 'المشاركون',
    statesRepresented: 'الدول الممثلة',
    stakeholderGroups: 'المشاركون حسب فئة أصحاب المصلحة',
    genderBalance: 'التوازن بين الجنسين',
    regions: 'المشاركون حسب المنطقة',
    states: 'المشاركون حسب الدولة',
    regionalCoverage: 'تمثيل المنظمات الإقليمية',
    represented: 'ممثلة',
    notRepresented: 'غير ممثلة',
    share: 'النسبة',
    genders: { woman: 'نساء', man: 'رجال', 'non-binary': 'غير ثنائيي الجنس', 'not-stated': 'غير محدد' },
    chartDescription: (what, items) => `${what}: ${items}.`,
    backToReference: (n) => `العودة إلى الإحالة ${n}`,
    note: (n) => `الحاشية ${n}`,
  },
};
