import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '@/api/client';
import { PageTitle, QueryState, useToast } from '@/components';
import type { DeadLettersQuery } from '@/gql/graphql';
import { formatDateTime, formatNumber } from '@/i18n/format';
import { DeadLettersDocument, ResendMessageDocument } from './queries';
import { Refusal } from './Refusal';

type DeadLetter = DeadLettersQuery['deadLetterMessages'][number];

/** The API answers at most 100 dead letters at a time, newest failure first. */
const FIRST = 100;

/**
 * `/admin/post`: mail that could not be delivered, with "send again". Shows only what the API
 * gives: never the text or links of a message, and masked recipients stay masked.
 */
export function MailPage() {
  const { t } = useTranslation('admin');
  const letters = useQuery({
    queryKey: ['admin', 'deadLetters'],
    queryFn: () => request(DeadLettersDocument, { first: FIRST }),
  });
  return (
    <>
      <PageTitle>{t('mail.title')}</PageTitle>
      <p className="font-lead">{t('mail.intro')}</p>
      <QueryState
        query={letters}
        isEmpty={(d) => d.deadLetterMessages.length === 0}
        empty={t('mail.empty')}
      >
        {(d) => (
          <>
            {d.deadLetterMessages.some((m) => m.recipient.includes('•')) && (
              <p>{t('mail.masked')}</p>
            )}
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('mail.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mail.kind')}</th>
                    <th scope="col">{t('mail.recipient')}</th>
                    <th scope="col">{t('mail.failed')}</th>
                    <th scope="col">{t('mail.attempts')}</th>
                    <th scope="col">{t('mail.error')}</th>
                    <th scope="col">{t('mail.resentCount')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('users.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.deadLetterMessages.map((m) => (
                    <DeadLetterRow key={m.id} letter={m} />
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

function DeadLetterRow({ letter: m }: { letter: DeadLetter }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => request(ResendMessageDocument, { id: m.id }),
    onSuccess: async () => {
      toast(t('mail.resent', { recipient: m.recipient }));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'deadLetters'] });
    },
  });
  return (
    <tr>
      <th scope="row">{t(`mailKind.${m.kind}`, { defaultValue: t('mailKind.other') })}</th>
      <td>{m.recipient}</td>
      <td>{formatDateTime(m.failedAt ?? m.createdAt)}</td>
      <td>{formatNumber(m.attempts)}</td>
      <td>{m.lastError ?? t('mail.noError')}</td>
      <td>{t('mail.times', { count: m.resentCount })}</td>
      <td>
        <button
          type="button"
          className="button button-secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {t('mail.resend')}
          <span className="sr-only"> – {m.recipient}</span>
        </button>
        {resend.isError && <Refusal error={resend.error} />}
      </td>
    </tr>
  );
}
