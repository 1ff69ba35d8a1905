import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, request } from '@/api/client';
import {
  Alert,
  EmptyState,
  Loading,
  Modal,
  PageTitle,
  QueryState,
  Tag,
  useErrorText,
  useToast,
} from '@/components';
import type { EmployerSlotsQuery } from '@/gql/graphql';
import { formatDate } from '@/i18n/format';
import { CloseSlotDocument, PauseSlotDocument, PublishSlotDocument, SlotsDocument } from './api';
import { STATUS_TAG, useMyCompany } from './shared';

type Slot = EmployerSlotsQuery['placements']['edges'][number]['node'];
type Action = 'publish' | 'pause' | 'close';

async function runAction(id: string, action: Action): Promise<void> {
  switch (action) {
    case 'publish':
      await request(PublishSlotDocument, { id });
      return;
    case 'pause':
      await request(PauseSlotDocument, { id });
      return;
    case 'close':
      await request(CloseSlotDocument, { id });
      return;
  }
}

/** What the API said when it refused an action: its message and each missing piece. */
interface Refusal {
  title: string;
  message: string;
  reasons: string[];
}

/** `/virksomhed/pladser`: the company's slots, their status and what may be done next. */
export function SlotsPage() {
  const { t } = useTranslation('employer');
  const { t: tc } = useTranslation();
  const { query: companies, company } = useMyCompany();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorText = useErrorText();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [closing, setClosing] = useState<Slot | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  const slots = useQuery({
    queryKey: ['employer', 'slots', company?.id],
    queryFn: () => request(SlotsDocument, { filter: { companyId: company!.id }, first: 50 }),
    enabled: company !== undefined,
  });

  const act = useMutation({
    mutationFn: ({ slot, action }: { slot: Slot; action: Action }) => runAction(slot.id, action),
    onMutate: () => setRefusal(null),
    onSuccess: async (_data, { slot, action }) => {
      await queryClient.invalidateQueries({ queryKey: ['employer', 'slots'] });
      queryClient.removeQueries({ queryKey: ['employer', 'slot', slot.id] });
      const key = { publish: 'publishedToast', pause: 'pausedToast', close: 'closedToast' }[action];
      toast(t(`actions.${key}`, { title: slot.title }));
    },
    onError: (error, { slot }) => {
      setRefusal({
        title: slot.title,
        message: errorText(error),
        reasons: error instanceof ApiError ? error.fields.map((f) => f.message) : [],
      });
    },
  });

  // The refusal takes focus, so the person hears why at once.
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  const run = (slot: Slot, action: Action) => {
    if (action === 'close') setClosing(slot);
    else act.mutate({ slot, action });
  };

  const actionLabel = (slot: Slot, action: string) =>
    action === 'publish' && slot.status === 'PAUSED'
      ? t('actions.resume')
      : t(`actions.${action}`, { defaultValue: action });

  return (
    <>
      <PageTitle>{t('slots.title')}</PageTitle>
      <p className="font-lead">{t('slots.intro')}</p>
      {refusal && (
        <div ref={refusalRef} tabIndex={-1} className="mb-5">
          <Alert kind="error" heading={t('actions.refusedHeading', { title: refusal.title })}>
            <p>{refusal.message}</p>
            {refusal.reasons.length > 0 && (
              <ul>
                {refusal.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {companies.isError ? (
        <QueryState query={companies}>{() => null}</QueryState>
      ) : companies.data && !company ? (
        <Alert kind="info">
          <p>{t('slots.noCompany')}</p>
          <p>
            <Link to="/virksomhed">{t('slots.toCompany')}</Link>
          </p>
        </Alert>
      ) : !company ? (
        <Loading />
      ) : (
        <QueryState query={slots}>
          {(data) =>
            data.placements.edges.length === 0 ? (
              <>
                <EmptyState>{t('slots.empty')}</EmptyState>
                <p>
                  <Link className="button button-primary" to="/virksomhed/pladser/ny">
                    {t('slots.createFirst')}
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p>
                  <Link className="button button-primary" to="/virksomhed/pladser/ny">
                    {t('slots.create')}
                  </Link>
                </p>
                {data.placements.totalCount > data.placements.edges.length && (
                  <p>
                    {t('slots.showing', {
                      shown: data.placements.edges.length,
                      total: data.placements.totalCount,
                    })}
                  </p>
                )}
                <div className="table--responsive-scroll">
                  <table className="table table--zebra">
                    <caption className="sr-only">{t('slots.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('slots.colTitle')}</th>
                        <th scope="col">{t('slots.colOccupation')}</th>
                        <th scope="col">{t('slots.colStatus')}</th>
                        <th scope="col">{t('slots.colStart')}</th>
                        <th scope="col">{t('slots.colActions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.placements.edges.map(({ node: slot }) => (
                        <tr key={slot.id}>
                          <th scope="row">
                            <Link to={`/virksomhed/pladser/${slot.id}`}>{slot.title}</Link>
                          </th>
                          <td>{slot.occupation.label}</td>
                          <td>
                            <Tag kind={STATUS_TAG[slot.status]}>{t(`status.${slot.status}`)}</Tag>
                          </td>
                          <td>
                            {slot.startLatest
                              ? t('slots.startWindow', {
                                  from: formatDate(slot.startEarliest),
                                  to: formatDate(slot.startLatest),
                                })
                              : t('slots.startFrom', { from: formatDate(slot.startEarliest) })}
                          </td>
                          <td>
                            <ul
                              className="nobullet-list"
                              aria-label={t('slots.actionsFor', { title: slot.title })}
                            >
                              {slot.availableActions.map((action) => (
                                <li key={action} className="mb-2">
                                  <button
                                    type="button"
                                    className={`button ${action === 'publish' ? 'button-primary' : 'button-secondary'}`}
                                    disabled={act.isPending}
                                    onClick={() => run(slot, action as Action)}
                                  >
                                    {actionLabel(slot, action)}
                                    <span className="sr-only">: {slot.title}</span>
                                  </button>
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )
          }
        </QueryState>
      )}
      <Modal
        open={closing !== null}
        title={t('actions.closeConfirmTitle', { title: closing?.title ?? '' })}
        onClose={() => setClosing(null)}
        footer={
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                if (closing) act.mutate({ slot: closing, action: 'close' });
                setClosing(null);
              }}
            >
              {t('actions.close')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setClosing(null)}
            >
              {tc('actions.cancel')}
            </button>
          </>
        }
      >
        <p>{t('actions.closeConfirmText')}</p>
      </Modal>
    </>
  );
}
