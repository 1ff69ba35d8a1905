import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { useAuth } from '@/auth/AuthProvider';
import { PageTitle, QueryState, Tag } from '@/components';
import { useFormatWorkingTimes } from '@/forms/workingTimes';
import type { MentorSlotsQuery, PlacementStatus } from '@/gql/graphql';
import { formatDate, formatNumber } from '@/i18n/format';
import { MentorSlotsDocument } from './api';

type Slot = MentorSlotsQuery['placements']['edges'][number]['node'];

const STATUS_TAG: Record<PlacementStatus, 'neutral' | 'success' | 'warning' | 'info'> = {
  DRAFT: 'neutral',
  PUBLISHED: 'success',
  PAUSED: 'warning',
  CLOSED: 'info',
};

/**
 * The API shows a mentor every slot of their companies; this page lists the ones the mentor is
 * named on. The API gives a mentor no id of their own mentor record, so they are recognised by
 * their sign-in address (an invitation goes to the mentor's address and the account keeps it).
 */
function namedOn(slot: Slot, email: string): boolean {
  return slot.mentor?.email.toLowerCase() === email.toLowerCase();
}

/** `/mentor`: read only, with status and period. */
export function MentorSlotsPage() {
  const { t } = useTranslation('mentor');
  const formatWorkingTimes = useFormatWorkingTimes();
  const { user } = useAuth();
  const query = useQuery({
    queryKey: ['mentor', 'slots'],
    queryFn: () => request(MentorSlotsDocument),
  });
  const mine = (data: MentorSlotsQuery) =>
    data.placements.edges.map((e) => e.node).filter((s) => user && namedOn(s, user.email));
  const hours = (s: Slot) =>
    s.weeklyHoursMin === s.weeklyHoursMax
      ? t('slots.hoursExact', { hours: formatNumber(s.weeklyHoursMax, 1) })
      : t('slots.hours', {
          min: formatNumber(s.weeklyHoursMin, 1),
          max: formatNumber(s.weeklyHoursMax, 1),
        });
  return (
    <>
      <PageTitle>{t('slots.title')}</PageTitle>
      <QueryState query={query} isEmpty={(d) => mine(d).length === 0} empty={t('slots.empty')}>
        {(data) => (
          <>
            <p className="font-lead">
              {data.myCompanies.length
                ? t('slots.intro', { companies: data.myCompanies.map((c) => c.name).join(', ') })
                : t('slots.introNoCompany')}
            </p>
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('slots.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('slots.colTitle')}</th>
                    <th scope="col">{t('slots.colStatus')}</th>
                    <th scope="col">{t('slots.colPeriod')}</th>
                    <th scope="col">{t('slots.colHours')}</th>
                    <th scope="col">{t('slots.colPlace')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine(data).map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <span className="d-block">{s.title}</span>
                        <span className="d-block weight-normal">{s.occupation.label}</span>
                        {s.tasks.length > 0 && (
                          <ul className="weight-normal mt-2 mb-0" aria-label={t('slots.tasks')}>
                            {s.tasks.map((task) => (
                              <li key={task}>{task}</li>
                            ))}
                          </ul>
                        )}
                      </th>
                      <td>
                        <Tag kind={STATUS_TAG[s.status]}>{t(`status.${s.status}`)}</Tag>
                      </td>
                      <td>
                        <span className="d-block">
                          {s.startLatest
                            ? t('slots.startWindow', {
                                from: formatDate(s.startEarliest),
                                to: formatDate(s.startLatest),
                              })
                            : t('slots.startFrom', { from: formatDate(s.startEarliest) })}
                        </span>
                        <span className="d-block">
                          {t('slots.weeks', { count: s.durationWeeks })}
                        </span>
                      </td>
                      <td>
                        <span className="d-block">{hours(s)}</span>
                        {s.workingTimes && (
                          <span className="d-block">{formatWorkingTimes(s.workingTimes)}</span>
                        )}
                        {s.scheduleNotes && <span className="d-block">{s.scheduleNotes}</span>}
                      </td>
                      <td>
                        {s.site
                          ? `${s.site.name}, ${s.site.streetAddress}, ${s.site.postalCode}`
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
