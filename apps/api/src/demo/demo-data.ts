import { hashPassword } from '@jobbro/auth';
import { AppConfig, CONTENT_WORDS_VERSION, contentWords, Role, todayInDenmark } from '@jobbro/core';
import type { INestApplication } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Shown on the console at every start in the embedded default. Demo data only: never production. */
export const DEMO_PASSWORD = 'Jobbro-demo-2026';

interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

const JOB_CENTRES = [
  { key: 'kk', name: 'Jobcenter København', municipalityCode: 101 },
  { key: 'aarhus', name: 'Jobcenter Aarhus', municipalityCode: 751 },
  { key: 'odense', name: 'Jobcenter Odense', municipalityCode: 461 },
] as const;

const STAFF = [
  { email: 'admin@kk.jobbro.dk', name: 'Anne Lykke', role: Role.Administrator, centre: 'kk' },
  {
    email: 'konsulent@kk.jobbro.dk',
    name: 'Mette Sørensen',
    role: Role.JobConsultant,
    centre: 'kk',
  },
  { email: 'sagsbehandler@kk.jobbro.dk', name: 'Jonas Bech', role: Role.Caseworker, centre: 'kk' },
  {
    email: 'konsulent@aarhus.jobbro.dk',
    name: 'Ali Haddad',
    role: Role.JobConsultant,
    centre: 'aarhus',
  },
  {
    email: 'konsulent@odense.jobbro.dk',
    name: 'Sofie Kragh',
    role: Role.JobConsultant,
    centre: 'odense',
  },
] as const;

type Type = 'internship' | 'wage_subsidy' | 'ordinary_hours' | 'flex_job';
type Status = 'draft' | 'published' | 'paused';

interface DemoPlacement {
  title: string;
  occupation: string;
  type: Type;
  status: Status;
  description: string;
  tasks: string[];
  hours: [number, number];
  weeks: number;
  capacity: number;
  accommodations: string[];
  requirements?: string[];
  ordinary?: [number, number];
  schedule?: string;
}

interface DemoCompany {
  cvr: string;
  name: string;
  industry: string;
  employees: number;
  admin?: { email: string; name: string };
  site: { name: string; street: string; postalCode: string };
  mentors: { name: string; email: string; capacity: number; login?: boolean }[];
  partners: { centre: 'kk' | 'aarhus' | 'odense'; status: 'proposed' | 'active' | 'paused' }[];
  placements: DemoPlacement[];
}

// Fictional companies; the CVR numbers pass the modulus-11 check but are made up.
const COMPANIES: DemoCompany[] = [
  {
    cvr: '31000017',
    name: 'Køkkenet på Havnen ApS',
    industry: 'Restaurant',
    employees: 24,
    admin: { email: 'virksomhed@kokkenet.jobbro.dk', name: 'Lars Holm' },
    site: { name: 'Restauranten', street: 'Islands Brygge 22', postalCode: '2300' },
    mentors: [
      { name: 'Birgitte Holm', email: 'mentor@kokkenet.jobbro.dk', capacity: 2, login: true },
      { name: 'Karim Nasser', email: 'karim@kokkenet.jobbro.dk', capacity: 1 },
    ],
    partners: [{ centre: 'kk', status: 'active' }],
    placements: [
      {
        title: 'Køkkenhjælper i frokostkøkkenet',
        occupation: 'kitchen assistant',
        type: 'internship',
        status: 'published',
        description:
          'Vi laver frokost til 120 gæster om dagen. Du bliver en del af et roligt og fast hold.',
        tasks: ['Klargøring af grøntsager', 'Anretning af smørrebrød', 'Opvask og oprydning'],
        hours: [10, 25],
        weeks: 13,
        capacity: 2,
        accommodations: [
          'no_heavy_lifting',
          'breaks_as_needed',
          'fixed_routines',
          'close_guidance',
          'flexible_start_time',
        ],
        ordinary: [4, 5],
        schedule: 'Mandag-fredag 9-14; start kl. 10 de første uger er muligt.',
      },
      {
        title: 'Kok med ansvar for salater',
        occupation: 'cook',
        type: 'wage_subsidy',
        status: 'published',
        description: 'For en uddannet kok, der vil tilbage i faget i eget tempo.',
        tasks: ['Salater og kolde anretninger', 'Varebestilling med køkkenchefen'],
        hours: [20, 30],
        weeks: 26,
        capacity: 1,
        accommodations: ['no_heavy_lifting', 'breaks_as_needed'],
        ordinary: [8, 15],
      },
    ],
  },
  {
    cvr: '32000010',
    name: 'Grøn By Anlæg A/S',
    industry: 'Anlægsgartneri',
    employees: 58,
    admin: { email: 'hr@gronby.jobbro.dk', name: 'Pia Mortensen' },
    site: { name: 'Materielgården', street: 'Vasbygade 10', postalCode: '2450' },
    mentors: [{ name: 'Henrik Dahl', email: 'henrik@gronby.jobbro.dk', capacity: 3 }],
    partners: [{ centre: 'kk', status: 'active' }],
    placements: [
      {
        title: 'Anlægsgartner-medhjælper i byens parker',
        occupation: 'landscape gardener',
        type: 'internship',
        status: 'published',
        description: 'Udendørs arbejde i et sjak på tre. Vi lærer dig op fra bunden.',
        tasks: ['Beskæring af buske', 'Lugning og plantning', 'Affaldsindsamling i parker'],
        hours: [15, 30],
        weeks: 13,
        capacity: 3,
        accommodations: ['limited_customer_contact', 'fixed_routines', 'close_guidance'],
        requirements: ['danish_spoken'],
        ordinary: [6, 10],
      },
      {
        title: 'Småjob: vintervedligehold',
        occupation: 'landscape gardener',
        type: 'ordinary_hours',
        status: 'draft',
        description: 'Få timer om ugen med snerydning og saltning fra december.',
        tasks: [],
        hours: [4, 10],
        weeks: 12,
        capacity: 2,
        accommodations: ['short_days'],
      },
    ],
  },
  {
    cvr: '33000014',
    name: 'Lagerhuset Nord ApS',
    industry: 'Lager og logistik',
    employees: 85,
    admin: { email: 'drift@lagerhuset.jobbro.dk', name: 'Thomas Vestergaard' },
    site: { name: 'Lager Skejby', street: 'Agro Food Park 3', postalCode: '8200' },
    mentors: [{ name: 'Signe Bak', email: 'signe@lagerhuset.jobbro.dk', capacity: 4 }],
    partners: [
      { centre: 'aarhus', status: 'active' },
      { centre: 'kk', status: 'paused' },
    ],
    placements: [
      {
        title: 'Lagermedarbejder, pakning og plukning',
        occupation: 'warehouse worker',
        type: 'internship',
        status: 'published',
        description: 'Plukning af ordrer efter scanner. Rolige omgivelser om formiddagen.',
        tasks: ['Plukning efter scanner', 'Pakning af ordrer', 'Optælling af varer'],
        hours: [15, 32],
        weeks: 13,
        capacity: 4,
        accommodations: [
          'written_instructions',
          'fixed_routines',
          'quiet_workspace',
          'limited_customer_contact',
        ],
        ordinary: [5, 10],
      },
      {
        title: 'Truckfører i løntilskud',
        occupation: 'forklift operator',
        type: 'wage_subsidy',
        status: 'paused',
        description: 'Kørsel med gaffeltruck mellem lager og rampe.',
        tasks: ['Af- og pålæsning', 'Flytning af paller'],
        hours: [30, 37],
        weeks: 26,
        capacity: 1,
        accommodations: ['seated_work'],
        requirements: ['forklift_certificate'],
      },
    ],
  },
  {
    cvr: '34000018',
    name: 'Café Solsikken (socialøkonomisk virksomhed)',
    industry: 'Café',
    employees: 9,
    admin: { email: 'leder@solsikken.jobbro.dk', name: 'Hanne Juul' },
    site: { name: 'Caféen', street: 'Vestergade 40', postalCode: '5000' },
    mentors: [{ name: 'Mads Riis', email: 'mads@solsikken.jobbro.dk', capacity: 2 }],
    partners: [{ centre: 'odense', status: 'proposed' }],
    placements: [
      {
        title: 'Barista og café-medhjælper',
        occupation: 'barista',
        type: 'internship',
        status: 'published',
        description: 'En lille café med plads til at lære i eget tempo.',
        tasks: ['Kaffe og kage til gæster', 'Oprydning i caféen'],
        hours: [6, 20],
        weeks: 13,
        capacity: 2,
        accommodations: ['short_days', 'breaks_as_needed', 'reduced_pace', 'close_guidance'],
        ordinary: [10, 4],
      },
    ],
  },
  {
    cvr: '35000011',
    name: 'Plejecenter Lindegården',
    industry: 'Ældrepleje',
    employees: 140,
    admin: { email: 'leder@lindegaarden.jobbro.dk', name: 'Gitte Lund' },
    site: { name: 'Lindegården', street: 'Lindevej 5', postalCode: '2100' },
    mentors: [{ name: 'Rasmus Krogh', email: 'rasmus@lindegaarden.jobbro.dk', capacity: 2 }],
    partners: [{ centre: 'kk', status: 'active' }],
    placements: [
      {
        title: 'Servicemedarbejder i køkken og dagligstue',
        occupation: 'home care aide',
        type: 'flex_job',
        status: 'published',
        description: 'Hjælp til måltider og samvær med beboerne. Ingen personlig pleje.',
        tasks: ['Dække bord og servere', 'Samvær og aktiviteter med beboere'],
        hours: [10, 20],
        weeks: 26,
        capacity: 2,
        accommodations: ['varied_positions', 'breaks_as_needed', 'step_free_access'],
        requirements: ['clean_criminal_record'],
        ordinary: [0, 10],
      },
    ],
  },
];

const CITIZEN_LOGIN = 'borger@kk.jobbro.dk';

interface DemoCitizen {
  firstName: string;
  lastName: string;
  postalCode: string;
  targetGroup: string;
  goal: {
    words: string;
    occupations: string[];
    hoursNow: number;
    hoursLater: number;
    commuteKm: number;
  };
  needs: { accommodations: string[]; functionalLimits?: string; supportNeeds?: string };
  plan: { longTerm: string; milestones: [string, number, string][] };
  meeting: { notes: string; decisions: string; followUpInDays: number };
  scores: [string, number, number][];
  login?: boolean;
  shareWithFirstCompany?: boolean;
  /** Requirement-catalogue items a consultant confirmed. */
  qualifications?: string[];
  /**
   * A slot (by title) the consultant proposed some days ago, awaiting the citizen's answer: for a
   * citizen without a login, the consultant records it for them.
   */
  proposal?: {
    placement: string;
    daysAgo: number;
    startInDays: number;
    weeks: number;
    hours: number;
  };
}

// Invented people; any likeness to a real person is chance. No CPR numbers in demo data.
const CITIZENS: DemoCitizen[] = [
  {
    firstName: 'Ahmad',
    lastName: 'Karimi',
    postalCode: '2400',
    targetGroup: 'kontanthjaelp_aktivitetsparat',
    goal: {
      words:
        'Jeg er uddannet kok og vil gerne tilbage i et køkken, men jeg kan ikke løfte tungt på grund af min ryg.',
      occupations: ['cook', 'kitchen assistant'],
      hoursNow: 10,
      hoursLater: 25,
      commuteKm: 15,
    },
    needs: {
      accommodations: ['no_heavy_lifting', 'breaks_as_needed'],
      functionalLimits: 'Diskusprolaps i lænden; højst 5 kg løft, skal kunne skifte stilling.',
    },
    plan: {
      longTerm: 'Ordinært job som kok, 25 timer om ugen.',
      milestones: [
        ['Praktik i et køkken, 10 timer om ugen', 30, 'open'],
        ['5 ordinære timer om ugen', 90, 'open'],
      ],
    },
    meeting: {
      notes: 'Ahmad er motiveret, ryggen er bedre med fysioterapi.',
      decisions: 'Vi søger praktik i et frokostkøkken.',
      followUpInDays: -2,
    },
    scores: [
      ['belief_in_job', 7, 5],
      ['work_experience', 4, 4],
      ['health', 2, 3],
    ],
    login: true,
    shareWithFirstCompany: true,
  },
  {
    firstName: 'Sofie',
    lastName: 'Nielsen',
    postalCode: '2200',
    targetGroup: 'uddannelseshjaelp_aktivitetsparat',
    goal: {
      words: 'Jeg vil gerne arbejde et roligt sted med faste opgaver, måske på et lager.',
      occupations: ['warehouse worker'],
      hoursNow: 8,
      hoursLater: 20,
      commuteKm: 10,
    },
    needs: {
      accommodations: ['quiet_workspace', 'fixed_routines', 'written_instructions'],
      supportNeeds: 'ADHD; har brug for en fast kontaktperson og skriftlige aftaler.',
    },
    plan: {
      longTerm: 'Fast job på et lager eller uddannelse som lagerassistent.',
      milestones: [['Prøve et lager i to uger', 21, 'open']],
    },
    meeting: {
      notes: 'Sofie har svært ved mange mennesker på én gang.',
      decisions: 'Start med korte dage.',
      followUpInDays: 10,
    },
    scores: [
      ['belief_in_job', 5, 4],
      ['social_skills', 3, 3],
    ],
  },
  {
    firstName: 'Jens',
    lastName: 'Mikkelsen',
    postalCode: '2450',
    targetGroup: 'kontanthjaelp_aktivitetsparat',
    goal: {
      words: 'Jeg har altid godt kunnet lide at arbejde udenfor med planter.',
      occupations: ['landscape gardener'],
      hoursNow: 15,
      hoursLater: 30,
      commuteKm: 20,
    },
    needs: {
      accommodations: ['close_guidance', 'limited_customer_contact'],
      supportNeeds: 'Tidligere misbrug; i stabil behandling.',
    },
    plan: {
      longTerm: 'Job som anlægsgartner.',
      milestones: [['Praktik i et sjak hos en anlægsgartner', 45, 'open']],
    },
    meeting: {
      notes: 'Jens har været stoffri i et år.',
      decisions: 'Praktik med tæt mentorstøtte.',
      followUpInDays: -10,
    },
    scores: [['belief_in_job', 6, 6]],
    qualifications: ['danish_spoken'],
    proposal: {
      placement: 'Anlægsgartner-medhjælper i byens parker',
      daysAgo: 2,
      startInDays: 14,
      weeks: 4,
      hours: 15,
    },
  },
  {
    firstName: 'Mette',
    lastName: 'Larsen',
    postalCode: '2300',
    targetGroup: 'sygedagpenge',
    goal: {
      words: 'Jeg ved ikke helt endnu hvad jeg vil, men jeg vil gerne ud blandt mennesker igen.',
      occupations: [],
      hoursNow: 6,
      hoursLater: 15,
      commuteKm: 8,
    },
    needs: {
      accommodations: ['short_days', 'flexible_start_time'],
      functionalLimits: 'Angst; bedst om formiddagen.',
    },
    plan: {
      longTerm: 'Afklare et jobmål sammen.',
      milestones: [['Besøge to arbejdspladser', 14, 'open']],
    },
    meeting: {
      notes: 'Mette vil gerne prøve en café.',
      decisions: 'Virksomhedsbesøg på Café Solsikken.',
      followUpInDays: 5,
    },
    scores: [['belief_in_job', 3, 4]],
  },
];

async function seedCitizens(
  m: EntityManager,
  centres: Record<string, string>,
  staffIds: string[],
  firstCompanyId: string,
  today: string,
  passwordHash: string,
): Promise<void> {
  const [consultantId, caseworkerId] = staffIds;
  for (const c of CITIZENS) {
    const [citizen] = await m.query<{ id: string }[]>(
      `INSERT INTO citizen (job_centre_id, first_name, last_name, postal_code, municipality_code, latitude, longitude, created_by)
       SELECT $1, $2, $3, code, municipality_code, latitude, longitude, $5 FROM postal_code WHERE code = $4 RETURNING id`,
      [centres.kk, c.firstName, c.lastName, c.postalCode, consultantId],
    );
    await m.query(
      `INSERT INTO citizen_assignment (citizen_id, user_id, role) VALUES ($1, $2, 'consultant'), ($1, $3, 'caseworker')`,
      [citizen.id, consultantId, caseworkerId],
    );
    await m.query(
      `INSERT INTO citizen_target_group (citizen_id, target_group, valid_from) VALUES ($1, $2, $3)`,
      [citizen.id, c.targetGroup, addDays(today, -120)],
    );
    const occupationIds = [];
    for (const label of c.goal.occupations) occupationIds.push((await occupationId(m, label)).id);
    await m.query(
      `INSERT INTO job_goal (citizen_id, occupation_ids, own_words, hours_now, hours_later, max_commute_km, own_words_terms,
         own_words_terms_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        citizen.id,
        occupationIds,
        c.goal.words,
        c.goal.hoursNow,
        c.goal.hoursLater,
        c.goal.commuteKm,
        [...contentWords(c.goal.words)],
        CONTENT_WORDS_VERSION,
      ],
    );
    await m.query(
      `INSERT INTO citizen_need (citizen_id, accommodations, functional_limits, support_needs) VALUES ($1, $2::accommodation[], $3, $4)`,
      [
        citizen.id,
        c.needs.accommodations,
        c.needs.functionalLimits ?? null,
        c.needs.supportNeeds ?? null,
      ],
    );
    const plan = {
      longTermGoal: c.plan.longTerm,
      milestones: c.plan.milestones.map(([title, days, status], i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title,
        deadline: addDays(today, days),
        status,
      })),
      activities: [],
    };
    await m.query(
      `INSERT INTO plan (citizen_id, long_term_goal, milestones, activities, version, updated_by) VALUES ($1, $2, $3, '[]', 1, $4)`,
      [citizen.id, plan.longTermGoal, JSON.stringify(plan.milestones), consultantId],
    );
    await m.query(
      `INSERT INTO plan_revision (citizen_id, version, content, changed_fields, changed_by) VALUES ($1, 1, $2, '{longTermGoal,milestones}', $3)`,
      [citizen.id, JSON.stringify(plan), consultantId],
    );
    const heldOn = addDays(today, -30);
    await m.query(
      `INSERT INTO meeting (citizen_id, kind, held_on, participants, notes, decisions, next_follow_up_on, recorded_by)
       VALUES ($1, 'start', $2, $3, $4, $5, $6, $7)`,
      [
        citizen.id,
        heldOn,
        JSON.stringify([
          { name: `${c.firstName} ${c.lastName}`, role: 'citizen' },
          { name: 'Jonas Bech', role: 'caseworker' },
          { name: 'Mette Sørensen', role: 'company_consultant' },
          { name: 'Karen Friis', role: 'social_support' },
        ]),
        c.meeting.notes,
        c.meeting.decisions,
        addDays(today, c.meeting.followUpInDays),
        consultantId,
      ],
    );
    for (const [dimension, citizenScore, consultantScore] of c.scores) {
      await m.query(
        `INSERT INTO assessment (citizen_id, dimension, assessor_role, score, assessed_on) VALUES ($1, $2, 'citizen', $3, $5), ($1, $2, 'consultant', $4, $5)`,
        [citizen.id, dimension, citizenScore, consultantScore, heldOn],
      );
    }
    if (c.login) {
      const [user] = await m.query<{ id: string }[]>(
        `INSERT INTO app_user (email, password_hash, display_name, role) VALUES ($1, $2, $3, 'citizen') RETURNING id`,
        [CITIZEN_LOGIN, passwordHash, `${c.firstName} ${c.lastName}`],
      );
      await m.query(`UPDATE citizen SET user_id = $2 WHERE id = $1`, [citizen.id, user.id]);
    }
    if (c.shareWithFirstCompany) {
      await m.query(
        `INSERT INTO consent (citizen_id, company_id, scopes, purpose, recorded_by) VALUES ($1, $2, '{profile,job_goals,needs}', $3, $4)`,
        [citizen.id, firstCompanyId, 'Praktik i køkkenet', consultantId],
      );
    }
    for (const q of c.qualifications ?? [])
      await m.query(
        `INSERT INTO citizen_qualification (citizen_id, qualification, confirmed_on, confirmed_by)
         VALUES ($1, $2, $3, $4)`,
        [citizen.id, q, addDays(today, -30), consultantId],
      );
    if (c.proposal) await seedProposal(m, centres.kk, citizen.id, consultantId, today, c.proposal);
  }
}

/** An open proposal with its first event, as `proposePlacement` leaves it. */
async function seedProposal(
  m: EntityManager,
  jobCentreId: string,
  citizenId: string,
  consultantId: string,
  today: string,
  p: NonNullable<DemoCitizen['proposal']>,
): Promise<void> {
  const start = addDays(today, p.startInDays);
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO proposal (job_centre_id, citizen_id, placement_id, company_id, period, weekly_hours, answer_due_at,
       proposed_by, created_at, updated_at)
     SELECT $1, $2, pl.id, pl.company_id, daterange($4::date, $5::date, '[]'), $6,
            now() + make_interval(days => 14 - $7), $8, now() - make_interval(days => $7), now() - make_interval(days => $7)
       FROM placement pl WHERE pl.title = $3
     RETURNING id`,
    [
      jobCentreId,
      citizenId,
      p.placement,
      start,
      addDays(start, p.weeks * 7 - 1),
      p.hours,
      p.daysAgo,
      consultantId,
    ],
  );
  await m.query(
    `INSERT INTO proposal_event (proposal_id, from_status, to_status, actor, actor_role, actor_user_id, created_at)
     VALUES ($1, NULL, 'proposed_to_citizen', 'consultant', $2, $3, now() - make_interval(days => $4))`,
    [row.id, Role.JobConsultant, consultantId, p.daysAgo],
  );
}

async function occupationId(
  m: EntityManager,
  label: string,
): Promise<{ id: string; iscoCode: string }> {
  const rows: { id: string; iscoCode: string }[] = await m.query(
    `SELECT id, isco_code AS "iscoCode" FROM occupation WHERE label = $1`,
    [label],
  );
  if (!rows[0]) throw new Error(`Demo data: no ESCO occupation labelled '${label}'`);
  return rows[0];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Loads the demo data once (when there is no job centre yet); returns the demo logins to print. */
export async function seedDemoData(app: INestApplication): Promise<DemoLogin[]> {
  // loadConfig already refuses DEMO_DATA in production; this keeps any other caller honest too.
  if (app.get(AppConfig).isProduction) {
    throw new Error('Demo data is never loaded when NODE_ENV=production');
  }
  const dataSource = app.get(DataSource);
  const logins: DemoLogin[] = [
    ...STAFF.map((s) => ({ role: s.role, email: s.email, password: DEMO_PASSWORD })),
    { role: Role.CompanyAdmin, email: COMPANIES[0].admin!.email, password: DEMO_PASSWORD },
    { role: Role.Mentor, email: COMPANIES[0].mentors[0].email, password: DEMO_PASSWORD },
    { role: Role.Citizen, email: CITIZEN_LOGIN, password: DEMO_PASSWORD },
  ];
  const [{ n }] = await dataSource.query<
    {
      n: number;
    }[]
  >(`SELECT count(*)::int AS n FROM job_centre`);
  if (n > 0) return logins;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = todayInDenmark();
  await dataSource.transaction(async (m) => {
    const centres: Record<string, string> = {};
    for (const c of JOB_CENTRES) {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO job_centre (name, municipality_code) VALUES ($1, $2) RETURNING id`,
        [c.name, c.municipalityCode],
      );
      centres[c.key] = row.id;
    }
    const insertUser = async (
      email: string,
      name: string,
      role: Role,
      jobCentreId: string | null,
    ): Promise<string> => {
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO app_user (email, password_hash, display_name, role, job_centre_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [email, passwordHash, name, role, jobCentreId],
      );
      return row.id;
    };
    const staffIds: Record<string, string> = {};
    for (const s of STAFF)
      staffIds[s.email] = await insertUser(s.email, s.name, s.role, centres[s.centre]);
    const companyIds: string[] = [];

    for (const c of COMPANIES) {
      const adminId = c.admin
        ? await insertUser(c.admin.email, c.admin.name, Role.CompanyAdmin, null)
        : null;
      const [company] = await m.query<{ id: string }[]>(
        `INSERT INTO company (cvr, name, industry, ordinary_employees, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [c.cvr, c.name, c.industry, c.employees, adminId],
      );
      companyIds.push(company.id);
      if (adminId)
        await m.query(`INSERT INTO company_admin (company_id, user_id) VALUES ($1, $2)`, [
          company.id,
          adminId,
        ]);
      const [site] = await m.query<{ id: string }[]>(
        `INSERT INTO site (company_id, name, street_address, postal_code, municipality_code, latitude, longitude)
         SELECT $1, $2, $3, code, municipality_code, latitude, longitude FROM postal_code WHERE code = $4
         RETURNING id`,
        [company.id, c.site.name, c.site.street, c.site.postalCode],
      );
      const mentorIds: string[] = [];
      for (const mentor of c.mentors) {
        const userId = mentor.login
          ? await insertUser(mentor.email, mentor.name, Role.Mentor, null)
          : null;
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO mentor (company_id, site_id, name, email, capacity, user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [company.id, site.id, mentor.name, mentor.email, mentor.capacity, userId],
        );
        mentorIds.push(row.id);
      }
      for (const p of c.partners) {
        await m.query(
          `INSERT INTO partnership (company_id, job_centre_id, status, starts_on, slots_per_year, placement_types, proposed_by, proposed_by_side)
           VALUES ($1, $2, $3, $4, $5, $6::placement_type[], $7, 'company')`,
          [
            company.id,
            centres[p.centre],
            p.status,
            addDays(today, -90),
            6,
            ['internship', 'wage_subsidy'],
            adminId,
          ],
        );
      }
      for (const [i, p] of c.placements.entries()) {
        const occupation = await occupationId(m, p.occupation);
        const hasMentor = p.status !== 'draft' || p.tasks.length > 0;
        await m.query(
          `INSERT INTO placement (company_id, site_id, mentor_id, type, title, occupation_id, isco_code, description, tasks,
             weekly_hours_min, weekly_hours_max, schedule_notes, start_earliest, start_latest, duration_weeks, capacity,
             accommodations, requirements, ordinary_hours_possible, ordinary_hours_after_weeks, ordinary_hours_per_week,
             status, published_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::accommodation[],
             $18::placement_requirement[], $19, $20, $21, $22, $23, $24)`,
          [
            company.id,
            site.id,
            hasMentor ? mentorIds[i % mentorIds.length] : null,
            p.type,
            p.title,
            occupation.id,
            occupation.iscoCode,
            p.description,
            p.tasks,
            p.hours[0],
            p.hours[1],
            p.schedule ?? null,
            addDays(today, 7),
            addDays(today, 120),
            p.weeks,
            p.capacity,
            p.accommodations,
            p.requirements ?? [],
            p.ordinary !== undefined,
            p.ordinary?.[0] ?? null,
            p.ordinary?.[1] ?? null,
            p.status,
            p.status === 'draft' ? null : new Date(),
            adminId,
          ],
        );
      }
    }
    await seedCitizens(
      m,
      centres,
      [staffIds['konsulent@kk.jobbro.dk'], staffIds['sagsbehandler@kk.jobbro.dk']],
      companyIds[0],
      today,
      passwordHash,
    );
  });
  return logins;
}
