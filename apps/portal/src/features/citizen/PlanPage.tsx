import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, request } from '@/api/client';
import {
  ChoiceGroup,
  ErrorMessage,
  PageTitle,
  QueryState,
  Radio,
  Tag,
  useToast,
} from '@/components';
import type { ContactPreference, MilestoneStatus, MyPlanQuery } from '@/gql/graphql';
import { formatDate, formatDateTime, formatNumber } from '@/i18n/format';
import { MyOverviewDocument, MyPlanDocument, SetMyContactPreferenceDocument } from './queries';

const STATUS_KIND: Record<MilestoneStatus, 'info' | 'success' | 'warning' | 'neutral'> = {
  OPEN: 'info',
  REACHED: 'success',
  MISSED: 'warning',
  DROPPED: 'neutral',
};

/** `/mit-forloeb`: the citizen's goals in their own words, their plan, and the plan as PDF. */
export function PlanPage() {
  const { t } = useTranslation('citizen');
  const overview = useQuery({
    queryKey: ['citizen', 'overview'],
    queryFn: () => request(MyOverviewDocument),
  });
  const plan = useQuery({ queryKey: ['citizen', 'plan'], queryFn: () => request(MyPlanDocument) });

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageTitle>{t('plan.title')}</PageTitle>
        <p className="font-lead">{t('plan.intro')}</p>
        <DownloadPlan />

        <section aria-labelledby="goals-heading" className="mt-7">
          <h2 id="goals-heading">{t('plan.goalsHeading')}</h2>
          <QueryState
            query={overview}
            isEmpty={(d) => d.myProfile.jobGoals.length === 0}
            empty={t('plan.goalsEmpty')}
          >
            {(d) => (
              <ul className="nobullet-list">
                {[...d.myProfile.jobGoals]
                  .sort((a, b) => a.priority - b.priority)
                  .map((goal) => (
                    <li key={goal.id} className="card mb-5">
                      <div className="card-content">
                        <p className="font-lead mt-0">“{goal.ownWords}”</p>
                        <GoalFacts goal={goal} />
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </QueryState>
        </section>

        <QueryState query={plan}>{(d) => <PlanSections plan={d.myPlan} />}</QueryState>

        {overview.isSuccess && (
          <ContactPreferenceForm current={overview.data.myProfile.contactPreference ?? 'NONE'} />
        )}
      </div>
    </div>
  );
}

function GoalFacts({
  goal,
}: {
  goal: {
    hoursNow?: number | null;
    hoursLater?: number | null;
    earliestStart?: string | null;
    maxCommuteKm?: number | null;
  };
}) {
  const { t } = useTranslation('citizen');
  const facts: string[] = [];
  if (goal.hoursNow != null && goal.hoursLater != null)
    facts.push(
      t('plan.goalHours', {
        now: formatNumber(goal.hoursNow, 1),
        later: formatNumber(goal.hoursLater, 1),
      }),
    );
  else if (goal.hoursNow != null)
    facts.push(t('plan.goalHoursNow', { now: formatNumber(goal.hoursNow, 1) }));
  if (goal.earliestStart) facts.push(t('plan.goalStart', { date: formatDate(goal.earliestStart) }));
  if (goal.maxCommuteKm != null) facts.push(t('plan.goalCommute', { km: goal.maxCommuteKm }));
  if (facts.length === 0) return null;
  return (
    <ul className="mb-0">
      {facts.map((f) => (
        <li key={f}>{f}</li>
      ))}
    </ul>
  );
}

function PlanSections({ plan }: { plan: MyPlanQuery['myPlan'] }) {
  const { t } = useTranslation('citizen');
  if (!plan || (plan.version === 0 && !plan.longTermGoal && plan.milestones.length === 0))
    return (
      <section aria-labelledby="plan-heading" className="mt-7">
        <h2 id="plan-heading">{t('plan.longTermHeading')}</h2>
        <p className="empty-state">{t('plan.noPlan')}</p>
      </section>
    );
  const milestones = [...plan.milestones].sort((a, b) =>
    (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
  );
  return (
    <>
      <section aria-labelledby="plan-heading" className="mt-7">
        <h2 id="plan-heading">{t('plan.longTermHeading')}</h2>
        <p className="font-lead">{plan.longTermGoal}</p>
        {plan.updatedAt && (
          <p className="form-hint">{t('plan.updated', { date: formatDateTime(plan.updatedAt) })}</p>
        )}
      </section>

      <section aria-labelledby="milestones-heading" className="mt-7">
        <h2 id="milestones-heading">{t('plan.milestonesHeading')}</h2>
        {milestones.length === 0 ? (
          <p className="empty-state">{t('plan.milestonesEmpty')}</p>
        ) : (
          <ol className="nobullet-list">
            {milestones.map((m) => (
              <li key={m.id} className="card mb-5">
                <div className="card-content">
                  <h3 className="h4 mt-0 mb-2">{m.title}</h3>
                  <p className="mt-0 mb-2">
                    {m.deadline ? (
                      <time dateTime={m.deadline}>
                        {t('plan.deadline', { date: formatDate(m.deadline) })}
                      </time>
                    ) : (
                      t('plan.noDeadline')
                    )}
                  </p>
                  <Tag kind={STATUS_KIND[m.status]}>{t(`milestoneStatus.${m.status}`)}</Tag>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="activities-heading" className="mt-7">
        <h2 id="activities-heading">{t('plan.activitiesHeading')}</h2>
        {plan.activities.length === 0 ? (
          <p className="empty-state">{t('plan.activitiesEmpty')}</p>
        ) : (
          <ul className="nobullet-list">
            {plan.activities.map((a) => (
              <li key={a.id} className="card mb-5">
                <div className="card-content">
                  <h3 className="h4 mt-0 mb-2">{a.title}</h3>
                  <p className="mt-0 mb-0">
                    {a.startsOn && a.endsOn
                      ? t('plan.period', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })
                      : a.startsOn
                        ? t('plan.from', { date: formatDate(a.startsOn) })
                        : a.endsOn
                          ? t('plan.until', { date: formatDate(a.endsOn) })
                          : null}
                  </p>
                  {a.responsible && (
                    <p className="mt-2 mb-0">{t('plan.responsible', { name: a.responsible })}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The plan as the API renders it (GET /me/plan.pdf), saved as a file. */
function DownloadPlan() {
  const { t } = useTranslation('citizen');
  const toast = useToast();
  const download = useMutation({
    mutationFn: () => downloadFile('/me/plan.pdf', 'min-plan.pdf'),
    onSuccess: () => toast(t('plan.downloaded')),
  });
  return (
    <div className="mt-5">
      {download.isError && <ErrorMessage error={download.error} />}
      <button
        type="button"
        className="button button-secondary"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t('plan.downloading') : t('plan.download')}
      </button>
    </div>
  );
}

function ContactPreferenceForm({ current }: { current: ContactPreference }) {
  const { t } = useTranslation('citizen');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<ContactPreference>(current);
  useEffect(() => setChoice(current), [current]);
  const save = useMutation({
    mutationFn: (preference: ContactPreference) =>
      request(SetMyContactPreferenceDocument, { input: { preference } }),
    onSuccess: () => {
      toast(t('plan.contactSaved'));
      void queryClient.invalidateQueries({ queryKey: ['citizen', 'overview'] });
    },
  });
  return (
    <section aria-labelledby="contact-heading" className="mt-7">
      <h2 id="contact-heading">{t('plan.contactHeading')}</h2>
      {save.isError && <ErrorMessage error={save.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(choice);
        }}
      >
        <ChoiceGroup legend={t('plan.contactLegend')} hint={t('plan.contactHint')}>
          {(['EMAIL', 'NONE'] as const).map((value) => (
            <Radio
              key={value}
              name="contactPreference"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
              label={t(`plan.contact${value}`)}
            />
          ))}
        </ChoiceGroup>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('plan.contactSave')}
        </button>
      </form>
    </section>
  );
}
