import { useTranslation } from 'react-i18next';
import { Tag } from '@/components';
import type { CitizenStatus } from '@/gql/graphql';

const KIND = { ACTIVE: 'success', PAUSED: 'warning', CLOSED: 'neutral' } as const;

/** A citizen's case status as a tag (colour and word). */
export function StatusTag({ status }: { status: CitizenStatus }) {
  const { t } = useTranslation('consultant');
  return <Tag kind={KIND[status]}>{t(`status.${status}`)}</Tag>;
}
